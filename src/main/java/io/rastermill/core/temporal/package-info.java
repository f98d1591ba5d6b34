/**
 * Temporal reduction of scene series: per-cell statistics across scenes that lie on one grid. Plain Java, no Spark.
 *
 * <ul>
 *   <li>{@link io.rastermill.core.temporal.TemporalReducer} names the statistic (median, mean, min, max, count,
 *       first, last, pNN, trend), its output bands and default cell type.</li>
 *   <li>{@link io.rastermill.core.temporal.TemporalAccumulator} is the per-tile state the scenes stream through, one
 *       scene at a time, in time order; {@link io.rastermill.core.temporal.TileSeries} wraps it for tiles in, tiles of
 *       a cell type out (space-time layers and the SQL aggregates).</li>
 *   <li>{@link io.rastermill.core.temporal.Percentiles} are numpy's median and linear percentiles;
 *       {@link io.rastermill.core.temporal.SceneDates} reads scene times from names, tags and tables.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * A cell's series is its valid observations: NaN (NoData, masked, outside a scene) never counts. A cell without
 * observations is NaN in every band except the counts (0). First and last follow the order of {@code add}, which
 * callers keep in time order. Trend regresses value on days (slope per day; intercept at day 0, which callers put at
 * the first scene). Percentiles: numpy's default linear interpolation.
 *
 * <h2>Memory</h2>
 * Per tile of {@code c} cells: median and percentiles keep {@code c × s × 2} bytes for {@code s} scenes observing
 * the tile while every value is an integer 0..65534 added in the int lane, else {@code c × s × 4} (× 8 once a value is
 * not exactly a float); every other reducer a fixed number of {@code c}-cell arrays (at most six), whatever the number of scenes.
 *
 * <h2>Thread-safety</h2>
 * {@code TemporalReducer} is immutable; accumulators are mutable, one per tile and thread.
 */
package io.rastermill.core.temporal;
