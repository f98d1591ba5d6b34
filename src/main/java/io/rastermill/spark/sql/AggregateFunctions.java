package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.functions;

/** The catalog's aggregates over tile columns: typed Spark {@code Aggregator}s over the core's accumulators. */
final class AggregateFunctions {
    static final String GROUP = "Aggregates (GROUP BY over tiles)";

    private AggregateFunctions() {}

    static List<SqlFunction> all() {
        return List.of(
                entry(
                        GROUP,
                        "rm_agg_stats(tile)",
                        "STRUCT(data_cells, nodata_cells, min, max, sum, mean, stddev)",
                        "statistics of all data cells of the group's tiles, exact as layer.reduce(new CellStatistics())",
                        (udf, n) -> udf.register(n, functions.udaf(new StatsAggregator(), Encoders.BINARY()))),
                entry(
                        GROUP,
                        "rm_agg_zonal(values, zones)",
                        "STRUCT(zones ARRAY<STRUCT(zone, data_cells, ...)>)",
                        "statistics of the value cells per zone id of the zone tiles (same cells), as zonal; inline(...zones) gives rows",
                        (udf, n) -> udf.register(
                                n,
                                functions.udaf(
                                        new ZonalAggregator(), Encoders.tuple(Encoders.BINARY(), Encoders.BINARY())))));
    }
}
