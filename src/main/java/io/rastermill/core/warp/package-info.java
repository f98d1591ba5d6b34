/**
 * Warping: reprojection, resampling and mosaicking onto a target grid, with gdalwarp's meanings. Plain Java, no Spark.
 *
 * <ul>
 *   <li>{@link io.rastermill.core.warp.TargetGridSpec} turns gdalwarp's {@code -t_srs -tr -te -ts -tap} into a
 *       {@link io.rastermill.core.warp.WarpGrid}, by default gdalwarp's own suggested grid.</li>
 *   <li>{@link io.rastermill.core.warp.PixelTransform} maps target cells to source pixel coordinates through
 *       proj4j, exactly or from an interpolated control grid whose error is measured and bounded.</li>
 *   <li>{@link io.rastermill.core.warp.BlockWarp} finds the source window a block of target cells needs and
 *       resamples it with {@link io.rastermill.core.warp.WarpKernel} by a
 *       {@link io.rastermill.core.warp.Resampling} method.</li>
 *   <li>{@link io.rastermill.core.warp.WarpBuffers} are a block warp's working arrays, which the warps of many sources
 *       used one after another (a mosaic) share.</li>
 *   <li>{@link io.rastermill.core.warp.Halving} is the warper at an exact 2× reduction: a pyramid level from the
 *       2×2 tiles of the level above (zoomed layer pyramids, web tiles).</li>
 * </ul>
 *
 * <h2>NoData</h2>
 * Source cells are read in the double lane, NoData as NaN. A target cell whose centre lies outside the source or
 * on a NoData cell gets nothing from that source (interpolating methods); kernels and footprints leave NoData and
 * out-of-raster cells out and renormalise the weights. A cell that gets nothing from any source is NoData.
 * Sources are applied in order, each overwriting only the cells it gives a value, so later sources win.
 *
 * <h2>Thread-safety</h2>
 * {@code Resampling}, {@code WarpGrid}, {@code TargetGridSpec} and {@code SourceWindow} are immutable.
 * {@code PixelTransform}, {@code WarpKernel}, {@code BlockWarp}, {@code WarpBuffers} and {@code Halving} hold scratch
 * buffers and proj4j state: one instance per thread.
 */
package io.rastermill.core.warp;
