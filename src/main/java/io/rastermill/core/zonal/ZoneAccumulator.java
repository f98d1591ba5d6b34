package io.rastermill.core.zonal;

import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.MergeableAccumulator;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;

/**
 * What one zone accumulates: {@link CellStatistics} (count, NoData count, sum, mean, min, max,
 * population stddev) and, when percentiles are wanted, a histogram — exact ({@link IntHistogram},
 * sparse: memory grows with the zone's distinct values) for integer rasters, or a
 * {@link DoubleHistogram} of fixed bins over the zone's own [min, max] (known from a first pass) for
 * float rasters.
 *
 * <h2>Percentiles</h2>
 * {@link #percentile(double)} is the nearest-rank percentile: the smallest data value whose
 * cumulative count reaches {@code max(1, ceil(q·N))} (NumPy's {@code method="inverted_cdf"},
 * {@code rastermill stats --percentiles}' rule); the median is {@code percentile(0.5)} (the lower
 * median for even N). Exact for integer data; for floats within {@link #percentileError()}
 * ({@code (max − min) / (2·bins)} of the zone).
 *
 * <p>Mutable, not thread-safe (see {@link MergeableAccumulator}); the laws hold exactly for counts,
 * min, max and histograms and within rounding for sum, mean and stddev.
 */
public final class ZoneAccumulator implements MergeableAccumulator<ZoneAccumulator, Statistics> {
    private static final long serialVersionUID = 1L;

    private final CellStatistics stats;
    /** Exact histogram (integer data, percentiles wanted) or null. */
    private final IntHistogram ints;
    /** Binned histogram (float data, percentiles wanted, second pass) or null. */
    private final DoubleHistogram doubles;

    private ZoneAccumulator(CellStatistics stats, IntHistogram ints, DoubleHistogram doubles) {
        this.stats = stats;
        this.ints = ints;
        this.doubles = doubles;
    }

    /** Statistics only: no percentiles. */
    public static ZoneAccumulator statistics() {
        return new ZoneAccumulator(new CellStatistics(), null, null);
    }

    /** Statistics and exact percentiles of integer data. */
    public static ZoneAccumulator exact() {
        return new ZoneAccumulator(new CellStatistics(), new IntHistogram(), null);
    }

    /** Statistics and percentiles of float data within {@code (hi − lo)/(2·bins)}, {@code [lo, hi]} the zone's range. */
    public static ZoneAccumulator binned(double lo, double hi, int bins) {
        return new ZoneAccumulator(new CellStatistics(), null, DoubleHistogram.of(lo, hi, bins));
    }

    @Override
    public ZoneAccumulator zero() {
        return new ZoneAccumulator(
                new CellStatistics(),
                ints == null ? null : new IntHistogram(),
                doubles == null ? null : doubles.zero());
    }

    /** Adds every cell of {@code tile} (all in this zone), in the tile's lane. */
    @Override
    public ZoneAccumulator add(Tile tile) {
        if (tile.cellType().isFloatingPoint()) {
            double[] lane = tile.toDoubleLane();
            return addDoubles(lane, 0, lane.length);
        }
        int[] lane = tile.toIntLane();
        return addInts(lane, 0, lane.length);
    }

    /** Adds int-lane values {@code lane[from, to)}. */
    public ZoneAccumulator addInts(int[] lane, int from, int to) {
        stats.addInts(lane, from, to);
        if (ints != null) {
            ints.addInts(lane, from, to);
        }
        if (doubles != null) {
            throw new IllegalStateException("a binned (float) zone accumulator got int-lane values");
        }
        return this;
    }

    /** Adds double-lane values {@code lane[from, to)}. */
    public ZoneAccumulator addDoubles(double[] lane, int from, int to) {
        stats.addDoubles(lane, from, to);
        if (doubles != null) {
            doubles.addDoubles(lane, from, to);
        }
        if (ints != null) {
            throw new IllegalStateException("an exact (integer) zone accumulator got double-lane values");
        }
        return this;
    }

    @Override
    public ZoneAccumulator merge(ZoneAccumulator other) {
        if ((ints == null) != (other.ints == null) || (doubles == null) != (other.doubles == null)) {
            throw new IllegalArgumentException(
                    "cannot merge zone accumulators of different kinds (exact, binned, statistics only)");
        }
        stats.merge(other.stats);
        if (ints != null) {
            ints.merge(other.ints);
        }
        if (doubles != null) {
            doubles.merge(other.doubles);
        }
        return this;
    }

    @Override
    public Statistics finish() {
        return stats.finish();
    }

    public boolean hasPercentiles() {
        return ints != null || doubles != null;
    }

    /** Nearest-rank percentile, q in [0, 1]; NaN with no data cells. */
    public double percentile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("percentile fraction must be in [0, 1], got " + q);
        }
        if (stats.count() == 0) {
            return Double.NaN;
        }
        if (ints != null) {
            return ints.percentile(q);
        }
        if (doubles != null) {
            return doubles.percentile(q);
        }
        throw new IllegalStateException("this zone accumulator keeps no histogram (percentiles were not requested)");
    }

    /** The largest error of {@link #percentile}: 0 for exact histograms. */
    public double percentileError() {
        return doubles == null ? 0 : doubles.errorBound();
    }

    /** Data values outside the binned range (0 when the range came from a first pass over the same data). */
    public long outOfRangeCount() {
        return doubles == null ? 0 : doubles.outOfRangeCount();
    }

    @Override
    public String toString() {
        return "ZoneAccumulator" + finish();
    }
}
