/**
 * Planar grid geometry with GeoTrellis 3.x semantics: {@link io.rastermill.core.geom.Extent},
 * {@link io.rastermill.core.geom.CellSize}, {@link io.rastermill.core.geom.GridBounds},
 * {@link io.rastermill.core.geom.GridExtent} (long dimensions, whole layers) and
 * {@link io.rastermill.core.geom.RasterExtent} (int dimensions, one raster or tile).
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Pixel-is-area, upper-left origin.</b> An extent is the outer boundary of the outer pixels; column 0 is at
 *       {@code xmin}, row 0 at {@code ymax}, rows grow southward.</li>
 *   <li><b>Invariant.</b> {@code cols == Math.round(width / cellWidth)} and {@code rows == Math.round(height / cellHeight)}
 *       (half up), checked by the constructors.</li>
 *   <li><b>Map → grid</b> floors with a tolerance of 1e-7 ({@code floorWithTolerance}: snap to the nearest integer when
 *       closer than 1e-7) and never clamps: the east/south edge maps to {@code cols}/{@code rows}.</li>
 *   <li><b>Grid → map</b> returns the cell centre.</li>
 *   <li><b>Inclusive bounds.</b> {@link io.rastermill.core.geom.GridBounds} includes both its min and max.</li>
 *   <li><b>gridBoundsFor</b>: an east or south edge lying on a grid line (within 1e-7) does not take the next cell;
 *       results are clamped to the grid unless asked otherwise.</li>
 *   <li><b>Bit-for-bit.</b> Every formula keeps GeoTrellis's order of floating-point operations; the oracle suite
 *       compares against GeoTrellis 3.7.1.</li>
 *   <li>{@code Extent.intersects} includes the boundary; {@code Extent.contains(x, y)} and
 *       {@code interiorIntersects} exclude it.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * All types are immutable records, safe to share between threads and to serialize in Spark closures.
 */
package io.rastermill.core.geom;
