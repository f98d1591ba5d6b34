package io.rastermill.core.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import org.junit.jupiter.api.Test;

/** Seeded invariants over random tiles of every cell type: round trips and NoData propagation. */
class TilePropertiesTest {
    private static final long SEED = 7L;
    private static final int CASES = 1500;

    @Test
    void bytesRoundTripAndCropsTileTheWhole() {
        RandomTiles gen = new RandomTiles(SEED);
        for (int i = 0; i < CASES; i++) {
            ArrayTile t = gen.tile(gen.cellType(), 23);
            assertEquals(t, Tiles.fromBytes(t.toBytes(), t.cellType(), t.cols(), t.rows()), "case " + i);
            // Two crops split at a random column put back together give the original cells.
            if (t.cols() > 1) {
                int split = 1 + gen.random().nextInt(t.cols() - 1);
                Tile left = t.crop(0, 0, split - 1, t.rows() - 1);
                Tile right = t.crop(split, 0, t.cols() - 1, t.rows() - 1);
                for (int r = 0; r < t.rows(); r++) {
                    for (int c = 0; c < t.cols(); c++) {
                        Tile part = c < split ? left : right;
                        int pc = c < split ? c : c - split;
                        assertEquals(
                                Double.doubleToLongBits(t.getDouble(c, r)),
                                Double.doubleToLongBits(part.getDouble(pc, r)),
                                "case " + i);
                        assertEquals(t.get(c, r), part.get(pc, r), "case " + i);
                    }
                }
            }
        }
    }

    @Test
    void mapIfSetKeepsExactlyTheNoDataCellsAndBuilderEqualsLaneEncoding() {
        RandomTiles gen = new RandomTiles(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            CellType ct = gen.cellType();
            ArrayTile t = gen.tile(ct, 19);
            int[] before = t.toIntLane();
            int[] after = t.mapIfSet(z -> z & 0x3F).toIntLane();
            for (int k = 0; k < before.length; k++) {
                if (before[k] == NoData.INT) {
                    assertEquals(NoData.INT, after[k], "case " + i + " cell " + k);
                }
            }
            double[] lane = t.toDoubleLane();
            TileBuilder b = TileBuilder.zeros(ct, t.cols(), t.rows());
            int[] ints = t.toIntLane();
            for (int k = 0; k < lane.length; k++) {
                if (k % 2 == 0) {
                    b.setDouble(k % t.cols(), k / t.cols(), lane[k]);
                } else {
                    b.set(k % t.cols(), k / t.cols(), ints[k]);
                }
            }
            Tile built = b.build();
            for (int k = 0; k < lane.length; k++) {
                Tile viaLane = k % 2 == 0
                        ? ArrayTile.fromDoubleLane(ct, 1, 1, new double[] {lane[k]})
                        : ArrayTile.fromIntLane(ct, 1, 1, new int[] {ints[k]});
                assertEquals(
                        Double.doubleToLongBits(viaLane.getDouble(0)),
                        Double.doubleToLongBits(built.getDouble(k)),
                        ct + " case " + i + " cell " + k);
            }
        }
    }

    @Test
    void convertingToAWiderTypeAndBackIsTheIdentityOnIntegerCells() {
        RandomTiles gen = new RandomTiles(SEED + 2);
        CellType[] narrow = {
            CellType.INT8,
            CellType.UINT8,
            CellType.INT16,
            CellType.UINT16,
            CellType.parse("int16ud-9999"),
            CellType.parse("uint8ud255")
        };
        for (int i = 0; i < CASES; i++) {
            CellType ct = narrow[gen.random().nextInt(narrow.length)];
            ArrayTile t = gen.tile(ct, 16);
            Tile back = t.convert(CellType.FLOAT64).convert(CellType.INT32).convert(ct);
            assertArrayEquals(t.toIntLane(), back.toIntLane(), ct + " case " + i);
            assertTrue(back.cellType().equals(ct));
        }
    }
}
