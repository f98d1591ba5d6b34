/**
 * Writing layers to files from the executors.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>{@link io.rastermill.spark.write.LayerGeoTiffWriter} writes one or more single-band layers on one
 *       layout to ONE tiled GeoTIFF/COG whose bytes equal {@code GeoTiffWriter}'s for the same blocks and
 *       options: tasks encode tiles and the overview blocks of the aligned squares of tiles their partition holds
 *       (the top few are merged on the driver; layers not partitioned by Z-order ranges get a shuffle of quarter
 *       blocks per level), with the writer's own {@code OverviewBlockReducer}, into part files beside the target; the driver receives only
 *       (block, offset, length) and streams the parts into the final file in layout order.</li>
 *   <li>The block size is the layer's tile size. Keys missing from the layer are written as NoData
 *       blocks; keys outside the raster are ignored.</li>
 *   <li>Nothing half-written looks complete: the file appears by rename; on failure the job is
 *       cancelled, the temporary file and the part files are deleted, and the exception names the
 *       target.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Stateless entry points; each call runs Spark jobs from the calling thread in its own job group.
 */
package io.rastermill.spark.write;
