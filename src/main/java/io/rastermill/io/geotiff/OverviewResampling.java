package io.rastermill.io.geotiff;

/**
 * How one overview cell is made from the 2×2 cells of the level below it. NoData-aware: NoData cells
 * (and, in the double lane, NaN) are skipped; a cell whose sources are all NoData stays NoData.
 */
public enum OverviewResampling {
    /**
     * The upper-left cell of each 2×2 group (source column {@code 2i}, row {@code 2j}); for levels
     * of even size this is the cell {@code gdaladdo -r nearest} picks. If that cell is NoData the
     * result is NoData (nearest does not search).
     */
    NEAREST,
    /** The mean of the valid cells; integer types round half up (floor(mean + 0.5)). */
    AVERAGE,
    /** The most frequent valid value; ties go to the first in order upper-left, upper-right, lower-left, lower-right. */
    MODE
}
