package io.rastermill.core.stats;

import io.rastermill.core.tile.Tile;

/**
 * Static shortcuts for the reductions of this package over tiles held in one JVM. Each is the
 * single-JVM run of a {@link MergeableAccumulator}; the Spark layer runs the same accumulators with
 * {@code treeAggregate}.
 */
public final class Summaries {
    private Summaries() {}

    /** Runs {@code zero} over {@code tiles}: the generic one-JVM reduction. */
    public static <A extends MergeableAccumulator<A, R>, R> R reduce(A zero, Iterable<? extends Tile> tiles) {
        A acc = zero.zero();
        for (Tile t : tiles) {
            acc.add(t);
        }
        return acc.finish();
    }

    /** Count, NoData count, min, max, sum, mean, population and sample stddev of the data cells. */
    public static Statistics statistics(Tile... tiles) {
        CellStatistics acc = new CellStatistics();
        for (Tile t : tiles) {
            acc.add(t);
        }
        return acc.finish();
    }

    /** Exact int-lane histogram (floats truncated, as GeoTrellis's {@code tile.histogram}). */
    public static IntHistogram histogram(Tile... tiles) {
        IntHistogram acc = new IntHistogram();
        for (Tile t : tiles) {
            acc.add(t);
        }
        return acc;
    }

    /**
     * Two-pass double-lane histogram: statistics first, then {@code bins} equal-width bins over the
     * data's [min, max]; percentiles within {@link DoubleHistogram#errorBound()}.
     */
    public static DoubleHistogram doubleHistogram(int bins, Tile... tiles) {
        DoubleHistogram acc = DoubleHistogram.over(statistics(tiles), bins);
        for (Tile t : tiles) {
            acc.add(t);
        }
        return acc;
    }
}
