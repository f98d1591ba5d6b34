package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Boolean logic ({@code and, or, xor, not}) on the truth of cells: any non-zero data value is true, 0
 * is false. Results are 0/1 in {@link #RESULT} ({@code uint8ud255}).
 *
 * <p><b>NoData:</b> NoData in either operand gives NoData — strictly, without SQL's three-valued
 * shortcuts ({@code false and NoData} is NoData too), so a result never depends on which operand was
 * missing. GeoTrellis's {@code localAnd}/{@code localOr} are bitwise; those are in {@link Bitwise}.
 */
public final class Logical {
    public static final CellType RESULT = Operands.BOOLEAN;

    private Logical() {}

    /** Selects one of the binary kernels below. */
    public enum Op {
        AND,
        OR,
        XOR
    }

    public static final LocalOp AND = op("and", Op.AND, "1 where both a and b are true (non-zero), else 0")
            .withSymbol("&&");
    public static final LocalOp OR =
            op("or", Op.OR, "1 where a or b is true (non-zero), else 0").withSymbol("||");
    public static final LocalOp XOR = op("xor", Op.XOR, "1 where exactly one of a and b is true (non-zero), else 0");
    public static final LocalOp NOT = LocalOp.of(
                    "not", 1, LocalOp.Typing.TRUTH, (in, out, n) -> not(in[0], out, n), null, "1 where a is 0, else 0")
            .withSymbol("!");

    private static LocalOp op(String name, Op op, String doc) {
        return LocalOp.of(name, 2, LocalOp.Typing.TRUTH, (in, out, n) -> apply(op, in[0], in[1], out, n), null, doc);
    }

    /** Int-lane truth values in, 0/1/NoData out; {@code out} may alias an input. */
    public static void apply(Op op, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        switch (op) {
            case AND -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x != 0 && y != 0 ? 1 : 0);
                }
            }
            case OR -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : (x != 0 || y != 0 ? 1 : 0);
                }
            }
            case XOR -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : ((x != 0) != (y != 0) ? 1 : 0);
                }
            }
        }
    }

    /** {@code out[i] = a[i] == 0 ? 1 : 0}, NoData stays NoData. */
    public static void not(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? x : (x == 0 ? 1 : 0);
        }
    }

    /** The truth of double-lane values: 1 for non-zero, 0 for zero, NoData for NaN. */
    public static void truth(double[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x != x ? NoData.INT : (x != 0 ? 1 : 0);
        }
    }

    /** The truth of int-lane values: 1 for non-zero, 0 for zero, NoData stays NoData. */
    public static void truth(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? x : (x != 0 ? 1 : 0);
        }
    }

    public static Tile not(Tile a) {
        return NOT.apply(a);
    }
}
