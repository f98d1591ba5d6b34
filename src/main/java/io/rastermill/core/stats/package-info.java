/**
 * Reductions over tiles as mergeable accumulators: summary statistics ({@link io.rastermill.core.stats.CellStatistics}),
 * exact int histograms ({@link io.rastermill.core.stats.IntHistogram}) and bounded-error float histograms
 * ({@link io.rastermill.core.stats.DoubleHistogram}), all implementing
 * {@link io.rastermill.core.stats.MergeableAccumulator} (zero, add, merge, finish) so one JVM and Spark run the
 * same class; {@link io.rastermill.core.stats.Summaries} is the façade, and
 * {@link io.rastermill.core.stats.BandHistograms} holds {@code rastermill stats}' percentile and histogram rules. {@link io.rastermill.core.stats.OrderStatistics}
 * is the quickselect kernel the focal and temporal medians share.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>The lane is chosen once per tile: {@code CellStatistics} reads integral types in the int lane and floats
 *       in the double lane; {@code IntHistogram} always reads the int lane (floats truncated, as GeoTrellis's
 *       {@code tile.histogram}); {@code DoubleHistogram} always the double lane.</li>
 *   <li>NoData cells are counted apart ({@code noDataCount}) and take part in nothing else.</li>
 *   <li>Standard deviations are population ({@code gdalinfo -stats}, GeoTrellis) unless named {@code sample...}.</li>
 *   <li>Percentiles use the nearest-rank rule; {@code IntHistogram.median()} is GeoTrellis's upper median.
 *       {@code DoubleHistogram} percentiles are within half a bin width of the exact nearest-rank value.</li>
 *   <li>{@code toGdalBins}/{@code gdalDefault} reproduce {@code gdalinfo -hist}'s 256 buckets (GDAL 3.6.2).</li>
 * </ul>
 *
 * <h2>Open points</h2>
 * <ul>
 *   <li>No one-pass float percentiles: {@code DoubleHistogram} needs the range first. A relative-error
 *       log-bucket sketch (DDSketch-like) would allow one pass and suit heavy tails better.</li>
 *   <li>{@code IntHistogram.toGdalBins} is checked against GDAL 3.6.2 for Byte, UInt16, Int16 and Int32 only;
 *       GDAL 3.6 has no Int8 band type (signed bytes are a Byte band with PIXELTYPE=SIGNEDBYTE).</li>
 *   <li>GDAL's own default histogram takes min/max from approximate statistics when a file has overviews;
 *       {@code gdalinfo -hist} on such files can then differ from the exact range used here.</li>
 *   <li>{@code DoubleHistogram} has no GeoTrellis {@code StreamingHistogram} emulation.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Accumulators are mutable and confined to one thread (one Spark task); the finished records
 * ({@link io.rastermill.core.stats.Statistics}, {@link io.rastermill.core.stats.IntStatistics},
 * {@link io.rastermill.core.stats.Bins}) are immutable values (Bins exposes its array: do not modify it).
 */
package io.rastermill.core.stats;
