package io.rastermill.core.local;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Bitwise ops ({@code & | ^ ~ << >>}) in the int lane, as GeoTrellis's {@code localAnd/Or/Xor/Not}.
 *
 * <p><b>NoData:</b> NoData in either operand gives NoData. <b>Types:</b> the union of the operands'
 * types if integral; floating point operands are first truncated to int (NaN → NoData) and the result
 * is int32. Shifts use Java's semantics: the count is taken modulo 32, {@code >>} is arithmetic
 * (sign-extending). A result equal to {@link Integer#MIN_VALUE} reads as NoData.
 */
public final class Bitwise {
    private Bitwise() {}

    /** Selects one of the binary kernels below. */
    public enum Op {
        AND,
        OR,
        XOR,
        SHIFT_LEFT,
        SHIFT_RIGHT
    }

    public static final LocalOp AND = op("bitAnd", Op.AND, "&", "bitwise a & b");
    public static final LocalOp OR = op("bitOr", Op.OR, "|", "bitwise a | b");
    public static final LocalOp XOR = op("bitXor", Op.XOR, "^", "bitwise a ^ b");
    public static final LocalOp SHIFT_LEFT = op("shiftLeft", Op.SHIFT_LEFT, "<<", "a << b (b modulo 32)");
    public static final LocalOp SHIFT_RIGHT =
            op("shiftRight", Op.SHIFT_RIGHT, ">>", "a >> b, sign-extending (b modulo 32)");
    public static final LocalOp NOT = LocalOp.of(
                    "bitNot", 1, LocalOp.Typing.BITS, (in, out, n) -> not(in[0], out, n), null, "bitwise ~a")
            .withSymbol("~");

    private static LocalOp op(String name, Op op, String symbol, String doc) {
        return LocalOp.of(name, 2, LocalOp.Typing.BITS, (in, out, n) -> apply(op, in[0], in[1], out, n), null, doc)
                .withSymbol(symbol);
    }

    public static void apply(Op op, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        switch (op) {
            case AND -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x & y;
                }
            }
            case OR -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x | y;
                }
            }
            case XOR -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x ^ y;
                }
            }
            case SHIFT_LEFT -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x << y;
                }
            }
            case SHIFT_RIGHT -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x >> y;
                }
            }
        }
    }

    /** {@code out[i] = ~a[i]}; NoData stays NoData. */
    public static void not(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? x : ~x;
        }
    }

    public static Tile not(Tile a) {
        return NOT.apply(a);
    }
}
