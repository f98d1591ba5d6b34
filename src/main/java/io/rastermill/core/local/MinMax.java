package io.rastermill.core.local;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Cell-by-cell minimum and maximum of two tiles (GeoTrellis's {@code localMin}/{@code localMax}) and
 * clamping to a range: {@link #CLAMP} by bound tiles (the catalog's {@code clamp}), {@link #clamp(Tile,
 * double, double)} by numbers.
 *
 * <p><b>NoData:</b> NoData in any operand gives NoData (use {@code where(isNoData(a), b, min(a, b))}
 * in an expression to skip it). <b>Type:</b> the union of the operands' cell types; a clamp by numbers
 * keeps the tile's type (a fractional bound on an integral tile is applied in the double lane and the
 * result truncated back, so it lies within the bounds).
 */
public final class MinMax {
    private MinMax() {}

    /** Selects one of the kernels below. */
    public enum Op {
        MIN,
        MAX
    }

    // rm_min and rm_max are the SQL statistics of one tile
    public static final LocalOp MIN =
            op("min", Op.MIN, "the smaller of a and b").withSqlName("rm_local_min");
    public static final LocalOp MAX = op("max", Op.MAX, "the larger of a and b").withSqlName("rm_local_max");

    public static final LocalOp CLAMP = LocalOp.union(
                    "clamp",
                    3,
                    (in, out, n) -> clamp(in[0], in[1], in[2], out, n),
                    (in, out, n) -> clamp(in[0], in[1], in[2], out, n),
                    "min(max(a, lo), hi): a limited to [lo, hi]")
            .withParams("a", "lo", "hi");

    private static LocalOp op(String name, Op op, String doc) {
        return LocalOp.union(
                        name,
                        2,
                        (in, out, n) -> apply(op, in[0], in[1], out, n),
                        (in, out, n) -> apply(op, in[0], in[1], out, n),
                        doc)
                .variadic();
    }

    public static void apply(Op op, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        if (op == Op.MIN) {
            for (int i = 0; i < n; i++) {
                int x = a[i], y = b[i];
                out[i] = x == nd || y == nd ? nd : Math.min(x, y);
            }
        } else {
            for (int i = 0; i < n; i++) {
                int x = a[i], y = b[i];
                out[i] = x == nd || y == nd ? nd : Math.max(x, y);
            }
        }
    }

    /** Double lane; NaN in either gives NaN (as {@link Math#min}). */
    public static void apply(Op op, double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        if (op == Op.MIN) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.min(a[i], b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(a[i], b[i]);
            }
        }
    }

    /** {@code out[i] = min(max(a[i], lo[i]), hi[i])} in one pass; NoData in any gives NoData. */
    public static void clamp(int[] a, int[] lo, int[] hi, int[] out, int n) {
        Operands.requireLength(n, a.length, lo.length, hi.length, out.length);
        final int nd = NoData.INT;
        for (int i = 0; i < n; i++) {
            int x = a[i], l = lo[i], h = hi[i];
            out[i] = x == nd || l == nd || h == nd ? nd : Math.min(Math.max(x, l), h);
        }
    }

    /** Double lane, as {@code min(max(a, lo), hi)} with {@link Math#max}/{@link Math#min}: NaN in any gives NaN. */
    public static void clamp(double[] a, double[] lo, double[] hi, double[] out, int n) {
        Operands.requireLength(n, a.length, lo.length, hi.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(Math.max(a[i], lo[i]), hi[i]);
        }
    }

    /**
     * Each data cell limited to {@code [lo, hi]}; NoData stays NoData; the tile's type is kept.
     *
     * @throws IllegalArgumentException if {@code lo > hi} or either is NaN
     */
    public static Tile clamp(Tile t, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp range [" + lo + ", " + hi + "] is empty");
        }
        int n = t.size();
        if (!t.cellType().isFloatingPoint() && Operands.fitsIntLane(lo) && Operands.fitsIntLane(hi)) {
            int[] x = t.toIntLane();
            apply(Op.MAX, x, Operands.constant(n, (int) lo), x, n);
            apply(Op.MIN, x, Operands.constant(n, (int) hi), x, n);
            return ArrayTile.fromIntLane(t.cellType(), t.cols(), t.rows(), x);
        }
        double[] x = t.toDoubleLane();
        clamp(x, lo, hi, x, n);
        return ArrayTile.fromDoubleLane(t.cellType(), t.cols(), t.rows(), x);
    }

    /** {@code out[i] = min(max(a[i], lo), hi)}, NaN stays NaN. */
    public static void clamp(double[] a, double lo, double hi, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x < lo ? lo : (x > hi ? hi : x);
        }
    }
}
