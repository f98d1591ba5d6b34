package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.tile.Tile;
import java.util.Arrays;

/** What the local op families share: argument checks and the result types they agree on. */
final class Operands {
    /**
     * The cell type of 0/1 results (comparisons, logical ops, NoData tests): unsigned bytes with 255
     * as NoData, so "false", "true" and "unknown" are all representable and GDAL reads it as Byte.
     */
    static final CellType BOOLEAN = CellType.userDefined(DataType.UINT8, 255);

    private Operands() {}

    static void requireSameDimensions(Tile a, Tile b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new IllegalArgumentException(
                    "tile dimensions differ: " + a.cols() + "x" + a.rows() + " and " + b.cols() + "x" + b.rows());
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

    static int[] constant(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
