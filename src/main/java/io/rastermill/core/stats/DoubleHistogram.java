package io.rastermill.core.stats;

import io.rastermill.core.tile.Tile;
import java.util.Arrays;

/**
 * Counts of double-lane values in a fixed number of equal-width bins over a range {@code [lo, hi]}
 * known in advance, as a {@link MergeableAccumulator}: percentiles of float rasters with a
 * <b>bounded absolute error</b>.
 *
 * <h2>Why equal-width bins over a known range (two passes)</h2>
 * A raster job can afford a first pass ({@link CellStatistics}, or metadata min/max) to learn the
 * range; after it, equal-width bins give the tightest guarantee for a given memory (an absolute error
 * fixed in advance, independent of the distribution), merge by adding counts (exact, associative,
 * commutative: no merge-order dependence at all, unlike streaming histograms such as GeoTrellis's
 * {@code StreamingHistogram}, whose error is unbounded), and serialize as one {@code long[]}.
 * A relative-error log-bucket sketch (DDSketch) would suit one-pass use and heavy tails better
 * (see the open points of the package); it is not what this class is.
 *
 * <h2>The error bound</h2>
 * Let {@code w = (hi − lo) / bins}. If every data value lies in {@code [lo, hi]}
 * ({@link #outOfRangeCount()} is 0, guaranteed when the range came from a first pass over the same
 * data), then for every {@code q} in [0, 1]
 * <pre>  |percentile(q) − x(r)| ≤ w / 2 (+ a few ulps of hi − lo from rounding the bin index)</pre>
 * where {@code x(r)} is the exact nearest-rank percentile: the {@code r}-th smallest data value,
 * {@code r = max(1, ceil(q·N))} (the rule of {@link IntHistogram#percentile}). Proof: the bin index
 * {@code floor((v − lo)·bins/(hi − lo))} is monotone in v, so the bin whose cumulative count first
 * reaches r holds x(r); the estimate is that bin's midpoint, clamped to the observed [min, max]
 * (which can only move it closer). {@link #errorBound()} returns {@code w/2}; the tests check it
 * against exact sorted percentiles on uniform, normal, heavy-tailed (Pareto, Cauchy), discrete and
 * constant data with NoData. Values outside {@code [lo, hi]} are clamped into the first or last bin
 * and counted by {@link #outOfRangeCount()}; then the bound does not hold for percentiles that reach
 * them.
 *
 * <p>Heavy tails make {@code w} large relative to the bulk of the data: the bound stays true but
 * is coarse there; raise {@code bins} (memory is 8 bytes a bin).
 *
 * <h2>NoData</h2>
 * Tiles are read in the double lane; NaN (every NoData) is counted apart. Infinite values are
 * outside any finite range.
 *
 * <p>Mutable and not thread-safe (see {@link MergeableAccumulator}). Two histograms merge only if
 * their {@code lo}, {@code hi} and bin count are identical.
 */
public final class DoubleHistogram implements MergeableAccumulator<DoubleHistogram, DoubleHistogram> {
    private static final long serialVersionUID = 1L;

