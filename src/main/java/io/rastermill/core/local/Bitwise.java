package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
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
    private Bitwise() {
    }

    public enum Op {
        AND, OR, XOR, SHIFT_LEFT, SHIFT_RIGHT
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

    static CellType resultType(CellType a, CellType b) {
        CellType u = a.union(b);
        return u.isFloatingPoint() ? CellType.INT32 : u;
    }

    /** The int lane; floating point tiles via their double lane, so any NaN (even a non-NoData one) is NoData. */
    private static int[] intLane(Tile t) {
        if (!t.cellType().isFloatingPoint()) {
            return t.toIntLane();
        }
        int[] out = new int[t.size()];
        Conversion.toIntLane(t.toDoubleLane(), out, out.length);
        return out;
    }

    public static Tile apply(Op op, Tile a, Tile b) {
        Operands.requireSameDimensions(a, b);
        int[] x = intLane(a);
        apply(op, x, intLane(b), x, x.length);
        return ArrayTile.fromIntLane(resultType(a.cellType(), b.cellType()), a.cols(), a.rows(), x);
    }

    public static Tile apply(Op op, Tile a, int value) {
        int[] x = intLane(a);
        apply(op, x, Operands.constant(x.length, value), x, x.length);
        return ArrayTile.fromIntLane(resultType(a.cellType(), a.cellType()), a.cols(), a.rows(), x);
    }

    public static Tile not(Tile a) {
        int[] x = intLane(a);
        not(x, x, x.length);
        return ArrayTile.fromIntLane(resultType(a.cellType(), a.cellType()), a.cols(), a.rows(), x);
    }
}
