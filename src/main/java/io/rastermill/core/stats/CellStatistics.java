package io.rastermill.core.stats;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Count, NoData count, min, max, sum, mean and second central moment (M2) of the data cells of any
 * number of tiles, as a {@link MergeableAccumulator}.
 *
 * <h2>Numerics</h2>
 * Each tile is reduced on its own with Welford's online update (one pass over a primitive lane),
 * and the tile's {@code (n, mean, M2)} is combined into the running state with Chan et al.'s
 * parallel formula; {@link #merge} uses the same formula. So the result does not depend on how the
 * raster is split or in which tree order partial results are merged, up to rounding: in the tests
 * mean and standard deviation agree within 1e-12 relative across random splits and merge trees,
 * while count, NoData count, min and max are exact. For integral cell types the per-tile sum is a
 * {@code long} (exact); the running sum is a double.
 *
 * <h2>Lanes and NoData</h2>
 * The lane is chosen once per tile: integral cell types are read in the int lane (NoData =
 * {@link NoData#INT}), floating-point types in the double lane (NoData = NaN). Infinite float
 * values are data; they make mean and deviations infinite or NaN.
 *
 * <h2>Standard deviation</h2>
 * {@link #stddev()} is the population standard deviation {@code sqrt(M2/n)}: GDAL 3.6.2's
 * {@code gdalinfo -stats} reports that as {@code STATISTICS_STDDEV} (checked by experiment: for
 * 1,2,3,4,5,6,7,200 it prints 64.847898963652 = population, sample would be 69.325...).
 * {@link #sampleStddev()} divides by {@code n - 1}.
 *
 * <p>Mutable and not thread-safe (see {@link MergeableAccumulator}); serializable, 64 bytes of state.
 */
public final class CellStatistics implements MergeableAccumulator<CellStatistics, Statistics> {
    private static final long serialVersionUID = 1L;

    private long count;
    private long noDataCount;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;
    private double mean;
    private double m2;

    /** A new empty accumulator; the same as {@link #zero()}. */
    public CellStatistics() {}

    @Override
    public CellStatistics zero() {
        return new CellStatistics();
    }

    @Override
    public CellStatistics add(Tile tile) {
        if (tile.cellType().isFloatingPoint()) {
            double[] lane = tile.toDoubleLane();
            addDoubles(lane, 0, lane.length);
        } else {
            int[] lane = tile.toIntLane();
            addInts(lane, 0, lane.length);
        }
        return this;
    }

    /** Adds {@code lane[from, to)} as values of the int lane ({@link NoData#INT} is NoData). */
    public CellStatistics addInts(int[] lane, int from, int to) {
        long n = 0;
        long s = 0;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        double mu = 0;
        double q = 0;
        for (int i = from; i < to; i++) {
            int v = lane[i];
            if (v == NoData.INT) {
                continue;
            }
            n++;
            s += v;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
            double d = v - mu;
            mu += d / n;
            q += d * (v - mu);
        }
        combine(
                n,
                (to - from) - n,
                n == 0 ? Double.POSITIVE_INFINITY : lo,
                n == 0 ? Double.NEGATIVE_INFINITY : hi,
                s,
                mu,
                q);
        return this;
    }

    /** Adds {@code lane[from, to)} as values of the double lane (NaN is NoData). */
    public CellStatistics addDoubles(double[] lane, int from, int to) {
        long n = 0;
        double s = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double mu = 0;
        double q = 0;
        for (int i = from; i < to; i++) {
            double v = lane[i];
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            s += v;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
            double d = v - mu;
            mu += d / n;
            q += d * (v - mu);
        }
        combine(n, (to - from) - n, lo, hi, s, mu, q);
        return this;
    }

    @Override
    public CellStatistics merge(CellStatistics other) {
        combine(other.count, other.noDataCount, other.min, other.max, other.sum, other.mean, other.m2);
        return this;
    }

    /** Chan, Golub and LeVeque's pairwise update of (n, mean, M2). */
    private void combine(long nB, long noDataB, double minB, double maxB, double sumB, double meanB, double m2B) {
        noDataCount += noDataB;
        if (nB == 0) {
            return;
        }
        if (count == 0) {
            count = nB;
            min = minB;
            max = maxB;
            sum = sumB;
            mean = meanB;
            m2 = m2B;
            return;
        }
        long n = count + nB;
        double delta = meanB - mean;
        // weights as doubles: counts may exceed 2^53 only for absurd rasters
        double wB = (double) nB / n;
        mean = mean + delta * wB;
        m2 = m2 + m2B + delta * delta * ((double) count * wB);
        count = n;
        sum += sumB;
        min = Math.min(min, minB);
        max = Math.max(max, maxB);
    }

    public long count() {
        return count;
    }

    public long noDataCount() {
        return noDataCount;
    }

    /** Smallest data value; NaN with no data. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest data value; NaN with no data. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    public double sum() {
        return sum;
    }

    /** Mean; NaN with no data. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sum of squared deviations from the mean. */
    public double m2() {
        return m2;
    }

    /** Population variance {@code M2 / n}; NaN with no data. */
    public double variance() {
        return count == 0 ? Double.NaN : Math.max(0, m2) / count;
    }

    /** Sample variance {@code M2 / (n - 1)}; NaN when n &lt; 2. */
    public double sampleVariance() {
        return count < 2 ? Double.NaN : Math.max(0, m2) / (count - 1);
    }

    /** Population standard deviation, as {@code gdalinfo -stats} reports it. */
    public double stddev() {
        return Math.sqrt(variance());
    }

    /** Sample standard deviation (divides by n - 1). */
    public double sampleStddev() {
        return Math.sqrt(sampleVariance());
    }

    @Override
    public Statistics finish() {
        return new Statistics(count, noDataCount, min(), max(), sum, mean(), stddev(), sampleStddev());
    }

    @Override
    public String toString() {
        return "CellStatistics" + finish();
    }
}
