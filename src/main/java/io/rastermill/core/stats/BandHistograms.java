package io.rastermill.core.stats;

import io.rastermill.core.cell.DataType;

/**
 * The percentiles and histograms of {@code rastermill stats}, in one place so the command, the SQL aggregates
 * ({@code rm_agg_percentiles}, {@code rm_agg_histogram}) and Java callers give the same numbers.
 *
 * <ul>
 *   <li>Integer bands are counted exactly ({@link IntHistogram}, one pass): percentiles are exact nearest-rank values;
 *       {@value #GDAL_BUCKETS} buckets are {@code gdalinfo -hist}'s ({@link IntHistogram#toGdalBins}), any other count
 *       splits {@code [min − ½, max + ½]}.</li>
 *   <li>Float bands need the data range {@code [min, max]} of a first pass ({@link CellStatistics}): percentiles come
 *       from {@value #FLOAT_PERCENTILE_BINS} bins over it (error ≤ (max − min)/2¹⁷); {@value #GDAL_BUCKETS} histogram
 *       buckets are {@code gdalinfo -hist}'s range {@code [min − h, max + h]}, any other count splits
 *       {@code [min, max]}.</li>
 * </ul>
 */
public final class BandHistograms {
    /** Bins of the float histogram that percentiles are read from. */
    public static final int FLOAT_PERCENTILE_BINS = 1 << 16;
    /** The bucket count of {@code gdalinfo -hist}, the default of {@code stats --histogram}. */
    public static final int GDAL_BUCKETS = 256;

    private BandHistograms() {}

    /** An empty accumulator for a float band's percentiles, {@code [min, max]} its data range from a first pass. */
    public static DoubleHistogram floatPercentiles(double min, double max) {
        return DoubleHistogram.of(min, max, FLOAT_PERCENTILE_BINS);
    }

    /** An empty accumulator for a float band's histogram of {@code buckets}, {@code [min, max]} its data range. */
    public static DoubleHistogram floatHistogram(double min, double max, int buckets) {
        return buckets == GDAL_BUCKETS ? DoubleHistogram.gdalDefault(min, max) : DoubleHistogram.of(min, max, buckets);
    }

    /**
     * An integer band's histogram in {@code buckets}; null where {@code gdalinfo -hist} prints none (no data, or a
     * constant band of another type than Byte with {@value #GDAL_BUCKETS} buckets).
     */
    public static Bins intHistogram(IntHistogram counts, int buckets, DataType dataType) {
        if (counts.totalCount() == 0) {
            return null;
        }
        return buckets == GDAL_BUCKETS
                ? counts.toGdalBins(dataType)
                : counts.toBins(buckets, counts.min() - 0.5, counts.max() + 0.5);
    }
}
