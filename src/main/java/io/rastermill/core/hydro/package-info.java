/**
 * Hydrology over tiles, as plain Java over primitive arrays: depression filling, D8 flow
 * directions with flat resolution, flow accumulation, basin and watershed labels. Each algorithm
 * comes in halves (Barnes 2016, 2017): a per-tile pass that reduces a tile to a summary of its
 * perimeter ({@link io.rastermill.core.hydro.DepressionFill#summarize},
 * {@link io.rastermill.core.hydro.FlowDirections#summarize},
 * {@link io.rastermill.core.hydro.FlowRouting#summarize}), a graph over every tile's perimeter cells
 * solved in one place ({@link io.rastermill.core.hydro.FillGraph}, {@link io.rastermill.core.hydro.FlatGraph},
 * {@link io.rastermill.core.hydro.RoutingGraph}), and a per-tile finish from the graph's answers. Tiles
 * are numbered by {@link io.rastermill.core.hydro.TileGrid}, perimeter cells by
 * {@link io.rastermill.core.hydro.TilePerimeter}. The result equals the same computation over the
 * whole raster, whatever the tile size.
 *
 * <h2>NoData and edges</h2>
 * Cells beyond the raster and NoData cells are outlets: filling never raises a cell above the
 * lowest way out to them, a cell with no lower neighbour next to one drains into it, and a cell
 * draining into one is the outlet that labels its basin. Elevations are doubles with NoData as NaN;
 * direction codes are ints with NoData 255 ({@link io.rastermill.core.hydro.D8#NO_DATA}).
 *
 * <h2>Thread-safety</h2>
 * Everything is static functions and immutable records; each call allocates its own working arrays,
 * so tiles may be processed on many threads at once. Nothing here starts threads.
 */
package io.rastermill.core.hydro;
