package io.rastermill.io.geotiff;

import java.util.Arrays;

/**
 * Makes one overview block from the (up to) four blocks below it, in the double lane (NoData is NaN).
 * Each overview cell {@code (i, j)} comes from source cells {@code (2i + dx, 2j + dy)}, {@code dx, dy ∈ {0,1}},
 * that lie inside the source level; NaN sources are skipped. Stateless apart from its scratch space:
 * one instance per thread.
 */
final class OverviewReducer {
    private final int size;
    private final OverviewResampling resampling;
    private final boolean integral;
    private final double[] gathered = new double[4];

    OverviewReducer(int size, OverviewResampling resampling, boolean integral) {
        this.size = size;
        this.resampling = resampling;
        this.integral = integral;
    }

    /**
     * Fills {@code dst} ({@code size²} cells) from {@code children[dy * 2 + dx]} (a lane of {@code size²}
     * cells, or null where the source level has no such block). Only source cells with window column
     * {@code < srcWidth} and row {@code < srcHeight} count; destination cells without any valid source
     * become NaN.
     */
    void reduce(double[][] children, int srcWidth, int srcHeight, double[] dst) {
        Arrays.fill(dst, Double.NaN);
        int half = size / 2;
        int dstW = Math.min(size, (srcWidth + 1) / 2);
        int dstH = Math.min(size, (srcHeight + 1) / 2);
        for (int j = 0; j < dstH; j++) {
            for (int i = 0; i < dstW; i++) {
                double[] child = children[(j / half) * 2 + i / half];
                if (child == null) {
                    continue;
                }
                int lx = 2 * (i % half);
                int ly = 2 * (j % half);
                int sx = 2 * i;
                int sy = 2 * j;
                int n = 0;
                for (int dy = 0; dy < 2; dy++) {
                    if (sy + dy >= srcHeight) {
                        break;
                    }
                    for (int dx = 0; dx < 2; dx++) {
                        if (sx + dx >= srcWidth) {
                            break;
                        }
                        double v = child[(ly + dy) * size + lx + dx];
                        if (resampling == OverviewResampling.NEAREST) {
                            dst[j * size + i] = v; // the upper-left source, NoData or not
                            dy = 2;
                            break;
                        }
                        if (!Double.isNaN(v)) {
                            gathered[n++] = v;
                        }
                    }
                }
                if (resampling != OverviewResampling.NEAREST && n > 0) {
                    dst[j * size + i] = resampling == OverviewResampling.AVERAGE ? average(n) : mode(n);
                }
            }
        }
    }

    private double average(int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += gathered[k];
        }
        double mean = sum / n;
        return integral ? Math.floor(mean + 0.5) : mean;
    }

    private double mode(int n) {
        double best = gathered[0];
        int bestCount = 0;
        for (int k = 0; k < n; k++) {
            int count = 0;
            for (int m = 0; m < n; m++) {
                if (gathered[m] == gathered[k]) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = gathered[k];
                bestCount = count;
            }
        }
        return best;
    }
}
