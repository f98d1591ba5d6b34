package io.rastermill.spark.sql;

import io.rastermill.core.stats.Statistics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Statistics as an SQL struct, shared by the aggregates: NULL numbers where there are no data cells. */
final class StatisticsRows {
    static final StructType SCHEMA = fields(new StructType());

    private StatisticsRows() {}

    /** The statistics' fields appended to {@code struct}. */
    static StructType fields(StructType struct) {
        return struct.add("data_cells", DataTypes.LongType, false)
                .add("nodata_cells", DataTypes.LongType, false)
                .add("min", DataTypes.DoubleType, true)
                .add("max", DataTypes.DoubleType, true)
                .add("sum", DataTypes.DoubleType, true)
                .add("mean", DataTypes.DoubleType, true)
                .add("stddev", DataTypes.DoubleType, true);
    }

    /** The values of {@link #fields}, after {@code leading} values of the caller's own fields. */
    static Object[] values(Statistics s, Object... leading) {
        Object[] v = new Object[leading.length + 7];
        System.arraycopy(leading, 0, v, 0, leading.length);
        int i = leading.length;
        boolean data = s.dataCells() > 0;
        v[i++] = s.dataCells();
        v[i++] = s.noDataCells();
        v[i++] = data ? s.min() : null;
        v[i++] = data ? s.max() : null;
        v[i++] = data ? s.sum() : null;
        v[i++] = data ? s.mean() : null;
        v[i] = data ? s.stddev() : null;
        return v;
    }

    static Row row(Statistics s) {
        return RowFactory.create(values(s));
    }
}
