/**
 * Deterministic sample rasters generated on the fly, so the demo, the notebooks and tests need no
 * download: {@link io.rastermill.io.sample.SyntheticDem}. No Spark; generators are immutable and
 * thread-safe.
 */
package io.rastermill.io.sample;
