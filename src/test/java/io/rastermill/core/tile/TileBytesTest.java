package io.rastermill.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import org.junit.jupiter.api.Test;

class TileBytesTest {

    @Test
    void roundTripsEveryCellTypeAndConstantTiles() {
        RandomTiles gen = new RandomTiles(5);
        for (int i = 0; i < 500; i++) {
            ArrayTile t = gen.tile(gen.cellType(), 20);
            assertEquals(t, TileBytes.decode(TileBytes.encode(t)), "case " + i);
        }
        for (CellType ct : RandomTiles.someCellTypes()) {
            ConstantTile c = Tiles.constant(ct, 300, 200, 1);
            Tile back = TileBytes.decode(TileBytes.encode(c));
            assertInstanceOf(ConstantTile.class, back);
            assertEquals(c, back);
        }
        assertEquals(
                1 + 2 + "int16ud-9999".length() + 9 + 2,
                TileBytes.encode(Tiles.constant(CellType.parse("int16ud-9999"), 512, 512, 5)).length,
                "compact constants");
    }

    @Test
    void refusesDamagedBytes() {
        byte[] ok = TileBytes.encode(Tiles.ofInts(CellType.INT32, 2, 2, 1, 2, 3, 4));
        assertThrows(
                IllegalArgumentException.class, () -> TileBytes.decode(java.util.Arrays.copyOf(ok, ok.length - 1)));
        ok[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> TileBytes.decode(ok));
    }
}
