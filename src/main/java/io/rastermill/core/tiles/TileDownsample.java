package io.rastermill.core.tiles;

import io.rastermill.core.warp.Resampling;

import java.util.Arrays;

/**
 * A parent tile from its four children: the {@code 2n × 2n} RGBA mosaic of the children (a missing child is
 * transparent) halved to {@code n × n}, as gdal2tiles builds each zoom from the one below.
 *
 * <p><b>Methods</b> at an exact 2× reduction: {@code near} takes the child pixel at {@code (2i + 1, 2j + 1)} (where
 * GDAL's warper puts a target centre); {@code average} the 2×2 block; {@code bilinear}, {@code cubic},
 * {@code cubicspline} and {@code lanczos} the separable kernel widened 2× (4, 8, 8 and 12 taps); {@code mode},
 * {@code min}, {@code max}, {@code med}, {@code q1}, {@code q3} reduce the 2×2 block, quantiles by nearest rank.
 *
 * <p><b>Alpha.</b> gdal2tiles resamples the alpha band like a colour band and the colours with the transparent
 * pixels' black included (a dark rim along NoData edges). Here colours are weighted by alpha (a transparent
 * pixel contributes nothing), and alpha is resampled as gdal2tiles does; where every contributing pixel is
 * opaque both give the same pixel. The reductions take colours over the non-transparent pixels only.
 *
 * <p>Not thread-safe (scratch); one per task.
 */
public final class TileDownsample {
    private final Resampling method;
    private final int n;
    /** Per output index i: first source index and the weights of the taps from there. */
    private final int[] first;
    private final double[][] weights;
    private final int[] block = new int[4];

    /**
     * @param n the output tile's side (the mosaic's is {@code 2n})
     * @throws IllegalArgumentException for {@code sum} and {@code rms}, which make no pixels
     */
    public TileDownsample(Resampling method, int n) {
        if (method == Resampling.SUM || method == Resampling.RMS) {
            throw new IllegalArgumentException("-r " + method.gdalName() + " does not make tile pixels: use near, "
                    + "bilinear, cubic, cubicspline, lanczos, average, mode, min, max, med, q1 or q3");
        }
        this.method = method;
        this.n = n;
        this.first = new int[n];
        this.weights = new double[n][];
        for (int i = 0; i < n; i++) {
            if (method == Resampling.NEAREST) {
                first[i] = 2 * i + 1;
                weights[i] = new double[]{1};
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
                weights[i] = new double[]{0.5, 0.5}; // average; the reductions use the same 2x2 block
            }
        }
    }

    /** The {@code n × n} RGBA parent of {@code mosaic} ({@code 2n × 2n} RGBA, row-major). */
    public byte[] halve(byte[] mosaic) {
        int m = 2 * n;
        if (mosaic.length != 4 * m * m) {
            throw new IllegalArgumentException("mosaic has " + mosaic.length + " bytes, expected " + 4 * m * m);
        }
        byte[] out = new byte[4 * n * n];
        boolean weighted = method == Resampling.NEAREST || method == Resampling.AVERAGE || method.isInterpolating();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (weighted) {
                    weigh(mosaic, m, x, y, out);
                } else {
                    reduce(mosaic, m, x, y, out);
                }
            }
        }
        return out;
    }

    private void weigh(byte[] src, int m, int x, int y, byte[] out) {
        double[] wx = weights[x];
        double[] wy = weights[y];
        double r = 0;
        double g = 0;
        double b = 0;
        double a = 0;
        double w = 0;
        for (int j = 0; j < wy.length; j++) {
            int row = (first[y] + j) * m;
            for (int i = 0; i < wx.length; i++) {
                double ww = wy[j] * wx[i];
                int p = 4 * (row + first[x] + i);
                double aa = src[p + 3] & 0xff;
                double wa = ww * aa;
                r += wa * (src[p] & 0xff);
                g += wa * (src[p + 1] & 0xff);
                b += wa * (src[p + 2] & 0xff);
                a += wa;
                w += ww;
            }
        }
        int alpha = TileRenderer.toByte(a / w);
        if (alpha == 0 || !(a > 1e-9)) {
            return;
        }
        int o = 4 * (y * n + x);
        out[o] = (byte) TileRenderer.toByte(r / a);
        out[o + 1] = (byte) TileRenderer.toByte(g / a);
        out[o + 2] = (byte) TileRenderer.toByte(b / a);
        out[o + 3] = (byte) alpha;
    }

    private void reduce(byte[] src, int m, int x, int y, byte[] out) {
        int o = 4 * (y * n + x);
        int alpha = channel(src, m, x, y, 3, false);
        if (alpha == 0) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            out[o + c] = (byte) channel(src, m, x, y, c, true);
        }
        out[o + 3] = (byte) alpha;
    }

    /** The method's reduction of channel {@code c} over the 2x2 block (only its non-transparent pixels if asked). */
    private int channel(byte[] src, int m, int x, int y, int c, boolean opaqueOnly) {
        int k = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                int p = 4 * ((2 * y + dy) * m + 2 * x + dx);
                if (!opaqueOnly || src[p + 3] != 0) {
                    block[k++] = src[p + c] & 0xff;
                }
            }
        }
        if (k == 0) {
            return 0;
        }
        return switch (method) {
            case MODE -> mode(k);
            case MIN -> rank(k, 0);
            case MAX -> rank(k, 1);
            case MED -> rank(k, 0.5);
            case Q1 -> rank(k, 0.25);
            case Q3 -> rank(k, 0.75);
            default -> throw new IllegalStateException(method.gdalName());
        };
    }

    /** The most frequent of {@code block[0..k)}, ties to the one that reached the top count first. */
    private int mode(int k) {
        int best = block[0];
        int bestCount = 0;
        for (int i = 0; i < k; i++) {
            int count = 0;
            for (int j = 0; j <= i; j++) {
                count += block[j] == block[i] ? 1 : 0;
            }
            if (count > bestCount) {
                bestCount = count;
                best = block[i];
            }
        }
        return best;
    }

    /** The nearest-rank quantile {@code q} of {@code block[0..k)} (q = 0: min, 1: max). */
    private int rank(int k, double q) {
        Arrays.sort(block, 0, k);
        int i = q <= 0 ? 0 : (int) Math.ceil(q * k) - 1;
        return block[Math.min(k - 1, Math.max(0, i))];
    }
}
