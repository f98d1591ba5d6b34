package io.rastermill.core.local;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * {@code where(cond, a, b)}: {@code a} where the condition cell is true (non-zero), {@code b} where it
 * is false (zero) — numpy's {@code where}, GeoTrellis's conditional {@code localIf} with a tile.
 *
 * <p><b>NoData:</b> a NoData condition gives NoData; otherwise the chosen operand's cell, NoData
 * included; the other operand's NoData does not matter. So {@code where(isNoData(a), 0, a)} fills
 * holes. <b>Type:</b> the union of {@code a}'s and {@code b}'s cell types.
 */
public final class Conditional {
    private Conditional() {}

    public static final LocalOp WHERE = LocalOp.of(
                    "where",
                    3,
                    LocalOp.Typing.WHERE,
                    (in, out, n) -> where(in[0], in[1], in[2], out, n),
                    (in, out, n) -> where(in[0], in[1], in[2], out, n),
                    "a where c is true (non-zero), b where it is 0, NoData where c is NoData")
            .withNoData(LocalOp.NoDataRule.CHOSEN);

    /** {@code cond} holds int-lane truth values (non-zero true); {@code out} may alias any input. */
    public static void where(int[] cond, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, cond.length, a.length, b.length, out.length);
        for (int i = 0; i < n; i++) {
            int c = cond[i];
            out[i] = c == NoData.INT ? NoData.INT : (c != 0 ? a[i] : b[i]);
        }
    }

    public static void where(int[] cond, double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, cond.length, a.length, b.length, out.length);
        for (int i = 0; i < n; i++) {
            int c = cond[i];
            out[i] = c == NoData.INT ? Double.NaN : (c != 0 ? a[i] : b[i]);
        }
    }

    /** The double lane with the condition's truth in the double lane too (non-zero true, NaN NoData). */
    public static void where(double[] cond, double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, cond.length, a.length, b.length, out.length);
        for (int i = 0; i < n; i++) {
            double c = cond[i];
            out[i] = c != c ? Double.NaN : (c != 0 ? a[i] : b[i]);
        }
    }

    public static Tile where(Tile cond, Tile a, Tile b) {
        return WHERE.apply(cond, a, b);
    }
}
