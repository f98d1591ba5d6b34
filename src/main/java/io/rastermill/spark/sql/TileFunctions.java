package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;
import static io.rastermill.spark.sql.SqlTiles.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/** The catalog's functions that describe one tile: its shape and type, and its statistics. */
final class TileFunctions {
    static final String GROUP = "Tile facts and statistics";

    private TileFunctions() {}

    /** One number of a tile's statistics; serializable, as the UDF that calls it is shipped to executors. */
    @FunctionalInterface
    private interface StatisticOf extends Serializable {
        double of(Statistics s);
    }

    static List<SqlFunction> all() {
        return List.of(
                entry(
                        GROUP,
                        "rm_cell_type(tile)",
                        "STRING",
                        "the tile's GeoTrellis cell type name, e.g. int16ud-9999",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], String>) b ->
                                        b == null ? null : tile(b).cellType().name(),
                                DataTypes.StringType)),
                entry(
                        GROUP,
                        "rm_cols(tile)",
                        "INT",
                        "the tile's width in cells",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], Integer>) b -> b == null ? null : tile(b).cols(),
                                DataTypes.IntegerType)),
                entry(
                        GROUP,
                        "rm_rows(tile)",
                        "INT",
                        "the tile's height in cells",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], Integer>) b -> b == null ? null : tile(b).rows(),
                                DataTypes.IntegerType)),
                entry(
                        GROUP,
                        "rm_data_cells(tile)",
                        "BIGINT",
                        "the number of cells holding data",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], Long>) b -> b == null ? null : stats(b).dataCells(),
                                DataTypes.LongType)),
                entry(
                        GROUP,
                        "rm_nodata_cells(tile)",
                        "BIGINT",
                        "the number of NoData cells",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], Long>) b -> b == null ? null : stats(b).noDataCells(),
                                DataTypes.LongType)),
                statistic("rm_min(tile)", "the smallest data value", Statistics::min),
                statistic("rm_max(tile)", "the largest data value", Statistics::max),
                statistic(
                        "rm_sum(tile)", "the sum of the data values; across tiles: sum(rm_sum(tile))", Statistics::sum),
                statistic(
                        "rm_mean(tile)",
                        "the mean of the data values; across tiles: sum(rm_sum(tile)) / sum(rm_data_cells(tile))",
                        Statistics::mean),
                entry(
                        GROUP,
                        "rm_convert(tile, cell_type)",
                        "BINARY tile",
                        "the tile converted to a GeoTrellis cell type such as 'float32' or 'int16ud0'",
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<byte[], String, byte[]>) (a, ct) ->
                                        a == null || ct == null ? null : bytes(tile(a).convert(CellType.parse(ct))),
                                DataTypes.BinaryType)));
    }

    /** A per-tile statistic over data cells: NULL for a tile without any, as SQL aggregates expect. */
    private static SqlFunction statistic(String signature, String doc, StatisticOf f) {
        return entry(
                GROUP,
                signature,
                "DOUBLE",
                doc + " (NULL without data cells)",
                (udf, n) -> udf.register(
                        n,
                        (UDF1<byte[], Double>) b -> {
                            if (b == null) {
                                return null;
                            }
                            Statistics s = stats(b);
                            return s.dataCells() == 0 ? null : f.of(s);
                        },
                        DataTypes.DoubleType));
    }

    private static Statistics stats(byte[] b) {
        return new CellStatistics().add(tile(b)).finish();
    }
}
