package io.rastermill.spark.sql;

import io.rastermill.core.cell.DataType;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.tile.Tile;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The buffer of {@code rm_agg_percentiles} and {@code rm_agg_histogram}: a group's cells counted as {@code stats}
 * counts a band ({@link io.rastermill.core.stats.BandHistograms}): integer tiles exactly, float tiles in the bins of
 * the histogram the caller makes from the group's range. A group holds one cell type, as a band does.
 * Public only because Spark's serialization encoder takes public classes; its members are the package's.
 */
public final class BandCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The call's percentiles (0..100), for rm_agg_percentiles; null until the first row. */
    double[] percents;
    /** The call's bucket count, for rm_agg_histogram; 0 until the first row. */
    int buckets;

    private DataType dataType;
    private IntHistogram ints;
    private DoubleHistogram doubles;

    /** The cell type's data type, or null before the first tile. */
    DataType dataType() {
        return dataType;
    }

    IntHistogram ints() {
        return ints;
    }

    DoubleHistogram doubles() {
        return doubles;
    }

    boolean isEmpty() {
        long n = ints != null ? ints.totalCount() : doubles != null ? doubles.totalCount() : 0;
        return n == 0;
    }

    /**
     * Adds an integer tile's cells, or a float tile's into the histogram {@code floatBins} makes on first use (null
     * where the call has no range: then a float tile with data is an error naming {@code function}).
     */
    BandCounts add(Tile tile, Supplier<DoubleHistogram> floatBins, String function, String rangedForm) {
        DataType dt = tile.cellType().dataType();
        if (dataType == null) {
            dataType = dt;
        } else if (dataType != dt) {
            throw new IllegalArgumentException(function + ": a group mixes " + dataType + " and " + dt
                    + " tiles; convert them to one cell type (rm_convert)");
        }
        if (!dt.isFloatingPoint()) {
            if (ints == null) {
                ints = new IntHistogram();
            }
            ints.add(tile);
            return this;
        }
        if (doubles == null) {
            if (floatBins == null) {
                if (!hasData(tile)) {
                    return this;
                }
                throw new IllegalArgumentException(
                        function + ": " + tile.cellType().name() + " tiles are binned"
                                + " over their range, as stats bins them; call " + rangedForm
                                + " with rm_agg_stats(tile).min and .max of the same rows");
            }
            doubles = floatBins.get();
        }
        doubles.add(tile);
        return this;
    }

    private static boolean hasData(Tile tile) {
        for (double v : tile.toDoubleLane()) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    BandCounts merge(BandCounts other) {
        if (other.dataType == null) {
            return this;
        }
        if (dataType != null && dataType != other.dataType) {
            throw new IllegalArgumentException(
                    "a group mixes " + dataType + " and " + other.dataType + " tiles; convert them to one cell type");
        }
        dataType = other.dataType;
        if (other.ints != null) {
            ints = ints == null ? other.ints.copy() : ints.merge(other.ints);
        }
        if (other.doubles != null) {
            doubles = doubles == null ? other.doubles.copy() : doubles.merge(other.doubles);
        }
        return this;
    }
}
