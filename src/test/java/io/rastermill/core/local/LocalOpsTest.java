package io.rastermill.core.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

/** Tiny literal tiles, hand-computed answers: one test per family and NoData rule. */
class LocalOpsTest {
    private static final int ND = NoData.INT;
    private static final double NAN = Double.NaN;

    private static Tile ints(int... lane) {
        return Tiles.fromIntLane(CellType.INT32, lane.length, 1, lane);
    }

    private static Tile doubles(double... lane) {
        return Tiles.fromDoubleLane(CellType.FLOAT64, lane.length, 1, lane);
    }

    @Test
    void arithmeticInTheIntLaneWithNoDataAndDivisionByZero() {
        Tile a = ints(7, -7, 5, ND, 9);
        Tile b = ints(2, 2, 0, 1, ND);
        assertArrayEquals(new int[] {9, -5, 5, ND, ND}, LocalOps.add(a, b).toIntLane());
        assertArrayEquals(new int[] {5, -9, 5, ND, ND}, LocalOps.subtract(a, b).toIntLane());
        assertArrayEquals(
                new int[] {14, -14, 0, ND, ND}, LocalOps.multiply(a, b).toIntLane());
        assertArrayEquals(new int[] {3, -3, ND, ND, ND}, LocalOps.divide(a, b).toIntLane());
        assertArrayEquals(
                new int[] {3, -4, ND, ND, ND}, LocalOps.floorDivide(a, b).toIntLane());
        assertArrayEquals(new int[] {1, -1, ND, ND, ND}, LocalOps.mod(a, b).toIntLane());
        assertArrayEquals(new int[] {49, 49, 1, ND, ND}, LocalOps.pow(a, b).toIntLane());
        assertArrayEquals(new int[] {-7, 7, -5, ND, -9}, LocalOps.negate(a).toIntLane());
        assertArrayEquals(new int[] {7, 7, 5, ND, 9}, LocalOps.abs(a).toIntLane());
        assertEquals(CellType.INT32, LocalOps.add(a, b).cellType());
    }

    @Test
    void arithmeticInTheDoubleLane() {
        Tile a = doubles(1.5, -1, 4, NAN);
        Tile b = doubles(0.5, 0, 0.0, 1);
        assertArrayEquals(new double[] {3, NAN, NAN, NAN}, LocalOps.divide(a, b).toDoubleLane());
        assertArrayEquals(new double[] {0, NAN, NAN, NAN}, LocalOps.mod(a, b).toDoubleLane());
        // pow(NaN, 0) is 1 for Math.pow, NoData here
        assertArrayEquals(new double[] {NAN}, LocalOps.pow(doubles(NAN), 0).toDoubleLane());
    }

    @Test
    void integerOverflowWrapsAndNarrowsIntoTheResultType() {
        Tile a = ints(Integer.MAX_VALUE, Integer.MIN_VALUE + 1);
        assertArrayEquals(
                new int[] {-Integer.MAX_VALUE, ND},
                LocalOps.add(a, ints(2, -1)).toIntLane(),
                "MAX + 2 wraps; MIN+1 - 1 wraps onto the sentinel, which is NoData");
        Tile u8 = Tiles.fromIntLane(CellType.UINT8_RAW, 2, 1, 250, 3);
        assertArrayEquals(new int[] {4, 13}, LocalOps.add(u8, 10).toIntLane(), "260 narrows to 4 in uint8");
        Tile i8 = Tiles.fromIntLane(CellType.INT8, 1, 1, 127);
        assertArrayEquals(new int[] {ND}, LocalOps.add(i8, 1).toIntLane(), "128 wraps onto int8's NoData -128");
    }

    @Test
    void resultTypesFollowUnionAndPromoteFractionalNumbers() {
        Tile u8 = Tiles.fromIntLane(CellType.UINT8, 1, 1, 3);
        Tile f32 = Tiles.fromDoubleLane(CellType.FLOAT32, 1, 1, 0.5);
        assertEquals(CellType.FLOAT32, LocalOps.add(u8, f32).cellType());
        assertEquals(CellType.UINT8, LocalOps.add(u8, 2).cellType());
        Tile promoted = LocalOps.add(u8, 1.5);
        assertEquals(CellType.FLOAT64, promoted.cellType());
        assertEquals(4.5, promoted.getDouble(0));
        assertEquals(CellType.FLOAT64, LocalOps.sqrt(u8).cellType());
        assertEquals(CellType.FLOAT32, LocalOps.sqrt(f32).cellType());
        assertEquals(u8, LocalOps.floor(u8));
    }

