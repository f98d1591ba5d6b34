package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;

import io.rastermill.spark.zonal.ZonalStatistics;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

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
                                        new ZonalAggregator(), Encoders.tuple(Encoders.BINARY(), Encoders.BINARY())))),
                zonalPercentiles(false),
                zonalPercentiles(true),
                entry(
                        GROUP,
                        "rm_agg_polygon_stats(tile, col, row, polygon, grid, all_touched)",
                        "STRUCT(data_cells, nodata_cells, min, max, sum, mean, stddev)",
                        "statistics of the cells of a WKT polygon in the raster's CRS (centre inside, or every cell"
                                + " touched), grouped by polygon, as zonal --polygons; grid: LayerFrames.grid(metadata)"
                                + " or named_struct('xmin', ..., 'ymax', ..., 'cell_width', ..., 'cell_height', ...,"
                                + " 'tile_cols', ..., 'tile_rows', ...) of the layout",
                        aggregate(PolygonStatsAggregator.statistics())),
                polygonPercentiles(false),
                polygonPercentiles(true),
                percentiles(false),
                percentiles(true),
                histogram(false),
                histogram(true));
    }

    private static SqlFunction.Registration aggregate(Aggregator<Row, ?, ?> aggregator, StructType input) {
        return (udf, n) -> udf.register(n, functions.udaf(aggregator, Encoders.row(input)));
    }

    private static SqlFunction.Registration aggregate(PolygonStatsAggregator a) {
        return aggregate(a, a.inputSchema());
    }

    private static SqlFunction zonalPercentiles(boolean ranged) {
        ZonalPercentilesAggregator a = new ZonalPercentilesAggregator(ranged);
        return entry(
                GROUP,
                ranged
                        ? "rm_agg_zonal_percentiles_over(values, zones, percentiles, ranges)"
                        : "rm_agg_zonal_percentiles(values, zones, percentiles)",
                "STRUCT(zones ARRAY<STRUCT(zone, percentiles ARRAY<DOUBLE>, max_error)>)",
                ranged
                        ? "as zonal VALUES ZONES --stats pNN for any cell type: float values binned in "
                                + ZonalStatistics.Options.DEFAULT_FLOAT_BINS
                                + " bins over each zone's range from ranges, rm_agg_zonal(values, zones).zones of the"
                                + " same rows"
                        : "nearest-rank percentiles (0..100) of the value cells per zone id of integer values, exact"
                                + " as zonal VALUES ZONES --stats median,pNN; float values: rm_agg_zonal_percentiles_over",
                aggregate(a, a.inputSchema()));
    }

    private static SqlFunction polygonPercentiles(boolean ranged) {
        String args = "tile, col, row, polygon, grid, all_touched, percentiles";
        return entry(
                GROUP,
                ranged
                        ? "rm_agg_polygon_percentiles_over(" + args + ", min, max)"
                        : "rm_agg_polygon_percentiles(" + args + ")",
                "STRUCT(percentiles ARRAY<DOUBLE>, max_error)",
                ranged
                        ? "as zonal --polygons --stats pNN for any cell type: float tiles binned in "
                                + ZonalStatistics.Options.DEFAULT_FLOAT_BINS
                                + " bins (zonal's default) over [min, max], the polygon's rm_agg_polygon_stats min and max"
                        : "nearest-rank percentiles (0..100) of a polygon's cells of integer tiles, exact as zonal"
                                + " --polygons --stats median,pNN; float tiles: rm_agg_polygon_percentiles_over",
                aggregate(PolygonStatsAggregator.percentiles(ranged)));
    }

    private static SqlFunction percentiles(boolean ranged) {
        BandHistogramAggregator a = BandHistogramAggregator.percentiles(ranged);
        return entry(
                GROUP,
                ranged
                        ? "rm_agg_percentiles_over(tile, percentiles, min, max)"
                        : "rm_agg_percentiles(tile, percentiles)",
                "STRUCT(percentiles ARRAY<DOUBLE>, max_error)",
                ranged
                        ? "as stats --percentiles for any cell type: float tiles binned over [min, max], the group's"
                                + " rm_agg_stats(tile).min and .max (error <= (max - min)/2^17, in max_error)"
                        : "nearest-rank percentiles (0..100, e.g. array(5, 50, 95)) of integer tiles, exact as stats"
                                + " --percentiles; float tiles: rm_agg_percentiles_over",
                aggregate(a, a.inputSchema()));
    }

    private static SqlFunction histogram(boolean ranged) {
        BandHistogramAggregator a = BandHistogramAggregator.histogram(ranged);
        return entry(
                GROUP,
                ranged ? "rm_agg_histogram_over(tile, buckets, min, max)" : "rm_agg_histogram(tile, buckets)",
                "STRUCT(lo, hi, counts ARRAY<BIGINT>)",
                ranged
                        ? "as stats --histogram for any cell type: float tiles over the group's rm_agg_stats(tile).min"
                                + " and .max (256 buckets: gdalinfo -hist's range)"
                        : "equal buckets of integer tiles as stats --histogram BUCKETS (256: gdalinfo -hist's; else"
                                + " [min - 0.5, max + 0.5]); float tiles: rm_agg_histogram_over",
                aggregate(a, a.inputSchema()));
    }
}
