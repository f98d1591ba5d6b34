/**
 * Zonal statistics in plain Java: per-zone mergeable accumulators and the kernels that feed them.
 *
 * <ul>
 *   <li>{@link io.rastermill.core.zonal.ZoneAccumulator}: one zone's {@code CellStatistics} plus, for
 *       percentiles, an exact {@code IntHistogram} (integer rasters) or a {@code DoubleHistogram} over the
 *       zone's range from a first pass (float rasters, error ≤ (max − min)/(2·bins) per zone).</li>
 *   <li>{@link io.rastermill.core.zonal.ZoneTable}: the mergeable map zone id → accumulator, with the
 *       per-tile kernels (zone raster: slot lookup + counting sort; polygon: listed cells).</li>
 *   <li>{@link io.rastermill.core.zonal.PolygonRasterizer}: a polygon's cells in a tile window, by the
 *       cell-centre rule or all-touched, as {@code gdal_rasterize} (and {@code -at}).</li>
 *   <li>{@link io.rastermill.core.zonal.GeoJsonZones}: zones from a GeoJSON FeatureCollection.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * A cell with NoData zone is in no zone; a cell with NoData value counts only in its zone's NoData
 * count. Polygons may overlap: a cell counts for every polygon that contains it (per-feature
 * statistics, as rasterstats and exactextract report them). Percentiles are nearest-rank
 * ({@code method="inverted_cdf"} in NumPy); the median is the 50th percentile.
 *
 * <h2>Thread-safety</h2>
 * Accumulators and tables are mutable and not thread-safe (one per Spark task); rasterizers are
 * immutable, their scratch is the caller's.
 */
package io.rastermill.core.zonal;