    @Test
    void comparisonsGiveZeroOneOrNoData() {
        Tile a = ints(1, 2, 3, ND);
        Tile b = ints(2, 2, 2, 2);
        Tile lt = LocalOps.less(a, b);
        assertEquals(Comparison.RESULT, lt.cellType());
        assertEquals("uint8ud255", lt.cellType().name());
        assertArrayEquals(new int[] {1, 0, 0, ND}, lt.toIntLane());
        assertArrayEquals(new int[] {1, 1, 0, ND}, LocalOps.lessOrEqual(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 0, ND}, LocalOps.equal(a, b).toIntLane());
        assertArrayEquals(new int[] {1, 0, 1, ND}, LocalOps.notEqual(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 0, 1, ND}, LocalOps.greater(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 1, ND}, LocalOps.greaterOrEqual(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 1, ND}, LocalOps.greater(a, 1.5).toIntLane(), "exact against 1.5");
        assertArrayEquals(
                new int[] {0, 1, ND},
                LocalOps.greater(doubles(0.1, 0.3, NAN), 0.2).toIntLane());
    }

    @Test
    void logicIsStrictAboutNoData() {
        Tile a = ints(0, 0, 5, 5, ND, 0);
        Tile b = ints(0, 3, 0, -1, 1, ND);
        assertArrayEquals(new int[] {0, 0, 0, 1, ND, ND}, LocalOps.and(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 1, 1, ND, ND}, LocalOps.or(a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 1, 0, ND, ND}, LocalOps.xor(a, b).toIntLane());
        assertArrayEquals(new int[] {1, 1, 0, 0, ND, 1}, LocalOps.not(a).toIntLane());
        assertArrayEquals(
                new int[] {1, 0, ND}, LocalOps.not(doubles(0, 0.25, NAN)).toIntLane());
    }

    @Test
    void bitwiseInTheIntLane() {
        Tile a = ints(0b1100, -8, ND);
        Tile b = ints(0b1010, 1, 1);
        assertArrayEquals(new int[] {0b1000, 0, ND}, LocalOps.bitAnd(a, b).toIntLane());
        assertArrayEquals(new int[] {0b1110, -7, ND}, LocalOps.bitOr(a, b).toIntLane());
        assertArrayEquals(new int[] {0b0110, -7, ND}, LocalOps.bitXor(a, b).toIntLane());
        assertArrayEquals(new int[] {~0b1100, 7, ND}, LocalOps.bitNot(a).toIntLane());
        assertArrayEquals(
                new int[] {0b110000, -32, ND}, LocalOps.shiftLeft(a, 2).toIntLane());
        assertArrayEquals(new int[] {0b11, -2, ND}, LocalOps.shiftRight(a, 2).toIntLane());
        assertEquals(CellType.INT32, LocalOps.bitAnd(doubles(3.7), doubles(1)).cellType());
        assertArrayEquals(
                new int[] {1}, LocalOps.bitAnd(doubles(3.7), doubles(1)).toIntLane());
    }

    @Test
    void minMaxAndClamp() {
        Tile a = ints(1, 5, ND);
        Tile b = ints(3, 2, 0);
        assertArrayEquals(new int[] {1, 2, ND}, LocalOps.min(a, b).toIntLane());
        assertArrayEquals(new int[] {3, 5, ND}, LocalOps.max(a, b).toIntLane());
        assertArrayEquals(new int[] {2, 4, ND}, LocalOps.clamp(a, 2, 4).toIntLane());
        assertArrayEquals(
                new double[] {1.5, 2.5, NAN},
                LocalOps.clamp(doubles(0, 9, NAN), 1.5, 2.5).toDoubleLane());
        assertThrows(IllegalArgumentException.class, () -> LocalOps.clamp(a, 4, 2));
    }

