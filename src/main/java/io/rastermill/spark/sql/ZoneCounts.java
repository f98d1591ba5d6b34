package io.rastermill.spark.sql;

import io.rastermill.core.zonal.ZoneTable;
import java.io.Serializable;

/**
 * The buffer of {@code rm_agg_zonal_percentiles}: the call's percentiles and, once the group's first tile pair is
 * seen, the zone table whose kind (exact or binned) the values' cell type chose. Public only because Spark's
 * serialization encoder takes public classes; its members are the package's.
 */
public final class ZoneCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The call's percentiles (0..100); null until the first row. */
    double[] percents;
    /** Null until the first tile pair. */
    ZoneTable table;

    ZoneCounts merge(ZoneCounts other) {
        if (percents == null) {
            percents = other.percents;
        }
        if (other.table != null) {
            table = table == null ? new ZoneTable(other.table.spec()).merge(other.table) : table.merge(other.table);
        }
        return this;
    }
}
