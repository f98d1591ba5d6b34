/**
 * Zonal statistics on Spark: {@link io.rastermill.spark.zonal.ZonalStatistics} runs the per-zone
 * accumulators of {@code io.rastermill.core.zonal} per partition and merges them by zone id with
 * {@code reduceByKey}; polygons are broadcast and rasterised per tile on the executors, each tile
 * visiting only the polygons whose envelope reaches it. No arithmetic lives here.
 *
 * <p>Thread-safety: stateless static methods; each task builds its own tables.
 */
package io.rastermill.spark.zonal;
