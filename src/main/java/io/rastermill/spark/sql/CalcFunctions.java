package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;
import static io.rastermill.spark.sql.SqlTiles.tile;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

/** The catalog's map algebra functions: calc expressions over tile columns. */
final class CalcFunctions {
    static final String GROUP = "Map algebra expressions";

    private CalcFunctions() {}

    static List<SqlFunction> all() {
        String fixed = "the same with the tiles as arguments, named A, B, ... (SQL functions have a fixed arity)";
        return List.of(
                entry(
                        GROUP,
                        "rm_calc(expression, tiles)",
                        "BINARY tile",
                        "a calc expression over an array of tiles named A, B, C, ... in order, into its default cell type",
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<String, Seq<byte[]>, byte[]>)
                                        (e, ts) -> e == null || ts == null ? null : calc(e, null, ts),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_calc_as(expression, cell_type, tiles)",
                        "BINARY tile",
                        "rm_calc stored as the given cell type",
                        (udf, n) -> udf.register(
                                n,
                                (UDF3<String, String, Seq<byte[]>, byte[]>) (e, ct, ts) ->
                                        e == null || ct == null || ts == null ? null : calc(e, CellType.parse(ct), ts),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_calc1(expression, a)",
                        "BINARY tile",
                        fixed,
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<String, byte[], byte[]>) (e, a) -> e == null ? null : calc(e, null, a),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_calc2(expression, a, b)",
                        "BINARY tile",
                        fixed,
                        (udf, n) -> udf.register(
                                n,
                                (UDF3<String, byte[], byte[], byte[]>)
                                        (e, a, b) -> e == null ? null : calc(e, null, a, b),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_calc3(expression, a, b, c)",
                        "BINARY tile",
                        fixed,
                        (udf, n) -> udf.register(
                                n,
                                (UDF4<String, byte[], byte[], byte[], byte[]>)
                                        (e, a, b, c) -> e == null ? null : calc(e, null, a, b, c),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_calc4(expression, a, b, c, d)",
                        "BINARY tile",
                        fixed,
                        (udf, n) -> udf.register(
                                n,
                                (UDF5<String, byte[], byte[], byte[], byte[], byte[]>)
                                        (e, a, b, c, d) -> e == null ? null : calc(e, null, a, b, c, d),
                                DataTypes.BinaryType)));
    }

    private static byte[] calc(String expression, CellType cellType, Seq<byte[]> tiles) {
        byte[][] arr = new byte[tiles.size()][];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = tiles.apply(i);
        }
        return calc(expression, cellType, arr);
    }

    /**
     * Compiles {@code expression} for the tiles' cell types (microseconds next to evaluating a tile)
     * and evaluates it; {@code cellType} null means the expression's default; a NULL tile gives NULL.
     */
    private static byte[] calc(String expression, CellType cellType, byte[]... tiles) {
        Map<String, CellType> types = new LinkedHashMap<>();
        List<Tile> in = new ArrayList<>();
        for (int i = 0; i < tiles.length; i++) {
            if (tiles[i] == null) {
                return null;
            }
            Tile t = tile(tiles[i]);
            types.put(inputName(i), t.cellType());
            in.add(t);
        }
        CalcProgram p = CalcExpression.parse(expression).compile(types);
        return bytes(p.evaluate(in, cellType == null ? p.defaultCellType() : cellType));
    }

    /** A, B, ..., Z, then A1, B1, ... */
    private static String inputName(int i) {
        String letter = String.valueOf((char) ('A' + i % 26));
        return i < 26 ? letter : letter + (i / 26);
    }
}
