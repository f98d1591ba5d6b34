/**
 * GeoTrellis-compatible JSON for layer metadata and its parts ({@link io.rastermill.core.json.GeoTrellisJson}).
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Field names and key order are GeoTrellis's circe encoders'; note {@code layoutDefinition}, not
 *       {@code layout}, and {@code EmptyBounds} as {@code {}}.</li>
 *   <li>Output is compact and doubles are spelled by {@code Double.toString}, so GeoTrellis-written metadata
 *       round-trips byte for byte.</li>
 *   <li>The CRS is written as its proj4 string and read with {@code Crs.fromString}; the cell type as its
 *       GeoTrellis name.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Stateless; all methods are thread-safe.
 */
package io.rastermill.core.json;
