package io.rastermill.core.temporal;

/**
 * Order statistics of a sorted prefix {@code a[0..n)} as numpy computes them, so that references written with
 * {@code numpy.nanmedian} and {@code numpy.nanpercentile} agree to the last bit. Empty input gives NaN.
 */
public final class Percentiles {
    private Percentiles() {}

    /** {@code numpy.median}: the middle value, or the mean of the two middle values of an even count. */
    public static double median(double[] a, int n) {
        return n == 0 ? Double.NaN : median(a[(n - 1) >>> 1], a[n >>> 1], n);
    }

    /**
     * {@link #median(double[], int)} from the values at ranks {@link #lowerRank lowerRank(n, -1)} and the next (the
     * same for an odd count) of {@code n > 0} values: what a selection finds.
     */
    static double median(double lower, double upper, int n) {
        return (n & 1) == 1 ? lower : (lower + upper) / 2;
    }

    /**
     * {@code numpy.percentile(a, p)} with its default {@code method="linear"}: rank {@code (n - 1) * (p / 100)}, and
     * between ranks numpy's lerp (from the lower value below one half, from the upper value from one half on).
     */
    public static double linear(double[] a, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        int lo = lowerRank(n, p);
        return linear(a[lo], a[Math.min(lo + 1, n - 1)], n, p);
    }

    /**
     * {@link #linear(double[], int, double)} from the values at ranks {@link #lowerRank lowerRank(n, p)} and the next
     * (or the same at the last rank) of {@code n > 0} values: what a selection finds.
     */
    static double linear(double lower, double upper, int n, double p) {
        double rank = (n - 1) * (p / 100);
        double gamma = rank - Math.floor(rank);
        double diff = upper - lower;
        return gamma >= 0.5 ? upper - diff * (1 - gamma) : lower + diff * gamma;
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