    @Test
    void mathFunctionsGiveNoDataOutsideTheirDomain() {
        Tile a = doubles(4, -1, 0, NAN, 2.5, -2.5);
        assertArrayEquals(
                new double[] {2, NAN, 0, NAN, Math.sqrt(2.5), NAN},
                LocalOps.sqrt(a).toDoubleLane());
        assertArrayEquals(
                new double[] {Math.log(4), NAN, Double.NEGATIVE_INFINITY, NAN, Math.log(2.5), NAN},
                LocalOps.log(a).toDoubleLane());
        assertArrayEquals(new double[] {4, -1, 0, NAN, 2, -2}, LocalOps.round(a).toDoubleLane(), "half to even");
        assertArrayEquals(new double[] {4, -1, 0, NAN, 2, -3}, LocalOps.floor(a).toDoubleLane());
        assertArrayEquals(new double[] {4, -1, 0, NAN, 3, -2}, LocalOps.ceil(a).toDoubleLane());
        assertEquals(Math.atan2(1, -1), LocalOps.atan2(doubles(1), doubles(-1)).getDouble(0));
        assertEquals(ND, LocalOps.log(ints(0)).convert(CellType.INT32).get(0), "-Infinity into int is NoData");
    }

    @Test
    void whereTakesTheChosenBranchOnly() {
        Tile c = ints(1, 0, ND, 7, 0);
        Tile a = ints(10, 20, 30, ND, 50);
        Tile b = ints(-1, -2, -3, -4, ND);
        assertArrayEquals(
                new int[] {10, -2, ND, ND, ND}, LocalOps.where(c, a, b).toIntLane());
        Tile mixed = LocalOps.where(ints(1, 0), ints(1, 2), doubles(0.5, 0.25));
        assertEquals(CellType.FLOAT64, mixed.cellType());
        assertArrayEquals(new double[] {1, 0.25}, mixed.toDoubleLane());
    }

    @Test
    void noDataTestsAndMasks() {
        Tile a = ints(1, ND, 3, 4);
        assertArrayEquals(new int[] {0, 1, 0, 0}, LocalOps.isNoData(a).toIntLane());
        assertArrayEquals(new int[] {1, 0, 1, 1}, LocalOps.isData(a).toIntLane());
        Tile m = ints(ND, 0, 5, ND);
        assertArrayEquals(new int[] {ND, ND, 3, ND}, LocalOps.mask(a, m).toIntLane());
        assertArrayEquals(new int[] {1, ND, ND, 4}, LocalOps.inverseMask(a, m).toIntLane());
        assertArrayEquals(
                new int[] {ND, ND, 3, ND},
                LocalOps.maskValue(a, ints(0, 0, 1, 0), 0).toIntLane());
        assertArrayEquals(
                new int[] {1, ND, ND, 4},
                LocalOps.inverseMaskValue(a, ints(7, 7, 1, 7), 7).toIntLane());
        assertArrayEquals(
                new int[] {ND, ND, 3, ND}, LocalOps.maskValues(a, 1, 4, 2.5).toIntLane());
        Tile u16 = Tiles.fromIntLane(CellType.UINT16_RAW, 3, 1, 0, 7, 65535);
        Tile withNd = LocalOps.withNoData(u16, 65535);
        assertEquals("uint16ud65535", withNd.cellType().name());
        assertArrayEquals(new int[] {0, 7, ND}, withNd.toIntLane());
        Tile set = LocalOps.setNoData(u16, 65535);
        assertEquals(CellType.INT32, set.cellType(), "a raw type widened to hold NoData");
        assertArrayEquals(new int[] {0, 7, ND}, set.toIntLane());
        Tile back = LocalOps.withNoData(withNd, 7);
        assertArrayEquals(new int[] {0, ND, 65535}, back.toIntLane(), "withNoData reinterprets the samples");
        assertArrayEquals(new int[] {0, ND, ND}, LocalOps.setNoData(withNd, 7).toIntLane(), "setNoData keeps NoData");
        assertEquals(CellType.INT8, LocalOps.isData(a).cellType().union(CellType.INT8), "uint8 result");
    }

    @Test
    void normalizedDifferenceAndConversion() {
        Tile nir = ints(3, 0, 5, ND);
        Tile red = ints(1, 0, 5, 2);
        Tile nd = LocalOps.normalizedDifference(nir, red);
        assertEquals(CellType.FLOAT32, nd.cellType());
        assertArrayEquals(new double[] {0.5, NAN, 0, NAN}, nd.toDoubleLane());
        Tile conv = LocalOps.convert(doubles(2.9, -2.9, NAN, 300), CellType.UINT8);
        assertArrayEquals(new int[] {2, 254, ND, 44}, conv.toIntLane(), "truncate, wrap, NoData to uint8's 0");
    }

    @Test
    void dimensionsMustAgree() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LocalOps.add(ints(1, 2), ints(1, 2, 3)));
        assertEquals("tile dimensions differ: 2x1 and 3x1", e.getMessage());
    }
}
