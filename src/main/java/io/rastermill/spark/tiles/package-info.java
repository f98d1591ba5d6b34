/**
 * XYZ web tile pyramids on Spark ({@link io.rastermill.spark.tiles.XyzTiles}): the top zoom warped per tile from
 * the sources with the warp machinery, lower zooms halved from the level below, PNGs written by the executors.
 *
 * <h2>NoData</h2>
 * Source NoData and cells outside every source are transparent.
 *
 * <h2>Thread-safety</h2>
 * Driver-side methods are for one thread; the executor functions make their scratch per task.
 */
package io.rastermill.spark.tiles;
