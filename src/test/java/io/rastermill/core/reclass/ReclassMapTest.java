package io.rastermill.core.reclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reclass map's syntax and semantics, and the kernel in both lanes on hand-computed tiles. */
class ReclassMapTest {

    @Test
    void rangesAreHalfOpenAndTheFirstMatchWins() {
        ReclassMap m = ReclassMap.parse("0-10:1, 10-20:2, 15-30:3, 42:7, else:99");
        assertEquals(1, m.apply(0));
        assertEquals(1, m.apply(9.999));
        assertEquals(2, m.apply(10)); // 10 is in [10, 20), not in [0, 10)
        assertEquals(2, m.apply(17)); // overlap: [10, 20) was written first
        assertEquals(3, m.apply(20));
        assertEquals(7, m.apply(42));
        assertEquals(99, m.apply(42.5)); // else
        assertEquals(99, m.apply(-1));
        assertTrue(Double.isNaN(m.noDataTarget()), "NoData stays NoData without a nodata rule");
    }

    @Test
    void openEndsNegativeBoundsNoDataAndNoElse() {
        ReclassMap m = ReclassMap.parse("*--5:1,-5--1.5:2,100-*:3,nodata:0");
        assertEquals(1, m.apply(Double.NEGATIVE_INFINITY));
        assertEquals(1, m.apply(-5.0001));
        assertEquals(2, m.apply(-5));
        assertEquals(3, m.apply(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(m.apply(0)), "unmatched without else: NoData");
        assertEquals(0, m.noDataTarget());
        assertEquals(m, ReclassMap.parse(m.toString()), "canonical form parses back");
        assertEquals("*--5:1,-5--1.5:2,100-*:3,nodata:0", m.toString());
        ReclassMap e = ReclassMap.parse("1e-3-2.5E1:NODATA,else:-4");
        assertTrue(Double.isNaN(e.apply(0.001)));
        assertEquals(-4, e.apply(25));
        assertEquals(e, ReclassMap.parse(e.toString()));
    }

    @Test
    void errorsPointAtTheOffendingItem() {
        String[][] bad = {
            {"0-10:1,10-x:2", "item 2 \"10-x:2\""},
            {"0-10:1,5", "item 2 \"5\""},
            {"10-0:1", "item 1 \"10-0:1\": empty range"},
            {"1:2,else:3,else:4", "item 3"},
            {"0-10:a", "target \"a\""},
            {"", "empty"},
            {"nodata:1,nodata:2", "second 'nodata'"}
        };
        for (String[] b : bad) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ReclassMap.parse(b[0]), b[0]);
            assertTrue(e.getMessage().contains(b[1]), e.getMessage());
        }
    }

    @Test
    void kernelInBothLanesOnHandComputedTiles() {
        ReclassMap m = ReclassMap.parse("0-10:1,10-20:2,else:NODATA,nodata:5");
        Tile ints = Tiles.ofShorts(
                CellType.INT16, 3, 2, (short) 0, (short) 9, (short) 10, (short) 20, Short.MIN_VALUE, (short) -1);
        Tile r = ReclassOp.of(m).apply(ints);
        assertEquals(CellType.INT16, r.cellType());
        assertArrayEquals(new int[] {1, 1, 2, NoData.INT, 5, NoData.INT}, r.toIntLane());
        Tile floats = Tiles.ofFloats(CellType.FLOAT32, 3, 2, 0f, 9.99f, 10f, Float.NaN, 19.5f, 20f);
        Tile rf = ReclassOp.of(m, CellType.FLOAT32).apply(floats);
        assertArrayEquals(new double[] {1, 1, 2, 5, 2, Double.NaN}, rf.toDoubleLane());
        Tile ri = ReclassOp.of(m, CellType.UINT8).apply(floats);
        assertArrayEquals(new int[] {1, 1, 2, 5, 2, NoData.INT}, ri.toIntLane());
        Tile fractional = ReclassOp.of(ReclassMap.parse("*-10:0.25,else:1.5")).apply(ints);
        assertEquals(CellType.FLOAT32, fractional.cellType());
        assertArrayEquals(new double[] {0.25, 0.25, 1.5, 1.5, Double.NaN, 0.25}, fractional.toDoubleLane());
    }

    @Test
    void lookupTableAndRuleWalkAgreeOnRandomTiles() {
        Random rnd = new Random(42);
        ReclassMap m = ReclassMap.parse("*--1000:1,-1000-0:2,0-7:3,7:4,8-500:5,1000-*:6,nodata:7");
        ReclassOp op = ReclassOp.of(m, CellType.INT32);
        for (int trial = 0; trial < 20; trial++) {
            int span = trial % 2 == 0 ? 3000 : Integer.MAX_VALUE / 2; // narrow: table; wide: per-cell rules
            int[] lane = new int[500];
            for (int i = 0; i < lane.length; i++) {
                lane[i] = rnd.nextInt(10) == 0 ? NoData.INT : rnd.nextInt(span) - span / 2;
            }
            Tile t = Tiles.fromIntLane(CellType.INT32, 25, 20, lane);
            int[] got = op.apply(t).toIntLane();
            for (int i = 0; i < lane.length; i++) {
                double v = lane[i];
                int expected = lane[i] == NoData.INT ? 7 : Double.isNaN(m.apply(v)) ? NoData.INT : (int) m.apply(v);
                assertEquals(expected, got[i], "value " + lane[i]);
            }
        }
    }

    @Test
    void outputTypesFollowTheTargetsAndMustHoldThem() {
        assertEquals(CellType.INT16, ReclassOp.defaultCellType(ReclassMap.parse("0-1:1,else:-32767")));
        assertEquals(CellType.INT32, ReclassOp.defaultCellType(ReclassMap.parse("0-1:40000")));
        assertEquals(CellType.FLOAT32, ReclassOp.defaultCellType(ReclassMap.parse("0-1:0.5")));
        assertThrows(IllegalArgumentException.class, () -> ReclassOp.of(ReclassMap.parse("0-1:256"), CellType.UINT8));
        assertThrows(
                IllegalArgumentException.class,
                () -> ReclassOp.of(ReclassMap.parse("0-1:0"), CellType.UINT8),
                "0 is uint8's NoData");
        assertThrows(IllegalArgumentException.class, () -> ReclassOp.of(ReclassMap.parse("0-1:1.5"), CellType.INT16));
    }

    @Test
    void mapsFromBreaksNumberTheClasses() {
        ReclassMap m = ReclassMap.fromBreaks(new double[] {10, 20, 20, 30});
        assertEquals(1, m.apply(-1e300));
        assertEquals(2, m.apply(10));
        assertEquals(4, m.apply(20), "class 3 = [20, 20) is empty, its number is kept");
        assertEquals(5, m.apply(30));
        assertThrows(IllegalArgumentException.class, () -> ReclassMap.fromBreaks(new double[] {2, 1}));
    }
}
