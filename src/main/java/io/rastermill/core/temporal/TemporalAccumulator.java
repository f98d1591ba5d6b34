package io.rastermill.core.temporal;

/**
 * The per-tile state of a {@link TemporalReducer}: scenes warped onto the tile are {@link #add added} one by one in
 * time order, then {@link #result} gives the output bands. Values are double lanes, NaN for NoData or masked cells,
 * which never count.
 *
 * <p>Mutable, not thread-safe: one per tile being reduced.
 */
public interface TemporalAccumulator {

    /**
     * Adds one scene's cells ({@code cells} values, row-major, NaN = no observation).
     *
     * @param day the scene's time in days (any origin; only {@link TemporalReducer.Kind#TREND} reads it, as x)
     */
    void add(double[] values, double day);

    /** The reduced bands, {@code bandCount} arrays of {@code cells} values, NaN where a cell has no result. */
    double[][] result();
}
