package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.functions;

/**
 * The catalog's time-series aggregates: over the frame of a space-time layer or scene series
 * ({@code LayerFrames.toDataFrame(spark, spaceTimeLayer)}), grouped by {@code col, row}, they reduce each key's dated
 * tiles with the core's temporal reducers.
 */
final class TimeSeriesFunctions {
    static final String GROUP = "Time series (GROUP BY col, row over dated tiles)";
    private static final String REDUCERS = "median, mean, min, max, count or pNN";

    private TimeSeriesFunctions() {}

    static List<SqlFunction> all() {
        CompositeAggregator untimed = CompositeAggregator.untimed();
        CompositeAggregator timed = CompositeAggregator.timed();
        CompositeAggregator typed = CompositeAggregator.typed();
        return List.of(
                entry(
                        GROUP,
                        "rm_composite(tile, reducer)",
                        "BINARY tile",
                        "the tiles reduced per cell across time by " + REDUCERS + " (numpy's linear percentile), NoData"
                                + " skipped, as Composite / LayerComposite; first and last: rm_composite_timed",
                        (udf, n) -> udf.register(n, functions.udaf(untimed, Encoders.row(untimed.inputSchema())))),
                entry(
                        GROUP,
                        "rm_composite_timed(tile, time, reducer)",
                        "BINARY tile",
                        "rm_composite in time order (time: a TIMESTAMP such as the frame's instant), which also takes"
                                + " first and last (the earliest / latest observation per cell)",
                        (udf, n) -> udf.register(n, functions.udaf(timed, Encoders.row(timed.inputSchema())))),
                entry(
                        GROUP,
                        "rm_composite_as(tile, reducer, celltype)",
                        "BINARY tile",
                        "rm_composite into a chosen cell type (e.g. 'uint16': rounded and clamped, NoData where a"
                                + " cell has no observation; 'float64' keeps a mean's digits), as composite -ot",
                        (udf, n) -> udf.register(n, functions.udaf(typed, Encoders.row(typed.inputSchema())))),
                entry(
                        GROUP,
                        "rm_trend(tile, time)",
                        "STRUCT(slope, intercept, r2, count) of BINARY tiles",
                        "per-cell least-squares line of value on days since the group's earliest time, as the trend"
                                + " reducer: slope per day, intercept, r², count of observations (Float32)",
                        (udf, n) -> udf.register(
                                n, functions.udaf(new TrendAggregator(), Encoders.row(TrendAggregator.INPUT)))));
    }
}
