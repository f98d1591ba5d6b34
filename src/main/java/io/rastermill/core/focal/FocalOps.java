package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discovery façade of the focal ops: the catalog of {@link FocalOp} descriptors ({@link #all()},
 * {@link #op(String)}), and for each family a typed kernel factory (for the Spark layer, which only
 * builds halos) and a shortcut over a {@link BufferedTile} or a whole raster.
 */
public final class FocalOps {
    /** The catalog, in the order of the SQL page and the command-line help. */
    private static final List<FocalOp> ALL = List.of(
            SlopeOp.SLOPE,
            AspectOp.ASPECT,
            HillshadeOp.HILLSHADE,
            TerrainIndexOp.TPI,
            TerrainIndexOp.TRI,
            TerrainIndexOp.ROUGHNESS,
            FocalStatsOp.FOCAL);

    private static final Map<String, FocalOp> BY_NAME = new LinkedHashMap<>();

    static {
        for (FocalOp op : ALL) {
            if (BY_NAME.put(op.name(), op) != null) {
                throw new IllegalStateException("two focal ops are named " + op.name());
            }
        }
    }

    private FocalOps() {}

    // ---- the catalog

    /** Every focal op: the list the SQL functions are generated from and the command line is checked against. */
    public static List<FocalOp> all() {
        return ALL;
    }

    /**
     * The op called {@code name}; {@code op("slope").kernel("alg=zt")} makes any op's kernel from options text.
     *
     * @throws IllegalArgumentException naming the known ops
     */
    public static FocalOp op(String name) {
        FocalOp op = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (op == null) {
            throw new IllegalArgumentException("no focal op '" + name + "'; one of " + BY_NAME.keySet());
        }
        return op;
    }

    // ---- kernels

    public static FocalKernel slopeKernel(SlopeParams params) {
        return new SlopeOp(params);
    }

    public static FocalKernel aspectKernel(AspectParams params) {
        return new AspectOp(params);
    }

    public static FocalKernel hillshadeKernel(HillshadeParams params) {
        return new HillshadeOp(params);
    }

    public static FocalKernel terrainIndexKernel(TerrainIndexParams params) {
        return new TerrainIndexOp(params);
    }

    public static FocalKernel statsKernel(FocalStatsParams params) {
        return new FocalStatsOp(params);
    }

    // ---- on a buffered tile

    public static Tile stats(BufferedTile input, FocalStatsParams params) {
        return new FocalStatsOp(params).apply(input);
    }

    public static Tile slope(BufferedTile input, SlopeParams params) {
        return new SlopeOp(params).apply(input);
    }

    public static Tile aspect(BufferedTile input, AspectParams params) {
        return new AspectOp(params).apply(input);
    }

    public static Tile hillshade(BufferedTile input, HillshadeParams params) {
        return new HillshadeOp(params).apply(input);
    }

    public static Tile tpi(BufferedTile input, boolean computeEdges) {
        return new TerrainIndexOp(new TerrainIndexParams(TerrainIndexParams.Index.TPI, computeEdges)).apply(input);
    }

    /** gdaldem's default TRI (Riley). */
    public static Tile tri(BufferedTile input, boolean computeEdges) {
        return new TerrainIndexOp(new TerrainIndexParams(TerrainIndexParams.Index.TRI_RILEY, computeEdges))
                .apply(input);
    }

    public static Tile roughness(BufferedTile input, boolean computeEdges) {
        return new TerrainIndexOp(new TerrainIndexParams(TerrainIndexParams.Index.ROUGHNESS, computeEdges))
                .apply(input);
    }

    // ---- on a whole raster (all-outside halo)

    /** Applies {@code kernel} to a whole raster, as if it were one tile at the raster's borders. */
    public static Tile applyWhole(FocalKernel kernel, Tile raster, CellSize cellSize) {
        return kernel.apply(BufferedTile.whole(raster, kernel.halo(), cellSize));
    }
}
