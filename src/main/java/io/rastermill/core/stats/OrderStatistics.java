package io.rastermill.core.stats;

/**
 * The k-th smallest of an unsorted prefix without sorting it: the focal median and the temporal median and
 * percentiles need one or two ranks of a few dozen values per cell, where a sort costs several times a selection.
 * NaN must not occur in the prefix (callers drop NoData first).
 */
public final class OrderStatistics {
    private OrderStatistics() {}

    /**
     * Hoare's quickselect: returns the {@code k}-th smallest (0-based) of {@code a[0..n)} and leaves it at {@code a[k]},
     * with no larger value before it and no smaller value after it (the prefix is reordered).
     */
    public static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // a[lo..j] <= pivot <= a[i..hi], and every value between j and i equals the pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** The smallest of {@code a[from..to)}, {@code from < to}: after {@link #select(double[], int, int)} at k, rank k + 1 is at k + 1 or after. */
    public static double min(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i < to; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    /**
     * As {@link #select(double[], int, int)} for ints: the temporal median of integer scenes. The partition is
     * branch-free (each value moves by a computed step, not a compare-and-jump): with a few dozen noisy values per
     * cell, nearly every compare of Hoare's scheme is a mispredicted branch, and this runs in about half its time.
     */
    public static int select(int[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            // a[lo..less) < pivot, then a[less..equal) == pivot, then a[equal..hi] > pivot
            int less = lo;
            for (int i = lo; i <= hi; i++) {
                int t = a[i];
                a[i] = a[less];
                a[less] = t;
                less += below(t, pivot);
            }
            int equal = less;
            for (int i = less; i <= hi; i++) {
                int t = a[i];
                a[i] = a[equal];
                a[equal] = t;
                equal += below(t, pivot + 1L);
            }
            if (k < less) {
                hi = less - 1;
            } else if (k >= equal) {
                lo = equal;
            } else {
                return pivot; // the pivot is one of the values, so the middle part is never empty
            }
        }
        return a[k];
    }

    /** The smallest of {@code a[from..to)}, {@code from < to}, as {@link #min(double[], int, int)}. */
    public static int min(int[] a, int from, int to) {
        int m = a[from];
        for (int i = from + 1; i < to; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    /** 1 if {@code v < bound}, else 0, without a branch (in long, so that no difference overflows). */
    private static int below(int v, long bound) {
        return (int) ((v - bound) >>> 63);
    }

    private static int median3(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
