/**
 * Deterministic sample rasters generated on the fly, so the demo, the notebooks and tests need no
 * download: {@link io.rastermill.io.sample.SyntheticDem}, a DEM, and {@link io.rastermill.io.sample.SyntheticScene},
 * red and near-infrared bands on the same grid with a GeoJSON grid of zones. No Spark; generators are immutable and
 * thread-safe.
 */
package io.rastermill.io.sample;
