package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Cell-by-cell arithmetic of two tiles, or a tile and a number, as GeoTrellis's local ops define it.
 *
 * <p><b>NoData:</b> NoData in either operand gives NoData. <b>Lanes:</b> the int lane if the result
 * type (the union of the operands' cell types; with a number, the tile's type, or float64 for a
 * fractional number on an integer tile) is integral, else the double lane — chosen once per tile.
 * <b>Division by zero</b> gives NoData in both lanes. <b>Integer overflow</b> wraps (Java int
 * arithmetic), and the result is stored into the result cell type with its narrowing rules.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public enum Op {
        ADD, SUBTRACT, MULTIPLY, DIVIDE;

        int apply(int a, int b) {
            if (a == NoData.INT || b == NoData.INT) {
                return NoData.INT;
            }
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? NoData.INT : a / b;
            };
        }

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? Double.NaN : a / b;
            };
        }
    }

    /** {@code op} applied cell by cell to two tiles of equal size. */
    public static Tile apply(Op op, Tile a, Tile b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new IllegalArgumentException("tile dimensions differ: " + a.cols() + "x" + a.rows() + " and "
                    + b.cols() + "x" + b.rows());
        }
        CellType ct = a.cellType().union(b.cellType());
        int n = a.size();
        if (ct.isFloatingPoint()) {
            double[] x = a.toDoubleLane();
            double[] y = b.toDoubleLane();
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { x[i] += y[i]; } }
                case SUBTRACT -> { for (int i = 0; i < n; i++) { x[i] -= y[i]; } }
                case MULTIPLY -> { for (int i = 0; i < n; i++) { x[i] *= y[i]; } }
                case DIVIDE -> { for (int i = 0; i < n; i++) { x[i] = y[i] == 0 ? Double.NaN : x[i] / y[i]; } }
            }
            return ArrayTile.fromDoubleLane(ct, a.cols(), a.rows(), x);
        }
        int[] x = a.toIntLane();
        int[] y = b.toIntLane();
        for (int i = 0; i < n; i++) {
            x[i] = op.apply(x[i], y[i]);
        }
        return ArrayTile.fromIntLane(ct, a.cols(), a.rows(), x);
    }

    /** {@code op} with a number on the right ({@code tile op value}). */
    public static Tile apply(Op op, Tile a, double value) {
        boolean integral = !a.cellType().isFloatingPoint() && value == Math.rint(value)
                && value >= Integer.MIN_VALUE + 1 && value <= Integer.MAX_VALUE;
        int n = a.size();
        if (integral) {
            int v = (int) value;
            int[] x = a.toIntLane();
            for (int i = 0; i < n; i++) {
                x[i] = op.apply(x[i], v);
            }
            return ArrayTile.fromIntLane(a.cellType(), a.cols(), a.rows(), x);
        }
        CellType ct = a.cellType().isFloatingPoint() ? a.cellType() : CellType.FLOAT64;
        double[] x = a.toDoubleLane();
        for (int i = 0; i < n; i++) {
            x[i] = op.apply(x[i], value);
        }
        return ArrayTile.fromDoubleLane(ct, a.cols(), a.rows(), x);
    }

    /**
     * {@code (a - b) / (a + b)} in the double lane into float32 (NaN NoData): NoData in either input,
     * or {@code a + b == 0}, gives NoData. The usual NDVI is {@code normalizedDifference(nir, red)}.
     */
    public static Tile normalizedDifference(Tile a, Tile b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new IllegalArgumentException("tile dimensions differ: " + a.cols() + "x" + a.rows() + " and "
                    + b.cols() + "x" + b.rows());
        }
        double[] x = a.toDoubleLane();
        double[] y = b.toDoubleLane();
        for (int i = 0; i < x.length; i++) {
            double s = x[i] + y[i];
            x[i] = s == 0 ? Double.NaN : (x[i] - y[i]) / s;
        }
        return ArrayTile.fromDoubleLane(CellType.FLOAT32, a.cols(), a.rows(), x);
    }
}
