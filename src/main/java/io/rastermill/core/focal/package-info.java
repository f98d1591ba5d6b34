/**
 * Focal (neighbourhood) operations: terrain analysis after gdaldem and GeoTrellis, and focal
 * statistics, as kernels over a {@link io.rastermill.core.focal.BufferedTile}.
 *
 * <h2>Halo contract</h2>
 * A kernel ({@link io.rastermill.core.focal.FocalKernel}) maps a buffered tile — target plus a halo
 * of at least {@code kernel.halo()} cells, with flags for the sides that lie outside the raster —
 * to a tile of the target's size. Tiling a raster, buffering each tile with its neighbours' cells
 * and stitching the outputs equals applying the kernel to the whole raster, cell for cell. The
 * Spark layer only builds halos; all arithmetic lives here.
 *
 * <h2>The catalog</h2>
 * Each built-in op is described once by a {@link io.rastermill.core.focal.FocalOp} (name, doc,
 * {@link io.rastermill.core.focal.FocalParam parameters} with types and defaults, kernel factory), declared
 * beside its kernel and collected by {@link io.rastermill.core.focal.FocalOps#all()}; the SQL functions are
 * generated from it and the command line is checked against it. The typed {@code *Params} records build the
 * same kernels without text.
 *
 * <h2>Your own kernels</h2>
 * A {@link io.rastermill.core.focal.Neighbourhood} (square, circle, annulus, custom weights) keeps its
 * cells as primitive arrays; a {@link io.rastermill.core.focal.FocalWindow} opens a buffered tile for it
 * (outside halo cells NaN, the neighbourhood as offsets into the tile's double lane), so a kernel's loops
 * are index arithmetic only. {@code FocalKernel.perTile}, {@code perCell} and {@code of} build a kernel
 * from a user function; the built-in ops use the same windows ({@link io.rastermill.core.focal.Window3}
 * adds the terrain edge rules for 3×3 kernels).
 *
 * <h2>Semantics (NoData and edges)</h2>
 * <ul>
 * <li>{@link io.rastermill.core.focal.Convention#GDALDEM} (checked cell for cell against gdaldem
 *     3.6.2): NoData focal cell → NoData. Without computeEdges: any NoData neighbour or raster
 *     border → NoData. With computeEdges: a neighbour beyond the west/east border is
 *     {@code 2·border − next}; on the first/last raster row the window's columns are clamped to
 *     the raster and the missing row is {@code 2·border − next} per column; NoData neighbours
 *     (including extrapolations from NoData) take the focal value. A raster 1 cell high or wide
 *     is all NoData. Window sums are in float as gdaldem's. Float32 output, NoData -9999 (aspect with zeroForFlat: no NoData, 0);
 *     hillshade Byte 1..255, NoData 0.</li>
 * <li>{@link io.rastermill.core.focal.Convention#GEOTRELLIS} (GeoTrellis 3.7.1): NoData or
 *     outside neighbours take the focal value; float64 slope/aspect, int16 hillshade 0..127.</li>
 * <li>Focal statistics skip NoData and outside cells; no data in the window → NoData. Weights
 *     weigh sum, mean and stddev; min, max and median read them as a mask.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Params, kernels and buffered tiles are immutable; kernels allocate their working arrays per call
 * and may be shared between threads. Nothing here starts threads.
 */
package io.rastermill.core.focal;
