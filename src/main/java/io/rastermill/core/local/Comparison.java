package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;

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

    private Comparison() {}

    /** Selects one of the kernels below. */
    public enum Op {
        EQUAL,
        NOT_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL
    }

    public static final LocalOp EQUAL = op("equal", Op.EQUAL, "==", "1 where a == b, else 0");
    public static final LocalOp NOT_EQUAL = op("notEqual", Op.NOT_EQUAL, "!=", "1 where a != b, else 0");
    public static final LocalOp LESS = op("less", Op.LESS, "<", "1 where a < b, else 0");
    public static final LocalOp LESS_OR_EQUAL = op("lessOrEqual", Op.LESS_OR_EQUAL, "<=", "1 where a <= b, else 0");
    public static final LocalOp GREATER = op("greater", Op.GREATER, ">", "1 where a > b, else 0");
    public static final LocalOp GREATER_OR_EQUAL =
            op("greaterOrEqual", Op.GREATER_OR_EQUAL, ">=", "1 where a >= b, else 0");

    private static LocalOp op(String name, Op op, String symbol, String doc) {
        return LocalOp.test(
                        name,
                        2,
                        (in, out, n) -> apply(op, in[0], in[1], out, n),
                        (in, out, n) -> apply(op, in[0], in[1], out, n),
                        doc)
                .withSymbol(symbol);
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
}
