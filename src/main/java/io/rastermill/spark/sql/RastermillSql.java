package io.rastermill.spark.sql;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * SQL functions over tile columns ({@link LayerFrames}), registered on a session with
 * {@link #register}. Tiles go in and out as binary in the {@link io.rastermill.core.tile.TileBytes}
 * form; a NULL tile gives NULL.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><td>{@code rm_cell_type(tile)}, {@code rm_cols(tile)}, {@code rm_rows(tile)}</td><td>what the tile is</td></tr>
 *   <tr><td>{@code rm_data_cells(tile)}, {@code rm_nodata_cells(tile)}</td><td>counts (BIGINT)</td></tr>
 *   <tr><td>{@code rm_min}, {@code rm_max}, {@code rm_sum}, {@code rm_mean}</td><td>over data cells (DOUBLE, NULL without data);
 *     combine across tiles with SQL aggregates, e.g. {@code sum(rm_sum(tile)) / sum(rm_data_cells(tile))}</td></tr>
 *   <tr><td>{@code rm_add(a, b)}, {@code rm_floor_divide(a, b)}, {@code rm_sqrt(a)}, {@code rm_where(c, a, b)}, ...</td>
 *     <td>every op of {@link LocalOps#all()}, named {@link LocalOp#sqlName()}, with its rules</td></tr>
 *   <tr><td>{@code rm_add_value(tile, 2.5)}, ...</td><td>every binary op with a number on the right</td></tr>
 *   <tr><td>{@code rm_convert(tile, 'float32')}</td><td>to a GeoTrellis cell type name</td></tr>
 *   <tr><td>{@code rm_calc('(B - A) / (B + A)', array(red, nir))}</td><td>a map algebra expression
 *     ({@link io.rastermill.core.calc.CalcExpression}) over the tiles of the array, named A, B, C, ... in
 *     order, into the expression's default cell type; NULL if any tile is NULL</td></tr>
 *   <tr><td>{@code rm_calc_as('A * 0.5', 'int16', array(dem))}</td><td>the same, stored as the given cell type</td></tr>
 *   <tr><td>{@code rm_calc2('(B - A) / (B + A)', red, nir)}, {@code rm_calc1} ... {@code rm_calc4}</td><td>the same
 *     with 1 to 4 tile columns as arguments (SQL functions have a fixed arity)</td></tr>
 * </table>
 */
public final class RastermillSql {
    /** The functions registered here by hand; the local ops' names must not take them. */
    private static final Set<String> OWN_FUNCTIONS = Set.of("rm_cell_type", "rm_cols", "rm_rows", "rm_data_cells",
            "rm_nodata_cells", "rm_min", "rm_max", "rm_sum", "rm_mean", "rm_calc", "rm_calc_as", "rm_calc1", "rm_calc2",
            "rm_calc3", "rm_calc4", "rm_convert");

    private RastermillSql() {
    }

    public static void register(SparkSession spark) {
        var udf = spark.udf();
        udf.register("rm_cell_type", (UDF1<byte[], String>) b -> b == null ? null : tile(b).cellType().name(),
                DataTypes.StringType);
        udf.register("rm_cols", (UDF1<byte[], Integer>) b -> b == null ? null : tile(b).cols(), DataTypes.IntegerType);
        udf.register("rm_rows", (UDF1<byte[], Integer>) b -> b == null ? null : tile(b).rows(), DataTypes.IntegerType);
        udf.register("rm_data_cells", (UDF1<byte[], Long>) b -> b == null ? null : stats(b).dataCells(),
                DataTypes.LongType);
        udf.register("rm_nodata_cells", (UDF1<byte[], Long>) b -> b == null ? null : stats(b).noDataCells(),
                DataTypes.LongType);
        udf.register("rm_min", (UDF1<byte[], Double>) b -> b == null ? null : dataOrNull(stats(b), Statistics::min), DataTypes.DoubleType);
        udf.register("rm_max", (UDF1<byte[], Double>) b -> b == null ? null : dataOrNull(stats(b), Statistics::max), DataTypes.DoubleType);
        udf.register("rm_sum", (UDF1<byte[], Double>) b -> b == null ? null : dataOrNull(stats(b), Statistics::sum), DataTypes.DoubleType);
        udf.register("rm_mean", (UDF1<byte[], Double>) b -> b == null ? null : dataOrNull(stats(b), Statistics::mean), DataTypes.DoubleType);
        for (LocalOp op : LocalOps.all()) {
            if (OWN_FUNCTIONS.contains(op.sqlName()) || OWN_FUNCTIONS.contains(op.sqlName() + "_value")) {
                throw new IllegalStateException("local op " + op.name() + "'s SQL name " + op.sqlName()
                        + " is taken; give it another with LocalOp.withSqlName");
            }
            register(spark, op);
        }
        udf.register("rm_calc", (UDF2<String, Seq<byte[]>, byte[]>) (e, ts) ->
                e == null || ts == null ? null : calc(e, null, ts), DataTypes.BinaryType);
        udf.register("rm_calc_as", (UDF3<String, String, Seq<byte[]>, byte[]>) (e, ct, ts) ->
                e == null || ct == null || ts == null ? null : calc(e, CellType.parse(ct), ts), DataTypes.BinaryType);
        udf.register("rm_calc1", (UDF2<String, byte[], byte[]>) (e, a) ->
                e == null ? null : calc(e, null, a), DataTypes.BinaryType);
        udf.register("rm_calc2", (UDF3<String, byte[], byte[], byte[]>) (e, a, b) ->
                e == null ? null : calc(e, null, a, b), DataTypes.BinaryType);
        udf.register("rm_calc3", (UDF4<String, byte[], byte[], byte[], byte[]>) (e, a, b, c) ->
                e == null ? null : calc(e, null, a, b, c), DataTypes.BinaryType);
        udf.register("rm_calc4", (UDF5<String, byte[], byte[], byte[], byte[], byte[]>) (e, a, b, c, d) ->
                e == null ? null : calc(e, null, a, b, c, d), DataTypes.BinaryType);
        udf.register("rm_convert", (UDF2<byte[], String, byte[]>) (a, ct) ->
                a == null || ct == null ? null : bytes(tile(a).convert(CellType.parse(ct))), DataTypes.BinaryType);
    }

    /**
     * {@code op}'s SQL function {@link LocalOp#sqlName()} over tile columns; a binary op also gets
     * {@code <sqlName>_value(tile, double)}.
     */
    private static void register(SparkSession spark, LocalOp op) {
        var udf = spark.udf();
        String name = op.sqlName();
        String key = op.name(); // the closures capture the name: descriptors hold lambdas, which do not serialize
        switch (op.arity()) {
            case 1 -> udf.register(name, (UDF1<byte[], byte[]>) a ->
                    a == null ? null : bytes(LocalOps.op(key).apply(tile(a))), DataTypes.BinaryType);
            case 2 -> {
                udf.register(name, (UDF2<byte[], byte[], byte[]>) (a, b) ->
                        a == null || b == null ? null : bytes(LocalOps.op(key).apply(tile(a), tile(b))), DataTypes.BinaryType);
                // Number: SQL literals such as 3 arrive as Integer, 2.5 as Double or BigDecimal
                udf.register(name + "_value", (UDF2<byte[], Number, byte[]>) (a, v) ->
                        a == null || v == null ? null : bytes(LocalOps.op(key).apply(tile(a), v.doubleValue())),
                        DataTypes.BinaryType);
            }
            case 3 -> udf.register(name, (UDF3<byte[], byte[], byte[], byte[]>) (a, b, c) ->
                    a == null || b == null || c == null ? null : bytes(LocalOps.op(key).apply(tile(a), tile(b), tile(c))),
                    DataTypes.BinaryType);
            default -> throw new IllegalStateException("no SQL form for " + op.arity() + "-argument op " + op.name());
        }
    }

    /**
     * Compiles {@code expression} for the tiles' cell types (microseconds next to evaluating a tile)
     * and evaluates it; {@code cellType} null means the expression's default.
     */
    private static byte[] calc(String expression, CellType cellType, Seq<byte[]> tiles) {
        byte[][] arr = new byte[tiles.size()][];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = tiles.apply(i);
        }
        return calc(expression, cellType, arr);
    }

    private static byte[] calc(String expression, CellType cellType, byte[]... tiles) {
        Map<String, CellType> types = new LinkedHashMap<>();
        List<Tile> in = new ArrayList<>();
        for (int i = 0; i < tiles.length; i++) {
            byte[] b = tiles[i];
            if (b == null) {
                return null;
            }
            Tile t = tile(b);
            types.put(inputName(i), t.cellType());
            in.add(t);
        }
        CalcProgram p = CalcExpression.parse(expression).compile(types);
        return bytes(p.evaluate(in, cellType == null ? p.defaultCellType() : cellType));
    }

    /** A, B, ..., Z, then A1, B1, ... */
    static String inputName(int i) {
        String letter = String.valueOf((char) ('A' + i % 26));
        return i < 26 ? letter : letter + (i / 26);
    }

    private static Statistics stats(byte[] b) {
        return new CellStatistics().add(tile(b)).finish();
    }

    /** NULL for a tile without data cells, as SQL aggregates expect. */
    private static Double dataOrNull(Statistics s, ToDoubleFunction<Statistics> f) {
        return s.dataCells() == 0 ? null : f.applyAsDouble(s);
    }

    private static Tile tile(byte[] b) {
        return TileBytes.decode(b);
    }

    private static byte[] bytes(Tile t) {
        return TileBytes.encode(t);
    }
}
