package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;
import static io.rastermill.spark.sql.SqlTiles.tile;

import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * The catalog's entries for the local ops, read from their descriptors ({@link LocalOps#all()}): the
 * SQL name is {@link LocalOp#sqlName()} and the doc the op's own, so a new op needs no line here.
 * A binary op also gets {@code <sqlName>_value(tile, number)}.
 */
final class LocalOpFunctions {
    static final String GROUP = "Local (cell-by-cell) operations";

    private LocalOpFunctions() {}

    static List<SqlFunction> all() {
        List<SqlFunction> out = new ArrayList<>();
        for (LocalOp op : LocalOps.all()) {
            out.add(tiles(op));
            if (op.arity() == 2) {
                out.add(withValue(op));
            }
        }
        return out;
    }

    private static SqlFunction tiles(LocalOp op) {
        // The closures capture the op's name, not the op: descriptors hold lambdas, which do not serialize.
        String key = op.name();
        String signature = op.sqlName() + "(" + String.join(", ", op.params()) + ")";
        return switch (op.arity()) {
            case 1 ->
                entry(
                        GROUP,
                        signature,
                        "BINARY tile",
                        op.doc(),
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], byte[]>) a -> a == null
                                        ? null
                                        : bytes(LocalOps.op(key).apply(tile(a))),
                                DataTypes.BinaryType));
            case 2 ->
                entry(
                        GROUP,
                        signature,
                        "BINARY tile",
                        op.doc(),
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<byte[], byte[], byte[]>) (a, b) -> a == null || b == null
                                        ? null
                                        : bytes(LocalOps.op(key).apply(tile(a), tile(b))),
                                DataTypes.BinaryType));
            case 3 ->
                entry(
                        GROUP,
                        signature,
                        "BINARY tile",
                        op.doc(),
                        (udf, n) -> udf.register(
                                n,
                                (UDF3<byte[], byte[], byte[], byte[]>) (a, b, c) -> a == null || b == null || c == null
                                        ? null
                                        : bytes(LocalOps.op(key).apply(tile(a), tile(b), tile(c))),
                                DataTypes.BinaryType));
            default -> throw new IllegalStateException("no SQL form for " + op.arity() + "-argument op " + op.name());
        };
    }

    private static SqlFunction withValue(LocalOp op) {
        String key = op.name();
        return entry(
                GROUP,
                op.sqlName() + "_value(a, number)",
                "BINARY tile",
                op.sqlName() + " with a number as " + op.params().get(1),
                // Number: SQL literals such as 3 arrive as Integer, 2.5 as Double or BigDecimal
                (udf, n) -> udf.register(
                        n,
                        (UDF2<byte[], Number, byte[]>) (a, v) -> a == null || v == null
                                ? null
                                : bytes(LocalOps.op(key).apply(tile(a), v.doubleValue())),
                        DataTypes.BinaryType));
    }
}
