package io.rastermill.core.tiles;

import io.rastermill.core.warp.Halving;
import io.rastermill.core.warp.Resampling;

/**
 * A parent tile from its four children: the {@code 2n × 2n} RGBA mosaic of the children (a missing child is
 * transparent) halved to {@code n × n}, as gdal2tiles builds each zoom from the one below.
 *
 * <p><b>Methods</b>: the taps and reductions of {@link Halving} (GDAL's warper at an exact 2× reduction), the same
 * that build the levels of a zoomed layer pyramid.
 *
 * <p><b>Alpha.</b> gdal2tiles resamples the alpha band like a colour band and the colours with the transparent
 * pixels' black included (a dark rim along NoData edges). Here colours are weighted by alpha (a transparent
 * pixel contributes nothing), and alpha is resampled as gdal2tiles does; where every contributing pixel is
 * opaque both give the same pixel. The reductions take colours over the non-transparent pixels only.
 *
 * <p>Not thread-safe (scratch); one per task.
 */
public final class TileDownsample {
    private final Halving halving;
    private final int n;
    private final double[] block = new double[4];

    /**
     * @param n the output tile's side (the mosaic's is {@code 2n})
     * @throws IllegalArgumentException for {@code sum} and {@code rms}, which make no pixels
     */
    public TileDownsample(Resampling method, int n) {
        if (method == Resampling.SUM || method == Resampling.RMS) {
            throw new IllegalArgumentException("-r " + method.gdalName() + " does not make tile pixels: use near, "
                    + "bilinear, cubic, cubicspline, lanczos, average, mode, min, max, med, q1 or q3");
        }
        this.halving = new Halving(method, n);
        this.n = n;
    }

    /** The {@code n × n} RGBA parent of {@code mosaic} ({@code 2n × 2n} RGBA, row-major). */
    public byte[] halve(byte[] mosaic) {
        int m = 2 * n;
        if (mosaic.length != 4 * m * m) {
            throw new IllegalArgumentException("mosaic has " + mosaic.length + " bytes, expected " + 4 * m * m);
        }
        byte[] out = new byte[4 * n * n];
        boolean weighs = halving.weighs();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (weighs) {
                    weigh(mosaic, m, x, y, out);
                } else {
                    reduce(mosaic, m, x, y, out);
                }
            }
        }
        return out;
    }

    private void weigh(byte[] src, int m, int x, int y, byte[] out) {
        double r = 0;
        double g = 0;
        double b = 0;
        double a = 0;
        double w = 0;
        int fx = halving.first(x);
        int fy = halving.first(y);
        for (int j = 0; j < halving.taps(y); j++) {
            int row = (fy + j) * m;
            double wy = halving.weight(y, j);
            for (int i = 0; i < halving.taps(x); i++) {
                double ww = wy * halving.weight(x, i);
                int p = 4 * (row + fx + i);
                double wa = ww * (src[p + 3] & 0xff);
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
        return k == 0 ? 0 : (int) halving.reduce(block, k);
    }
}
