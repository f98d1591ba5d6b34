package io.rastermill.spark.sql;

import io.rastermill.core.stats.BandHistograms;
import io.rastermill.core.stats.Bins;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.tile.TileBytes;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code rm_agg_percentiles} and {@code rm_agg_histogram}, plain and {@code _over} a range: a group's percentiles or
 * histogram with {@code rastermill stats}' numbers ({@link BandHistograms}). Integer tiles are counted exactly in one
 * pass; float tiles are binned over {@code [min, max]}, which the {@code _over} forms take from a first pass
 * ({@code rm_agg_stats} over the same rows), as the command takes it from its own. NULL tiles are skipped; a group
 * without data cells gives NULL fields.
 */
final class BandHistogramAggregator extends Aggregator<Row, BandCounts, Row> {
    static final StructType PERCENTILES = new StructType()
            .add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("max_error", DataTypes.DoubleType, true);
    static final StructType HISTOGRAM = new StructType()
            .add("lo", DataTypes.DoubleType, true)
            .add("hi", DataTypes.DoubleType, true)
            .add("counts", DataTypes.createArrayType(DataTypes.LongType, false), true);

    private final boolean percentiles;
    private final boolean ranged;

    private BandHistogramAggregator(boolean percentiles, boolean ranged) {
        this.percentiles = percentiles;
        this.ranged = ranged;
    }

    /** {@code rm_agg_percentiles(tile, percentiles)} or, ranged, {@code rm_agg_percentiles_over(..., min, max)}. */
    static BandHistogramAggregator percentiles(boolean ranged) {
        return new BandHistogramAggregator(true, ranged);
    }

    /** {@code rm_agg_histogram(tile, buckets)} or, ranged, {@code rm_agg_histogram_over(..., min, max)}. */
    static BandHistogramAggregator histogram(boolean ranged) {
        return new BandHistogramAggregator(false, ranged);
    }

    private String function() {
        return (percentiles ? "rm_agg_percentiles" : "rm_agg_histogram") + (ranged ? "_over" : "");
    }

    /** The form that takes the range, named in the error a float tile gets from the plain form. */
    private String rangedForm() {
        return percentiles
                ? "rm_agg_percentiles_over(tile, percentiles, min, max)"
                : "rm_agg_histogram_over(tile, buckets, min, max)";
    }

    /** The input columns: tile, the percentiles (ARRAY) or the bucket count, and for the ranged forms min and max. */
    StructType inputSchema() {
        StructType s = new StructType().add("tile", DataTypes.BinaryType, true);
        s = percentiles
                ? s.add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, true), true)
                : s.add("buckets", DataTypes.IntegerType, true);
        return ranged ? s.add("min", DataTypes.DoubleType, true).add("max", DataTypes.DoubleType, true) : s;
    }

    StructType outputSchema() {
        return percentiles ? PERCENTILES : HISTOGRAM;
    }

    @Override
    public BandCounts zero() {
        return new BandCounts();
    }

    @Override
    public BandCounts reduce(BandCounts g, Row in) {
        if (g.percents == null && g.buckets == 0) {
            if (percentiles) {
                g.percents = percents(function(), in.isNullAt(1) ? null : in.getList(1));
            } else {
                g.buckets = buckets(in.isNullAt(1) ? null : in.getInt(1));
            }
        }
        if (in.isNullAt(0)) {
            return g;
        }
        Supplier<DoubleHistogram> bins = null;
        if (ranged && !in.isNullAt(2) && !in.isNullAt(3)) {
            double min = in.getDouble(2);
            double max = in.getDouble(3);
            if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException(
                        function() + ": min and max must be finite with min <= max, got " + min + " and " + max);
            }
            bins = percentiles
                    ? () -> BandHistograms.floatPercentiles(min, max)
                    : () -> BandHistograms.floatHistogram(min, max, g.buckets);
        }
        g.add(TileBytes.decode((byte[]) in.get(0)), bins, function(), rangedForm());
        return g;
    }

    /** A percentiles argument (an ARRAY of 0..100) as numbers; errors name {@code function}. */
    static double[] percents(String function, List<Object> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(function + ": give the percentiles as an array, e.g. array(5, 50, 95)");
        }
        double[] p = new double[list.size()];
        for (int i = 0; i < p.length; i++) {
            Object v = list.get(i);
            p[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
            if (!(p[i] >= 0 && p[i] <= 100)) {
                throw new IllegalArgumentException(function + ": percentiles must be in 0..100, got " + v);
            }
        }
        return p;
    }

    private int buckets(Integer n) {
        if (n == null || n < 1) {
            throw new IllegalArgumentException(function() + ": the histogram needs at least 1 bucket, got " + n);
        }
        return n;
    }

    @Override
    public BandCounts merge(BandCounts a, BandCounts b) {
        if (a.percents == null) {
            a.percents = b.percents;
        }
        if (a.buckets == 0) {
            a.buckets = b.buckets;
        }
        return a.merge(b);
    }

    @Override
    public Row finish(BandCounts buf) {
        return percentiles ? percentilesRow(buf) : histogramRow(buf);
    }

    private Row percentilesRow(BandCounts g) {
        if (g.isEmpty()) {
            return RowFactory.create(null, null);
        }
        IntHistogram ints = g.ints();
        DoubleHistogram doubles = g.doubles();
        if (doubles != null && doubles.outOfRangeCount() > 0) {
            throw new IllegalArgumentException(function() + ": " + doubles.outOfRangeCount() + " values lie outside ["
                    + doubles.lo() + ", " + doubles.hi() + "]; give rm_agg_stats(tile).min and .max of the same rows");
        }
        Double[] values = new Double[g.percents.length];
        for (int i = 0; i < values.length; i++) {
            double q = g.percents[i] / 100;
            values[i] = ints != null ? (double) ints.percentile(q) : doubles.percentile(q);
        }
        return RowFactory.create(values, ints != null ? 0.0 : doubles.errorBound());
    }

    private Row histogramRow(BandCounts g) {
        if (g.isEmpty()) {
            return RowFactory.create(null, null, null);
        }
        Bins bins = g.ints() != null
                ? BandHistograms.intHistogram(g.ints(), g.buckets, g.dataType())
                : g.doubles().toBins();
        if (bins == null) {
            return RowFactory.create(null, null, null);
        }
        Long[] counts = new Long[bins.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = bins.counts()[i];
        }
        return RowFactory.create(bins.lo(), bins.hi(), counts);
    }

    @Override
    public Encoder<BandCounts> bufferEncoder() {
        return Encoders.javaSerialization(BandCounts.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(outputSchema());
    }
}
