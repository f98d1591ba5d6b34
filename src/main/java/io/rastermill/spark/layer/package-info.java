/**
 * Rasters as Spark layers: {@link io.rastermill.spark.layer.TileLayer} is a
 * {@code JavaPairRDD<SpatialKey, Tile>} on a GeoTrellis layout plus its metadata;
 * {@link io.rastermill.spark.layer.TileLayers} reads GeoTIFF mosaics into one (tiles read by byte
 * range on the executors, partitioned by Z-order ranges), {@link io.rastermill.spark.layer.LayerCalc}
 * runs a calc program over aligned layers, and focal steps get their halos here — read with the window
 * for file layers, exchanged as edge strips otherwise, one halo for a chain of steps
 * ({@code FocalChain}). The arithmetic itself is in {@code io.rastermill.core}: this package only moves
 * tiles and halos.
 *
 * <h2>Semantics</h2>
 * Tiles are layout-sized; edge tiles are padded east and south with NoData (0 for raw cell types) and
 * no computation sees the padding as data ({@code innerTiles} crops it for reductions). Layers are lazy
 * and immutable: methods return new layers.
 *
 * <p>Per-tile work that needs something loaded first takes a {@link io.rastermill.spark.layer.TaskSetup}:
 * it runs on the executor before a task's first tile, or once per executor JVM
 * ({@code TaskSetup.perJvm}); {@link io.rastermill.spark.layer.TileCounters} makes counters (Spark
 * accumulators) the functions add to and the driver reads.
 *
 * <p>Thread-safety: layers are immutable values built on the driver; the functions they ship must be
 * serializable; a per-JVM setup's value is shared by the executor's concurrent tasks.
 */
package io.rastermill.spark.layer;
