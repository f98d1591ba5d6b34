package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.TileWarp;
import io.rastermill.spark.warp.WarpOptions;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF13;
import org.apache.spark.sql.types.DataTypes;

/**
 * The catalog's warp function: {@code rm_warp} computes one tile of the Java API's
 * {@code GeoTiffWarp.open(spark, List.of(source), null).warp(grid, Resampling)} per row, so a query that lists the
 * grid's tile keys (e.g. two {@code explode(sequence(...))}) gets the warped layer's frame. Each call reads the
 * sources' headers and its own source windows by byte range; nothing is shuffled.
 */
final class WarpFunctions {
    static final String GROUP = "Warp (reprojection and resampling)";

    private WarpFunctions() {}

    static List<SqlFunction> all() {
        return List.of(entry(
                GROUP,
                "rm_warp(source, crs, xmin, ymin, xmax, ymax, width, height, tile_size, col, row, band, method)",
                "BINARY tile",
                "tile (col, row) of band (1-based) of the GeoTIFF(s) source (a path, glob or directory; later files win)"
                        + " warped onto the width x height grid over the extent in crs (EPSG:n, PROJ or WKT) with"
                        + " gdalwarp's method name, as GeoTiffWarp.warp(grid, method): the tile's in-grid cells, in the"
                        + " first source's cell type",
                (udf, n) -> {
                    HadoopConf conf =
                            new HadoopConf(SparkSession.active().sparkContext().hadoopConfiguration());
                    udf.register(
                            n,
                            (UDF13<
                                            String,
                                            String,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            Number,
                                            String,
                                            byte[]>)
                                    (source,
                                            crs,
                                            xmin,
                                            ymin,
                                            xmax,
                                            ymax,
                                            width,
                                            height,
                                            tileSize,
                                            col,
                                            row,
                                            band,
                                            method) -> anyNull(
                                                    source, crs, xmin, ymin, xmax, ymax, width, height, tileSize, col,
                                                    row, band, method)
                                            ? null
                                            : warp(
                                                    source,
                                                    crs,
                                                    new Extent(
                                                            xmin.doubleValue(),
                                                            ymin.doubleValue(),
                                                            xmax.doubleValue(),
                                                            ymax.doubleValue()),
                                                    width.intValue(),
                                                    height.intValue(),
                                                    tileSize.intValue(),
                                                    new SpatialKey(col.intValue(), row.intValue()),
                                                    band.intValue(),
                                                    method,
                                                    conf),
                            DataTypes.BinaryType);
                }));
    }

    private static boolean anyNull(Object... args) {
        for (Object a : args) {
            if (a == null) {
                return true;
            }
        }
        return false;
    }

    private static byte[] warp(
            String source,
            String crs,
            Extent extent,
            int width,
            int height,
            int tileSize,
            SpatialKey key,
            int band,
            String method,
            HadoopConf conf)
            throws IOException {
        WarpGrid grid = new WarpGrid(Crs.parse(crs), RasterExtent.of(extent, width, height));
        WarpOptions options = WarpOptions.of(Resampling.parse(method)).withTileSize(tileSize);
        return bytes(TileWarp.warp(
                GeoTiffWarp.readSources(List.of(source), null, conf.get()), grid, key, band - 1, options, conf.get()));
    }
}
