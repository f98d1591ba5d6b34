/**
 * Reclassification: a {@link io.rastermill.core.reclass.ReclassMap} parsed from text such as
 * {@code "0-10:1,10-20:2,else:NODATA"}, the per-tile kernel {@link io.rastermill.core.reclass.ReclassOp}
 * (both lanes, lookup table for narrow integer data), and {@link io.rastermill.core.reclass.ClassBreaks}
 * (equal interval and quantile breaks from a reduction).
 *
 * <h2>Semantics</h2>
 * Ranges are half-open {@code [LO, HI)}, tried in the order written, first match wins; unmatched data
 * goes to {@code else} or NoData. NoData input cells go to the {@code nodata} rule's target, or stay
 * NoData. A {@code NODATA} target writes the output type's NoData.
 *
 * <h2>Thread-safety</h2>
 * Maps and ops are immutable and serializable (shipped to Spark executors as they are).
 */
package io.rastermill.core.reclass;
