package io.rastermill.core.stats;

import java.io.Serializable;

/**
 * Finished summary statistics of the data cells of a raster, as {@link CellStatistics#finish()}
 * returns them. With no data cells, min, max, mean and the deviations are NaN and sum is 0.
 *
 * @param dataCells      number of cells that are not NoData
 * @param noDataCells    number of NoData cells
 * @param min            smallest data value
 * @param max            largest data value
 * @param sum            sum of the data values
 * @param mean           arithmetic mean
 * @param stddev         population standard deviation {@code sqrt(M2 / n)}, what {@code gdalinfo -stats}
 *                       reports as {@code STATISTICS_STDDEV}
 * @param sampleStddev   sample standard deviation {@code sqrt(M2 / (n - 1))}; NaN when n &lt; 2
 */
public record Statistics(
        long dataCells,
        long noDataCells,
        double min,
        double max,
        double sum,
        double mean,
        double stddev,
        double sampleStddev)
        implements Serializable {

    /** Population variance, {@code stddev²}. */
    public double variance() {
        return stddev * stddev;
    }
}
