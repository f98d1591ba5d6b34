package io.rastermill.core.warp;

import java.util.Arrays;

/**
 * GDAL's warper at an exact 2× reduction, for building a pyramid level from the level below it: an {@code n × n}
 * parent from the {@code 2n × 2n} mosaic of its four children. The one place that says which child cells a parent
 * cell takes and with which weights; {@link #halve} applies it to double-lane cells, the web tiles' RGBA downsample
 * applies it to pixels weighted by alpha.
 *
 * <p><b>Taps</b> (output index {@code i}, the parent centre at child coordinate {@code 2i + 1}): {@code near} the
 * child cell {@code 2i + 1} (where GDAL's warper, and GeoTrellis's nearest resample, put a centre that falls on a
 * cell corner); {@code average} the 2×2 block; {@code bilinear}, {@code cubic}, {@code cubicspline} and
 * {@code lanczos} the separable kernel widened 2× (4, 8, 8 and 12 taps, cut at the mosaic's edge); {@code mode},
 * {@code min}, {@code max}, {@code med}, {@code q1}, {@code q3} reduce the 2×2 block (quantiles by nearest rank,
 * mode's ties to the value that reached the top count first).
 *
 * <p><b>NoData</b> (NaN): as in {@link WarpKernel}, left out with the weights renormalised; an interpolating
 * method gives nothing where the centre's cell is NoData; a parent cell with no data under it is NaN.
 *
 * <p>Not thread-safe (scratch); one per task.
 */
public final class Halving {
    private final Resampling method;
    private final int n;
    private final int[] first;
    private final double[][] weights;
    private final double[] block = new double[4];

    /**
     * @param n the parent's side (the mosaic's is {@code 2n})
     * @throws IllegalArgumentException for {@code sum} and {@code rms}, whose values change with the cell size
     */
    public Halving(Resampling method, int n) {
        if (method == Resampling.SUM || method == Resampling.RMS) {
            throw new IllegalArgumentException(
                    "-r " + method.gdalName() + " cannot build a level from the one below: use"
                            + " near, bilinear, cubic, cubicspline, lanczos, average, mode, min, max, med, q1 or q3");
        }
        this.method = method;
        this.n = n;
        this.first = new int[n];
        this.weights = new double[n][];
        for (int i = 0; i < n; i++) {
            if (method == Resampling.NEAREST) {
                first[i] = 2 * i + 1;
                weights[i] = new double[] {1};
            } else if (method.isInterpolating()) {
                int r = 2 * method.radius();
                int lo = Math.max(0, 2 * i + 1 - r);
                int hi = Math.min(2 * n - 1, 2 * i + r);
                first[i] = lo;
                weights[i] = new double[hi - lo + 1];
                for (int j = lo; j <= hi; j++) {
                    weights[i][j - lo] = method.kernelWeight((j + 0.5 - (2 * i + 1)) / 2);
                }
            } else {
                first[i] = 2 * i;
                weights[i] = new double[] {0.5, 0.5}; // average; the reductions use the same 2x2 block
            }
        }
    }

    public Resampling method() {
        return method;
    }

    /** The parent's side. */
    public int size() {
        return n;
    }

    /** Whether the method weighs its taps ({@code near}, {@code average}, the kernels) rather than reducing a block. */
    public boolean weighs() {
        return method == Resampling.NEAREST || method == Resampling.AVERAGE || method.isInterpolating();
    }

    /** The first child index parent index {@code i} takes along one axis. */
    public int first(int i) {
        return first[i];
    }

    /** Weight of tap {@code t} (child index {@code first(i) + t}) of parent index {@code i}. */
    public double weight(int i, int t) {
        return weights[i][t];
    }

    /** How many taps parent index {@code i} takes along one axis. */
    public int taps(int i) {
        return weights[i].length;
    }

    /**
     * The {@code n × n} parent of {@code mosaic} ({@code 2n × 2n} double-lane cells, row-major, NaN = NoData;
     * a missing child is all NaN).
     */
    public double[] halve(double[] mosaic) {
        int m = 2 * n;
        if (mosaic.length != m * m) {
            throw new IllegalArgumentException("mosaic has " + mosaic.length + " cells, expected " + m * m);
        }
        double[] out = new double[n * n];
        boolean weighs = weighs();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y * n + x] = weighs ? weigh(mosaic, m, x, y) : reduceBlock(mosaic, m, x, y);
            }
        }
        return out;
    }

    private double weigh(double[] src, int m, int x, int y) {
        if (method.isInterpolating() && Double.isNaN(src[(2 * y + 1) * m + 2 * x + 1])) {
            return Double.NaN;
        }
        double[] wx = weights[x];
        double[] wy = weights[y];
        double acc = 0;
        double w = 0;
        for (int j = 0; j < wy.length; j++) {
            int row = (first[y] + j) * m + first[x];
            for (int i = 0; i < wx.length; i++) {
                double v = src[row + i];
                if (!Double.isNaN(v)) {
                    double ww = wy[j] * wx[i];
                    acc += ww * v;
                    w += ww;
                }
            }
        }
        return w != 0 ? acc / w : Double.NaN;
    }

    private double reduceBlock(double[] src, int m, int x, int y) {
        int k = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                double v = src[(2 * y + dy) * m + 2 * x + dx];
                if (!Double.isNaN(v)) {
                    block[k++] = v;
                }
            }
        }
        return k == 0 ? Double.NaN : reduce(block, k);
    }

    /**
     * The method's reduction ({@code mode}, {@code min}, {@code max}, {@code med}, {@code q1}, {@code q3}) of
     * {@code values[0..k)}, k ≥ 1, none NaN; reorders them.
     */
    public double reduce(double[] values, int k) {
        return switch (method) {
            case MODE -> mode(values, k);
            case MIN -> rank(values, k, 0);
            case MAX -> rank(values, k, 1);
            case MED -> rank(values, k, 0.5);
            case Q1 -> rank(values, k, 0.25);
            case Q3 -> rank(values, k, 0.75);
            default ->
                throw new IllegalStateException(method.gdalName() + " weighs its taps; it does not reduce a block");
        };
    }

    /** The most frequent of {@code v[0..k)}, ties to the one that reached the top count first. */
    private static double mode(double[] v, int k) {
        double best = v[0];
        int bestCount = 0;
        for (int i = 0; i < k; i++) {
            int count = 0;
            for (int j = 0; j <= i; j++) {
                count += v[j] == v[i] ? 1 : 0;
            }
            if (count > bestCount) {
                bestCount = count;
                best = v[i];
            }
        }
        return best;
    }

    /** The nearest-rank quantile {@code q} of {@code v[0..k)} (q = 0: min, 1: max). */
    private static double rank(double[] v, int k, double q) {
        Arrays.sort(v, 0, k);
        int i = q <= 0 ? 0 : (int) Math.ceil(q * k) - 1;
        return v[Math.min(k - 1, Math.max(0, i))];
    }
}
