package io.rastermill.core.temporal;

/**
 * Order statistics of a sorted prefix {@code a[0..n)} as numpy computes them, so that references written with
 * {@code numpy.nanmedian} and {@code numpy.nanpercentile} agree to the last bit. Empty input gives NaN.
 */
public final class Percentiles {
    private Percentiles() {}

    /** {@code numpy.median}: the middle value, or the mean of the two middle values of an even count. */
    public static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int h = n >>> 1;
        return (n & 1) == 1 ? a[h] : (a[h - 1] + a[h]) / 2;
    }

    /**
     * {@code numpy.percentile(a, p)} with its default {@code method="linear"}: rank {@code (n - 1) * (p / 100)}, and
     * between ranks numpy's lerp (from the lower value below one half, from the upper value from one half on).
     */
    public static double linear(double[] a, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double rank = (n - 1) * (p / 100);
        double below = Math.floor(rank);
        int lo = lowerRank(n, p);
        int hi = Math.min(lo + 1, n - 1);
        double gamma = rank - below;
        double x = a[lo];
        double y = a[hi];
        double diff = y - x;
        return gamma >= 0.5 ? y - diff * (1 - gamma) : x + diff * gamma;
    }

    /**
     * The lower of the (at most two) ranks that {@link #linear} ({@code p} 0..100) or, for a negative {@code p},
     * {@link #median} reads; the other is the next one. So a selection that finds only these two gives the same value
     * as a full sort.
     */
    static int lowerRank(int n, double p) {
        if (p < 0) {
            return (n - 1) >>> 1;
        }
        return (int) Math.min(Math.max(Math.floor((n - 1) * (p / 100)), 0), n - 1);
    }
}
