/**
 * Tiled layouts with GeoTrellis 3.x semantics: {@link io.rastermill.core.layout.TileLayout},
 * {@link io.rastermill.core.layout.LayoutDefinition}, {@link io.rastermill.core.layout.MapKeyTransform},
 * {@link io.rastermill.core.layout.SpatialKey}, {@link io.rastermill.core.layout.KeyBounds} /
 * {@link io.rastermill.core.layout.EmptyBounds}, {@link io.rastermill.core.layout.TileLayerMetadata}, and the layout
 * schemes {@link io.rastermill.core.layout.FloatingLayoutScheme} and
 * {@link io.rastermill.core.layout.ZoomedLayoutScheme}.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Upper-left origin.</b> Key (0,0) is the upper-left tile of the layout extent; columns grow east, rows
 *       south. Keys order by column, then row.</li>
 *   <li><b>Inclusive bounds.</b> Key bounds and tile {@link io.rastermill.core.geom.GridBounds} include their max.</li>
 *   <li><b>No tolerance in key math.</b> {@code pointToKey} floors {@code ((x - xmin) / width) * layoutCols} exactly;
 *       {@code extentToBounds} drops the next tile when the east/south edge lies exactly on a tile line.</li>
 *   <li><b>Layout from a grid</b> is anchored at the grid's upper-left corner and padded east and south to whole
 *       tiles ({@code layoutCols = ceil(pixels / tileCols)}).</li>
 *   <li><b>Schemes.</b> Floating = zoom 0 at the data's resolution; Zoomed = {@code 2^z × 2^z} tiles over the CRS's
 *       world extent, the zoom chosen from the distance of one cell measured in UTM (or Haversine).</li>
 *   <li>Formulas keep GeoTrellis's floating-point operation order; the oracle suite checks them bit for bit.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * All types are immutable values (records, an enum, and the immutable {@code ZoomedLayoutScheme}), safe to share.
 */
package io.rastermill.core.layout;
