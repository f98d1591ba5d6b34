package io.rastermill.spark.sql;

import static io.rastermill.spark.sql.SqlFunctions.entry;
import static io.rastermill.spark.sql.SqlTiles.bytes;

import io.rastermill.core.focal.AspectParams;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.BufferedTileBytes;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsParams;
import io.rastermill.core.focal.HillshadeParams;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.focal.TerrainIndexParams;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;

/**
 * The catalog's focal and terrain functions. They take a buffered tile (the {@code buffered} column of
 * {@link LayerFrames#toBufferedDataFrame}: the tile's in-raster cells with its neighbours' cells
 * around them) and return the tile's own cells, computed by the same kernels as {@code layer.focal},
 * so results have no seams. Terrain follows gdaldem's defaults (Horn, no {@code -compute_edges}).
 */
final class FocalFunctions {
    static final String GROUP = "Focal and terrain (over buffered tiles)";

    private FocalFunctions() {}

    static List<SqlFunction> all() {
        return List.of(
                entry(
                        GROUP,
                        "rm_focal(buffered, stat, shape, radius)",
                        "BINARY tile",
                        "focal mean, min, max, sum, stddev or median over a 'square' or 'circle' of the radius,"
                                + " NoData skipped; the halo must be at least the radius",
                        (udf, n) -> udf.register(
                                n,
                                (UDF4<byte[], String, String, Integer, byte[]>) (b, stat, shape, r) ->
                                        b == null || stat == null || shape == null || r == null
                                                ? null
                                                : apply(
                                                        FocalOps.statsKernel(
                                                                new FocalStatsParams(stat(stat), shape(shape), r)),
                                                        b),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_slope(buffered, z_factor)",
                        "BINARY tile",
                        "slope in degrees as gdaldem slope -z z_factor (cell size in the units of the heights)",
                        (udf, n) -> udf.register(
                                n,
                                (UDF2<byte[], Number, byte[]>) (b, z) -> b == null || z == null
                                        ? null
                                        : apply(
                                                FocalOps.slopeKernel(SlopeParams.GDALDEM.withZFactor(z.doubleValue())),
                                                b),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_aspect(buffered)",
                        "BINARY tile",
                        "aspect in degrees clockwise from north, as gdaldem aspect",
                        (udf, n) -> udf.register(
                                n,
                                (UDF1<byte[], byte[]>)
                                        b -> b == null ? null : apply(FocalOps.aspectKernel(AspectParams.GDALDEM), b),
                                DataTypes.BinaryType)),
                entry(
                        GROUP,
                        "rm_hillshade(buffered, azimuth, altitude, z_factor)",
                        "BINARY tile",
                        "hillshade (1..255, 0 = NoData) as gdaldem hillshade -az -alt -z",
                        (udf, n) -> udf.register(
                                n,
                                (UDF4<byte[], Number, Number, Number, byte[]>) (b, az, alt, z) ->
                                        b == null || az == null || alt == null || z == null
                                                ? null
                                                : apply(
                                                        FocalOps.hillshadeKernel(HillshadeParams.GDALDEM
                                                                .withSun(az.doubleValue(), alt.doubleValue())
                                                                .withZFactor(z.doubleValue())),
                                                        b),
                                DataTypes.BinaryType)),
                index("rm_tpi(buffered)", "topographic position index as gdaldem TPI", TerrainIndexParams.Index.TPI),
                index(
                        "rm_tri(buffered)",
                        "terrain ruggedness index (Riley) as gdaldem TRI",
                        TerrainIndexParams.Index.TRI_RILEY),
                index(
                        "rm_tri_wilson(buffered)",
                        "terrain ruggedness index after Wilson (mean |neighbour - centre|, for bathymetry) as gdaldem"
                                + " TRI -alg Wilson",
                        TerrainIndexParams.Index.TRI_WILSON),
                index(
                        "rm_roughness(buffered)",
                        "roughness (max - min of the 3x3 window) as gdaldem roughness",
                        TerrainIndexParams.Index.ROUGHNESS));
    }

    private static SqlFunction index(String signature, String doc, TerrainIndexParams.Index index) {
        return entry(
                GROUP,
                signature,
                "BINARY tile",
                doc,
                (udf, n) -> udf.register(
                        n,
                        (UDF1<byte[], byte[]>) b -> b == null
                                ? null
                                : apply(FocalOps.terrainIndexKernel(new TerrainIndexParams(index, false)), b),
                        DataTypes.BinaryType));
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

    private static FocalStatsParams.Stat stat(String name) {
        try {
            return FocalStatsParams.Stat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rm_focal: " + e.getMessage(), e);
        }
    }

    private static FocalStatsParams.Shape shape(String name) {
        try {
            return FocalStatsParams.Shape.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rm_focal: " + e.getMessage(), e);
        }
    }
}
