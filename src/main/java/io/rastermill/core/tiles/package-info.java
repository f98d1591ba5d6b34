/**
 * Web map tiles: the XYZ tile scheme in Web Mercator with gdal2tiles' rules for which tiles a raster gets
 * ({@link io.rastermill.core.tiles.WebMercatorTiles}), how band values become RGBA pixels
 * ({@link io.rastermill.core.tiles.TileRenderer}, {@link io.rastermill.core.tiles.TileStyle},
 * {@link io.rastermill.core.tiles.ColorRamp}) and how a parent tile is made from its four children
 * ({@link io.rastermill.core.tiles.TileDownsample}). Plain Java, no Spark, no file formats.
 *
 * <h2>NoData</h2>
 * Band values arrive in the double lane, NoData as NaN; a pixel where a colour band is NoData is transparent
 * (alpha 0, colour 0). Below the top zoom transparency is the alpha channel only: colours are weighted by it.
 *
 * <h2>Thread-safety</h2>
 * Everything is immutable or stateless except {@code TileDownsample} (scratch): one per thread.
 */
package io.rastermill.core.tiles;
