package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.TileBytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BufferedTileBytesTest {
    @Test
    void roundTripKeepsTileHaloSidesAndCellSize() {
        ArrayTile t = ArrayTile.fromIntLane(CellType.INT16, 4, 3, new int[] {1, 2, 3, 4, 5, -6, 7, 8, 9, 10, 11, 12});
        for (BufferedTile.Sides s : new BufferedTile.Sides[] {
            BufferedTile.Sides.NONE,
            BufferedTile.Sides.ALL,
            new BufferedTile.Sides(true, false, false, true),
            new BufferedTile.Sides(false, true, true, false)
        }) {
            BufferedTile b = new BufferedTile(t, 1, s, new CellSize(2.5, 0.5));
            BufferedTile back = BufferedTileBytes.decode(BufferedTileBytes.encode(b));
            assertEquals(b, back);
            assertEquals(s, back.outside());
            assertEquals(new CellSize(2.5, 0.5), back.cellSize());
        }
    }

    @Test
    void aPlainOrTruncatedTileIsRefused() {
        ArrayTile t = ArrayTile.fromIntLane(CellType.INT16, 3, 3, new int[9]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BufferedTileBytes.decode(TileBytes.encode(t)));
        assertTrue(e.getMessage().startsWith("not a buffered tile"), e.getMessage());
        byte[] whole = BufferedTileBytes.encode(new BufferedTile(t, 1, BufferedTile.Sides.ALL, new CellSize(1, 1)));
        assertThrows(
                IllegalArgumentException.class, () -> BufferedTileBytes.decode(Arrays.copyOf(whole, whole.length - 3)));
    }
}