    private final double lo;
    private final double hi;
    private final long[] counts;
    private long total;
    private long noDataCount;
    private long outOfRange;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private DoubleHistogram(double lo, double hi, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException(
                    "histogram range must be finite with lo <= hi, got [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        this.counts = new long[bins];
    }

    /** An empty histogram of {@code bins} equal-width bins over {@code [lo, hi]}. */
    public static DoubleHistogram of(double lo, double hi, int bins) {
        return new DoubleHistogram(lo, hi, bins);
    }

    /**
     * An empty histogram over the data range of a first pass, {@code [min, max]} of {@code stats}
     * (second pass of a two-pass computation). With no data, the range is [0, 0].
     */
    public static DoubleHistogram over(Statistics stats, int bins) {
        if (stats.dataCells() == 0) {
            return new DoubleHistogram(0, 0, bins);
        }
        return new DoubleHistogram(stats.min(), stats.max(), bins);
    }

    /**
     * An empty histogram with the 256 buckets {@code gdalinfo -hist} (GDAL 3.6.2) uses for a non-Byte band
     * with the given statistics: {@code [min − h, max + h]}, {@code h = (max − min) / (2·255)}.
     */
    public static DoubleHistogram gdalDefault(Statistics stats) {
        if (stats.dataCells() == 0) {
            return new DoubleHistogram(0, 0, 256);
        }
        return gdalDefault(stats.min(), stats.max());
    }

    /** As {@link #gdalDefault(Statistics)} for data in {@code [min, max]}. */
    public static DoubleHistogram gdalDefault(double min, double max) {
        double half = (max - min) / (2 * (256 - 1));
        return new DoubleHistogram(min - half, max + half, 256);
    }

    @Override
    public DoubleHistogram zero() {
        return new DoubleHistogram(lo, hi, counts.length);
    }

    @Override
    public DoubleHistogram add(Tile tile) {
        double[] lane = tile.toDoubleLane();
        return addDoubles(lane, 0, lane.length);
    }

    /** Adds {@code lane[from, to)} of double-lane values (NaN is NoData). */
    public DoubleHistogram addDoubles(double[] lane, int from, int to) {
        final int n = counts.length;
        final double scale = hi > lo ? n / (hi - lo) : 0;
        long nd = 0;
        long out = 0;
        double mn = min;
        double mx = max;
        for (int k = from; k < to; k++) {
            double v = lane[k];
            if (Double.isNaN(v)) {
                nd++;
                continue;
            }
            if (v < mn) {
                mn = v;
            }
            if (v > mx) {
                mx = v;
            }
            int b;
            if (v < lo) {
                out++;
                b = 0;
            } else if (v > hi) {
                out++;
                b = n - 1;
            } else {
                double idx = Math.floor((v - lo) * scale);
                b = idx >= n ? n - 1 : (int) idx;
            }
            counts[b]++;
        }
        total += (to - from) - nd;
        noDataCount += nd;
        outOfRange += out;
        min = mn;
        max = mx;
        return this;
    }

    @Override
    public DoubleHistogram merge(DoubleHistogram other) {
        if (Double.compare(lo, other.lo) != 0
                || Double.compare(hi, other.hi) != 0
                || counts.length != other.counts.length) {
            throw new IllegalArgumentException("cannot merge histograms with different bins: " + counts.length
                    + " over [" + lo + ", " + hi + "] and " + other.counts.length + " over [" + other.lo + ", "
                    + other.hi + "]");
        }
        long[] oc = other.counts;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += oc[i];
        }
        total += other.total;
        noDataCount += other.noDataCount;
        outOfRange += other.outOfRange;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    public DoubleHistogram copy() {
        return zero().merge(this);
    }

    /** An independent copy: the histogram is its own result. */
    @Override
    public DoubleHistogram finish() {
        return copy();
    }

    // ------------------------------------------------------------------ queries

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    public int binCount() {
        return counts.length;
    }

    /** {@code (hi − lo) / bins}. */
    public double binWidth() {
        return (hi - lo) / counts.length;
    }

    /** The documented percentile error bound, {@code binWidth() / 2} (valid while {@link #outOfRangeCount()} is 0). */
    public double errorBound() {
        return binWidth() / 2;
    }

    public long totalCount() {
        return total;
    }

    public long noDataCount() {
        return noDataCount;
    }

    /** Data values that fell outside {@code [lo, hi]} (clamped into the end bins). */
    public long outOfRangeCount() {
        return outOfRange;
    }

    /** Exact smallest data value seen; NaN when empty. */
    public double min() {
        return total == 0 ? Double.NaN : min;
    }

    /** Exact largest data value seen; NaN when empty. */
    public double max() {
        return total == 0 ? Double.NaN : max;
    }

    /** The counts per bin, as {@link Bins} over {@code [lo, hi]}. */
    public Bins toBins() {
        return new Bins(lo, hi, counts.clone());
    }

    /**
     * Estimated nearest-rank percentile ({@code r = max(1, ceil(q·N))}, q in [0, 1]) within
     * {@link #errorBound()} of the exact one; NaN when empty. {@code q = 0} and {@code q = 1} are the
     * exact min and max.
     */
    public double percentile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("percentile q must be in [0, 1], got " + q);
        }
        if (total == 0) {
            return Double.NaN;
        }
        if (q == 0) {
            return min;
        }
        if (q == 1) {
            return max;
        }
        long r = IntHistogram.nearestRank(q, total);
        long cum = 0;
        int b = 0;
        for (; b < counts.length; b++) {
            cum += counts[b];
            if (cum >= r) {
                break;
            }
        }
        double w = binWidth();
        double mid = lo + (b + 0.5) * w;
        return Math.max(min, Math.min(max, mid));
    }

    public double median() {
        return percentile(0.5);
    }

    /** Estimated percentiles at {@code i/n}, i = 1..n (the last is the exact max). */
    public double[] quantileBreaks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of breaks must be >= 1, got " + n);
        }
        double[] out = new double[n];
        for (int i = 1; i <= n; i++) {
            out[i - 1] = percentile(i == n ? 1.0 : (double) i / n);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleHistogram h
                && Double.compare(lo, h.lo) == 0
                && Double.compare(hi, h.hi) == 0
                && Arrays.equals(counts, h.counts)
                && total == h.total
                && noDataCount == h.noDataCount
                && outOfRange == h.outOfRange
                && Double.compare(min(), h.min()) == 0
                && Double.compare(max(), h.max()) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Long.hashCode(noDataCount);
    }

    @Override
    public String toString() {
        return "DoubleHistogram(" + counts.length + " bins over [" + lo + ", " + hi + "], " + total + " cells, "
                + noDataCount + " NoData, " + outOfRange + " out of range)";
    }
}
