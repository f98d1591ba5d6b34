package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;

/**
 * Discovery façade of the focal ops: each family has a kernel factory (for the Spark layer, which
 * only builds halos) and a shortcut over a {@link BufferedTile} or a whole raster.
 */
public final class FocalOps {
    private FocalOps() {}

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
