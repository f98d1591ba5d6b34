/**
 * Composites of scene series on Spark: {@link io.rastermill.spark.temporal.Composite} dates scenes (a CSV, a file
 * name pattern or the TIFF DateTime tag), keeps a time range, and reduces them per cell across time onto one target
 * grid with a {@link io.rastermill.core.temporal.TemporalReducer}, warping each scene with the grid machinery of
 * {@code io.rastermill.spark.warp}. Each task streams the scenes over one tile at a time; no raster data is shuffled.
 * A scene already on the target grid with nearest resampling is copied by window instead ({@code AlignedScene}),
 * integer scenes in the int lane.
 *
 * <h2>Memory</h2>
 * A task holds one tile's accumulator (a few tile-sized arrays for the streaming reducers, every valid value for the
 * median and percentiles) and one scene's input at a time: a scene's file is open only while its window is read, and
 * all scenes share one set of decoders ({@code spark.warp.SourceReaders}). Only the scenes' descriptions and headers
 * grow with their number.
 *
 * <h2>NoData and masks</h2>
 * A scene's NoData cells (the file's, or the {@code -srcnodata} value) and the cells its mask marks (true or NoData)
 * are dropped before warping, so they never reach the reducer; a target cell no scene observes is NoData (0 for
 * count).
 *
 * <h2>Thread-safety</h2>
 * {@code Composite}, {@code Scene} and {@code SceneDating} are immutable; each task builds its own readers,
 * transforms, mask evaluators and accumulators.
 */
package io.rastermill.spark.temporal;
