package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;

import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.BufferedTileBytes;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOp;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.TerrainIndexOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;

/**
 * The catalog's focal and terrain functions, generated from the focal ops' descriptors
 * ({@link FocalOps#all()}): for each op {@code rm_<name>(buffered, ...)} with the op's positional SQL
 * arguments (the rest at their defaults) and {@code rm_<name>_with(buffered, options)} taking every
 * parameter as options text ({@code 'alg=ZevenbergenThorne, compute_edges=true'}). Spark SQL gives a
 * function one arity, so options text is how the optional parameters are reached. They take a buffered
 * tile (the {@code buffered} column of {@link LayerFrames#toBufferedDataFrame}: the tile's in-raster cells
 * with its neighbours' cells around them) and return the tile's own cells, computed by the same kernels
 * as {@code layer.focal}, so results have no seams.
 */
final class FocalFunctions {
    static final String GROUP = "Focal and terrain (over buffered tiles)";

    private FocalFunctions() {}

    static List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>();
        for (FocalOp op : FocalOps.all()) {
            all.add(positional(op));
            all.add(withOptions(op));
            if (op == TerrainIndexOp.TRI) {
                all.add(preset(
                        "rm_tri_wilson(buffered)",
                        "terrain ruggedness index after Wilson (mean |neighbour - centre|, for bathymetry) as"
                                + " gdaldem TRI -alg Wilson: rm_tri_with(buffered, 'alg=Wilson')",
                        op,
                        "alg=Wilson"));
            }
        }
        return all;
    }

    /** {@code rm_<name>(buffered, <sqlArgs>)}: a NULL argument gives NULL. */
    private static SqlFunction positional(FocalOp op) {
        String name = op.name();
        List<String> args = op.sqlArgs();
        StringBuilder signature = new StringBuilder(op.sqlName()).append("(buffered");
        args.forEach(a -> signature.append(", ").append(a));
        String doc = op.doc()
                + (op.params().size() > args.size()
                        ? "; other parameters at their defaults (" + op.optionsSqlName() + " sets any)"
                        : "");
        SqlFunction.Registration registration = switch (args.size()) {
            case 0 ->
                (udf, n) -> udf.register(n, (UDF1<byte[], byte[]>) b -> call(name, args, b), DataTypes.BinaryType);
            case 1 ->
                (udf, n) -> udf.register(
                        n, (UDF2<byte[], Object, byte[]>) (b, x) -> call(name, args, b, x), DataTypes.BinaryType);
            case 2 ->
                (udf, n) -> udf.register(
                        n,
                        (UDF3<byte[], Object, Object, byte[]>) (b, x, y) -> call(name, args, b, x, y),
                        DataTypes.BinaryType);
            case 3 ->
                (udf, n) -> udf.register(
                        n,
                        (UDF4<byte[], Object, Object, Object, byte[]>) (b, x, y, z) -> call(name, args, b, x, y, z),
                        DataTypes.BinaryType);
            default ->
                throw new IllegalStateException(
                        name + ": a positional SQL function takes at most 3 parameters; use options");
        };
        return entry(GROUP, signature.append(')').toString(), "BINARY tile", doc, registration);
    }

    /** {@code rm_<name>_with(buffered, options)}. */
    private static SqlFunction withOptions(FocalOp op) {
        String name = op.name();
        return entry(
                GROUP,
                op.optionsSqlName() + "(buffered, options)",
                "BINARY tile",
                op.doc() + "; options: " + op.usage(),
                (udf, n) -> udf.register(
                        n,
                        (UDF2<byte[], String, byte[]>) (b, options) -> b == null || options == null
                                ? null
                                : apply(FocalOps.op(name).kernel(options), b),
                        DataTypes.BinaryType));
    }

    /** A fixed choice of an op's options under a name of its own. */
    private static SqlFunction preset(String signature, String doc, FocalOp op, String options) {
        String name = op.name();
        return entry(
                GROUP,
                signature,
                "BINARY tile",
                doc,
                (udf, n) -> udf.register(
                        n,
                        (UDF1<byte[], byte[]>)
                                b -> b == null ? null : apply(FocalOps.op(name).kernel(options), b),
                        DataTypes.BinaryType));
    }

    private static byte[] call(String op, List<String> names, byte[] buffered, Object... values) {
        if (buffered == null) {
            return null;
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return null;
            }
            given.put(names.get(i), text(values[i]));
        }
        return apply(FocalOps.op(op).kernel(given), buffered);
    }

    /** An SQL value as parameter text: whole-number types as they are, other numbers as their double. */
    private static String text(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        return v instanceof Number n ? Double.toString(n.doubleValue()) : v.toString();
    }

    private static byte[] apply(FocalKernel kernel, byte[] buffered) {
        BufferedTile b = BufferedTileBytes.decode(buffered);
        if (b.halo() < kernel.halo()) {
            throw new IllegalArgumentException("the buffered tile's halo " + b.halo() + " is smaller than the "
                    + kernel.halo() + " this function needs: use LayerFrames.toBufferedDataFrame(spark, layer, "
                    + kernel.halo() + ")");
        }
        return bytes(kernel.apply(b));
    }
}
