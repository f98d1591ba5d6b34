/**
 * Tiles: single-band grids of cells over primitive arrays, multiband tiles, and their builder.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Row-major, index {@code row * cols + col}, index 0 upper-left, as GeoTrellis.</li>
 *   <li>Two lanes: {@code get} (int, NoData = {@code Integer.MIN_VALUE}) and {@code getDouble}
 *       (double, NoData = NaN). Each storage class translates its stored NoData on read and write,
 *       with GeoTrellis's conversions (see {@link io.rastermill.core.cell.NoData}).</li>
 *   <li>{@code map}/{@code combine} do not skip NoData (the function sees the sentinel);
 *       {@code mapIfSet} does. {@code combine} returns the union cell type.</li>
 *   <li>Bulk operations read a whole lane into a primitive array, run, and encode once: the
 *       storage type is dispatched per tile, never per cell.</li>
 * </ul>
 *
 * <h2>Generated storage classes</h2>
 * {@code ByteArrayTile}/{@code ShortArrayTile} and {@code FloatArrayTile}/{@code DoubleArrayTile} are
 * generated at build time (generate-sources) from one template per family in
 * {@code src/main/templates/io/rastermill/core/tile} by {@code src/main/templates/generate-tiles.sh};
 * {@code IntArrayTile} (no narrowing) and {@code BitArrayTile} (packed bits) are written by hand.
 *
 * <h2>Thread-safety</h2>
 * {@link io.rastermill.core.tile.Tile} and {@link io.rastermill.core.tile.MultibandTile} are
 * immutable and may be shared; {@link io.rastermill.core.tile.TileBuilder} is not thread-safe and is
 * used by one thread until {@code build()}.
 */
package io.rastermill.core.tile;
