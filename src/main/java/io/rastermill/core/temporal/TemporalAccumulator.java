package io.rastermill.core.temporal;

import io.rastermill.core.cell.NoData;

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

    /**
     * Adds one scene's cells in the int lane ({@link NoData#INT} = no observation), as integer scenes are read. The
     * same as {@link #add(double[], double)} of the values as doubles; an accumulator overrides it to keep integers
     * compact.
     */
    default void add(int[] values, double day) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            int v = values[i];
            d[i] = v == NoData.INT ? Double.NaN : v;
        }
        add(d, day);
    }

    /**
     * Empties this accumulator for another tile of the same size, as a new one would be; it may keep its buffers,
     * so that a task reducing tile after tile does not allocate a tile's state per scene again.
     */
    void clear();

    /** The reduced bands, {@code bandCount} arrays of {@code cells} values, NaN where a cell has no result. */
    double[][] result();
}
