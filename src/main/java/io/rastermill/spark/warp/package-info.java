/**
 * Warping on Spark: {@link io.rastermill.spark.warp.GeoTiffWarp} reprojects, resamples and mosaics GeoTIFFs onto
 * a target grid as layers, each task computing the source window its tiles need through the inverse transform
 * (plus the kernel's radius) and reading only those byte ranges — no raster data is shuffled. The kernels and grid
 * rules are {@code io.rastermill.core.warp}'s.
 *
 * <h2>Memory</h2>
 * A task's memory does not grow with its number of sources (a mosaic's files, a composite's scenes): it reads them
 * through {@link io.rastermill.spark.warp.SourceReaders}, one file open at a time with decoders shared by all, and its
 * warps share one set of {@code WarpBuffers}. Per source it keeps only the description: header, status, transform.
 *
 * <h2>NoData</h2>
 * Source NoData (the file's, or {@code WarpOptions.sourceNoData}) never contributes; target cells no source gives a
 * value are the output cell type's NoData (0 for raw types, as gdalwarp leaves them).
 *
 * <h2>Thread-safety</h2>
 * {@code GeoTiffWarp}, {@code WarpSource} and {@code WarpOptions} are immutable; each task builds its own transforms,
 * kernels and readers ({@code SourceReaders} is confined to its task's thread).
 */
package io.rastermill.spark.warp;
