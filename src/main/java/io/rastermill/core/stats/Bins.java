package io.rastermill.core.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Equal-width buckets over {@code [lo, hi]}: bucket {@code i} covers
 * {@code [lo + i·w, lo + (i+1)·w)} with {@code w = (hi - lo) / counts.length}, as {@code gdalinfo -hist}
 * prints them ("256 buckets from lo to hi:" then the counts).
 */
public record Bins(double lo, double hi, long[] counts) implements Serializable {

    public int size() {
        return counts.length;
    }

    public double width() {
        return (hi - lo) / counts.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bins b
                && Double.compare(lo, b.lo) == 0
                && Double.compare(hi, b.hi) == 0
                && Arrays.equals(counts, b.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(lo) + Double.hashCode(hi)) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return counts.length + " buckets from " + lo + " to " + hi + ": " + Arrays.toString(counts);
    }
}
