package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/** What the local op families share: argument checks and the result types they agree on. */
final class Operands {
    /**
     * The cell type of 0/1 results (comparisons, logical ops, NoData tests): unsigned bytes with 255
     * as NoData, so "false", "true" and "unknown" are all representable and GDAL reads it as Byte.
     */
    static final CellType BOOLEAN = CellType.userDefined(DataType.UINT8, 255);

    private Operands() {
    }

    static void requireSameDimensions(Tile a, Tile b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new IllegalArgumentException("tile dimensions differ: " + a.cols() + "x" + a.rows() + " and "
                    + b.cols() + "x" + b.rows());
        }
    }

    static void requireLength(int n, int... lengths) {
        for (int l : lengths) {
            if (l < n) {
                throw new IllegalArgumentException("lane of " + l + " cells is shorter than " + n);
            }
        }
    }

    /** Whether {@code value} is a whole number the int lane can hold without meaning NoData. */
    static boolean fitsIntLane(double value) {
        return value == Math.rint(value) && value > Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    /** A kernel over the int lane: {@code out[i]} from {@code a[i]} and {@code b[i]}, {@code i < n}. */
    @FunctionalInterface
    interface IntLanes {
        void apply(int[] a, int[] b, int[] out, int n);
    }

    /** A kernel over the double lane: {@code out[i]} from {@code a[i]} and {@code b[i]}, {@code i < n}. */
    @FunctionalInterface
    interface DoubleLanes {
        void apply(double[] a, double[] b, double[] out, int n);
    }

    /**
     * Two tiles of equal size combined cell by cell into their union cell type: the lane is chosen once,
     * by that type, and its kernel runs over the whole tile ({@code a}'s lane copy is the output).
     */
    static Tile combine(Tile a, Tile b, IntLanes ints, DoubleLanes doubles) {
        requireSameDimensions(a, b);
        CellType ct = a.cellType().union(b.cellType());
        int n = a.size();
        if (ct.isFloatingPoint()) {
            double[] x = a.toDoubleLane();
            doubles.apply(x, b.toDoubleLane(), x, n);
            return ArrayTile.fromDoubleLane(ct, a.cols(), a.rows(), x);
        }
        int[] x = a.toIntLane();
        ints.apply(x, b.toIntLane(), x, n);
        return ArrayTile.fromIntLane(ct, a.cols(), a.rows(), x);
    }

    static int[] constant(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
