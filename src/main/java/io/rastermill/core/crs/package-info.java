/**
 * Coordinate reference systems and transforms, backed by proj4j as in GeoTrellis:
 * {@link io.rastermill.core.crs.Crs}, {@link io.rastermill.core.crs.CrsTransform},
 * {@link io.rastermill.core.crs.UtmZone} and {@link io.rastermill.core.crs.Haversine}.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>A CRS's external form is its proj4 parameter string as proj4j prints it (GeoTrellis writes this into
 *       metadata, with a trailing space); {@code EPSG:nnnn} codes resolve through proj4j's EPSG registry.</li>
 *   <li>CRS equality is by meaning (proj4j's comparison of projection, datum and parameters), not by string.</li>
 *   <li>Point transforms are proj4j's {@code BasicCoordinateTransform}, bit-identical to GeoTrellis; extent
 *       transforms sample points along the edges (GeoTrellis's corner-only variant is
 *       {@code CrsTransform.transformCorners}). Coordinates are (x, y) = (easting, northing) or (lon, lat) in
 *       degrees.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * {@code Crs}, {@code UtmZone} and {@code Haversine} are immutable/stateless and thread-safe.
 * {@code CrsTransform} holds proj4j scratch state: confine each instance to one thread.
 */
package io.rastermill.core.crs;
