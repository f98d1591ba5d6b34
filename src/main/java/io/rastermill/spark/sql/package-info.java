/**
 * Spark SQL over layers: {@link io.rastermill.spark.sql.LayerFrames} turns a layer into a
 * {@code Dataset<Row>} of {@code (col, row, tile)} and back (tiles as binary in the
 * {@code TileBytes} form, edge tiles cropped), and {@link io.rastermill.spark.sql.RastermillSql}
 * registers the {@code rm_*} functions of the {@link io.rastermill.spark.sql.SqlFunctions} catalog,
 * the one list the generated page {@code docs/sql-functions.md} is made from: tile facts and
 * statistics, every local op of {@code io.rastermill.core.local.LocalOps#all()} (with
 * {@code rm_<name>_value} for a number on the right), calc expressions, reclassification by a
 * {@code reclass --map} string ({@code rm_reclass}), focal and terrain
 * functions over the buffered tiles of {@link io.rastermill.spark.sql.LayerFrames#toBufferedDataFrame},
 * the aggregates {@code rm_agg_stats}, {@code rm_agg_zonal}, {@code rm_agg_zonal_percentiles},
 * {@code rm_agg_polygon_stats} and {@code rm_agg_polygon_percentiles} (per WKT polygon, on the
 * grid of {@link io.rastermill.spark.sql.LayerFrames#grid}), {@code rm_agg_percentiles} and {@code rm_agg_histogram}
 * (with {@code _over} forms taking a first pass's range, as {@code stats} bins floats) — typed {@code Aggregator}s
 * giving the commands' numbers — and the time-series
 * aggregates {@code rm_composite}, {@code rm_composite_timed}, {@code rm_composite_as} and {@code rm_trend} over the
 * {@code (col, row, instant, tile)} frame of a space-time layer or scene series, grouped by key, which reduce with
 * the core's temporal reducers as {@code LayerComposite} does. {@link io.rastermill.spark.sql.CommandsInSql} says which
 * functions compute what each command computes, and why the others (hydrology, storage) have none.
 *
 * <h2>Semantics</h2>
 * A NULL tile or argument gives NULL; the ops' NoData rules are those of {@code io.rastermill.core.local}.
 * Statistics of a tile without data cells are NULL, as SQL aggregates expect.
 *
 * <p>Thread-safety: stateless; the functions decode their tiles per row.
 */
package io.rastermill.spark.sql;
