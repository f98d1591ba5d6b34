/**
 * Hydrology on Spark layers ({@link io.rastermill.spark.hydro.Hydrology}): fill, flow directions,
 * flow accumulation, basins, watersheds and streams over a
 * {@link io.rastermill.spark.layer.TileLayer}. Each step maps the tiles to small perimeter
 * summaries, collects them, solves the perimeter graph of {@code io.rastermill.core.hydro} on the
 * driver, broadcasts the answers and finishes every tile; halos are exchanged as edge strips, and
 * no step shuffles whole tiles or iterates. Driver memory grows with the number of perimeter cells
 * (and, for flow directions, with the area of flats that cross tile borders).
 *
 * <p>NoData rules are those of {@code io.rastermill.core.hydro}. Methods are lazy like the layer
 * API, except that each step runs the Spark job that collects its summaries when it is called.
 * Intermediate layers that later steps read twice are persisted (memory and disk, serialized).
 * Safe to call from several threads on the same SparkContext.
 */
package io.rastermill.spark.hydro;
