package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Cell-by-cell comparisons ({@code == != < <= > >=}) of two tiles or a tile and a number, giving 1
 * (true) or 0 (false).
 *
 * <p><b>Result type:</b> {@link #RESULT}, {@code uint8ud255}. <em>Divergence from GeoTrellis</em>, whose
 * comparisons give a bit tile without NoData and compare NoData cells as raw values: here <b>NoData in
 * either operand gives NoData</b>, which a bit tile cannot hold.
 *
 * <p><b>Lane:</b> the int lane when both operands are integral (exact), else the double lane. A number
 * that is not whole always compares in the double lane, so {@code int tile > 1.5} is exact.
 */
public final class Comparison {
    /** The cell type of every comparison result: 0, 1, or NoData (255). */
    public static final CellType RESULT = Operands.BOOLEAN;

    private Comparison() {
    }

    public enum Op {
        EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL
    }

    /** {@code out[i] = a[i] op b[i] ? 1 : 0}, NoData if either is NoData; {@code out} may alias an input. */
    public static void apply(Op op, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x == y ? 1 : 0);
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x != y ? 1 : 0);
                }
            }
            case LESS -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x < y ? 1 : 0);
                }
            }
            case LESS_OR_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x <= y ? 1 : 0);
                }
            }
            case GREATER -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x > y ? 1 : 0);
                }
            }
            case GREATER_OR_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x >= y ? 1 : 0);
                }
            }
        }
    }

    /** The double-lane comparison into an int-lane 0/1/NoData array. */
    public static void apply(Op op, double[] a, double[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        switch (op) {
            case EQUAL -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x == y ? 1 : 0);
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x != y ? 1 : 0);
                }
            }
            case LESS -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x < y ? 1 : 0);
                }
            }
            case LESS_OR_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x <= y ? 1 : 0);
                }
            }
            case GREATER -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x > y ? 1 : 0);
                }
            }
            case GREATER_OR_EQUAL -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = x != x || y != y ? nd : (x >= y ? 1 : 0);
                }
            }
        }
    }

    /** {@code a op b} cell by cell into {@link #RESULT}. */
    public static Tile apply(Op op, Tile a, Tile b) {
        Operands.requireSameDimensions(a, b);
        int n = a.size();
        int[] out = new int[n];
        if (a.cellType().isFloatingPoint() || b.cellType().isFloatingPoint()) {
            apply(op, a.toDoubleLane(), b.toDoubleLane(), out, n);
        } else {
            apply(op, a.toIntLane(), b.toIntLane(), out, n);
        }
        return ArrayTile.fromIntLane(RESULT, a.cols(), a.rows(), out);
    }

    /** {@code tile op value} cell by cell into {@link #RESULT}. */
    public static Tile apply(Op op, Tile a, double value) {
        int n = a.size();
        int[] out = new int[n];
        if (a.cellType().isFloatingPoint() || !Operands.fitsIntLane(value)) {
            apply(op, a.toDoubleLane(), Operands.constant(n, value), out, n);
        } else {
            apply(op, a.toIntLane(), Operands.constant(n, (int) value), out, n);
        }
        return ArrayTile.fromIntLane(RESULT, a.cols(), a.rows(), out);
    }
}
