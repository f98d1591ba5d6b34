package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;
import static io.rastermill.spark.sql.SqlTiles.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.reclass.ReclassMap;
import io.rastermill.core.reclass.ReclassOp;
import java.util.List;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * The catalog's reclassification functions: {@link ReclassOp} with a map written as the {@code reclass}
 * command's {@code --map} ({@link ReclassMap#parse}). The map is parsed per tile: a few rules, cheap next
 * to the tile's cells, and an SQL function holds no state between rows.
 */
final class ReclassFunctions {
    static final String GROUP = "Reclassification";

    private ReclassFunctions() {}

    static List<SqlFunction> all() {
        return List.of(
                entry(
                        GROUP,
                        "rm_reclass(tile, map)",
                        "BINARY tile",
                        "the tile reclassified by a map such as '*-0:0,0-500:1,500-*:2,nodata:255' (LO-HI:NEW is"
                                + " [LO, HI), first match wins) into int16, int32 or float32 by the targets, as"
                                + " reclass --map",
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<byte[], String, byte[]>) (b, m) -> b == null || m == null
                                        ? null
                                        : bytes(ReclassOp.of(ReclassMap.parse(m))
                                                .apply(tile(b))),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_reclass_as(tile, map, cell_type)",
                        "BINARY tile",
                        "rm_reclass into a GeoTrellis cell type such as 'uint8' that holds every target, as"
                                + " reclass --type",
                        (udf, n) -> udf.register(
                                n,
                                (UDF3<byte[], String, String, byte[]>)
                                        (b, m, ct) -> b == null || m == null || ct == null
                                                ? null
                                                : bytes(ReclassOp.of(ReclassMap.parse(m), CellType.parse(ct))
                                                        .apply(tile(b))),
                                DataTypes.BinaryType)));
    }
}
