/**
 * Layers in GeoTrellis catalogs on Spark: {@link io.rastermill.spark.layerstore.LayerWriter} (write, replace,
 * overwrite, update, delete; file and Hadoop backends), {@link io.rastermill.spark.layerstore.LayerReader} (whole layers or
 * key-bounds/extent queries that read only the files or MapFile records they need) and
 * {@link io.rastermill.spark.layerstore.LayoutRetiler} (a layer onto another layout of its CRS, nearest) and
 * {@link io.rastermill.spark.layerstore.ZoomedPyramid} (the levels of a Web Mercator pyramid: the top warped from GeoTIFFs,
 * each lower level from the 2×2 tiles above), and {@link io.rastermill.spark.layerstore.SpaceTimeLayerStore} (space-time
 * layers, single band or {@link io.rastermill.spark.layerstore.MultibandSpaceTimeLayer multiband}, through the same
 * write protocol, backends, read path and record codecs: spatial and space-time layers differ only in their keys'
 * index and the attribute's time bounds).
 *
 * <h2>Semantics</h2>
 * GeoTrellis's, with one deliberate difference: the {@code metadata} attribute is written after the tiles, so a
 * failed write never leaves a layer that looks complete, and a replacement (or a Hadoop-backend update) is written
 * beside the current tiles and becomes the layer when the attribute is swapped: a kill at any moment leaves the
 * old layer or the complete new one (see {@link io.rastermill.spark.layerstore.LayerWriter}).
 *
 * <h2>Thread-safety</h2>
 * Readers and writers hold a Spark session and a catalog; each call runs its own Spark jobs.
 */
package io.rastermill.spark.layerstore;
