package io.rastermill.core.temporal;

import java.util.Arrays;

/**
 * Per-cell least-squares line {@code value = intercept + slope * day} through the valid observations, with r² and
 * the count, in constant memory per cell: running means and co-moments (Welford's update, stable where the sums of
 * squares would cancel). Slope and intercept need two observations at different times; r² also needs values that
 * vary (else NaN, as {@code 1 - SSres/SStot} is 0/0).
 */
final class TrendFit implements TemporalAccumulator {
    private final int[] n;
    private final double[] meanX;
    private final double[] meanY;
    private final double[] cxx;
    private final double[] cxy;
    private final double[] cyy;

    TrendFit(int cells) {
        n = new int[cells];
        meanX = new double[cells];
        meanY = new double[cells];
        cxx = new double[cells];
        cxy = new double[cells];
        cyy = new double[cells];
    }

    @Override
    public void clear() {
        Arrays.fill(n, 0);
        for (double[] a : new double[][] {meanX, meanY, cxx, cxy, cyy}) {
            Arrays.fill(a, 0);
        }
    }

    @Override
    public void add(double[] values, double day) {
        for (int i = 0; i < values.length; i++) {
            double y = values[i];
            if (y != y) {
                continue;
            }
            int k = ++n[i];
            double dx = day - meanX[i];
            double dy = y - meanY[i];
            meanX[i] += dx / k;
            meanY[i] += dy / k;
            double dy2 = y - meanY[i];
            cxx[i] += dx * (day - meanX[i]);
            cxy[i] += dx * dy2;
            cyy[i] += dy * dy2;
        }
    }

    @Override
    public double[][] result() {
        int cells = n.length;
        double[] slope = new double[cells];
        double[] intercept = new double[cells];
        double[] r2 = new double[cells];
        double[] count = new double[cells];
        for (int i = 0; i < cells; i++) {
            count[i] = n[i];
            if (n[i] < 2 || !(cxx[i] > 0)) {
                slope[i] = Double.NaN;
                intercept[i] = Double.NaN;
                r2[i] = Double.NaN;
                continue;
            }
            double b = cxy[i] / cxx[i];
            slope[i] = b;
            intercept[i] = meanY[i] - b * meanX[i];
            r2[i] = cyy[i] > 0 ? Math.min(1, cxy[i] * cxy[i] / (cxx[i] * cyy[i])) : Double.NaN;
        }
        return new double[][] {slope, intercept, r2, count};
    }
}
