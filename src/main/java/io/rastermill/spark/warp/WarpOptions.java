package io.rastermill.spark.warp;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpBuffers;
import io.rastermill.core.warp.WarpGrid;
import java.io.Serializable;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How to warp, beyond the target grid.
 *
 * @param resampling     the method ({@code -r})
 * @param maxError       the transform's interpolation error bound in source pixels ({@code -et}); 0 is exact
 * @param replaceSourceNoData whether {@code sourceNoDataValue} replaces the files' own NoData ({@code -srcnodata})
 * @param sourceNoDataValue   that NoData value
 * @param cellType       the output cell type ({@code -ot}, {@code -dstnodata}); null: the first source's
 * @param tileSize       output tile (and block) size
 */
public record WarpOptions(
        Resampling resampling,
        double maxError,
        boolean replaceSourceNoData,
        double sourceNoDataValue,
        CellType cellType,
        int tileSize)
        implements Serializable {

    /** Default error bound: a thousandth of a source pixel, far below what flips a nearest-neighbour pick. */
    public static final double DEFAULT_MAX_ERROR = 0.001;

    public WarpOptions {
        if (resampling == null) {
            throw new IllegalArgumentException("resampling must not be null");
        }
        if (!(maxError >= 0)) {
            throw new IllegalArgumentException("-et must be >= 0 pixels, got " + maxError);
        }
        if (tileSize < 16) {
            throw new IllegalArgumentException("tile size must be at least 16, got " + tileSize);
        }
    }

    /** The NoData value replacing the sources' own, if any (kept as two fields: OptionalDouble is not serializable). */
    public OptionalDouble sourceNoData() {
        return replaceSourceNoData ? OptionalDouble.of(sourceNoDataValue) : OptionalDouble.empty();
    }

    /**
     * One warper per source onto {@code target}, with these options' method and error bound, for one task thread that
     * uses them one after another (each located, then warped): they share one set of {@link WarpBuffers}, so only
     * their transforms grow with the number of sources.
     */
    public BlockWarp[] blockWarps(WarpGrid target, List<WarpSource> sources) {
        WarpBuffers buffers = new WarpBuffers();
        BlockWarp[] warps = new BlockWarp[sources.size()];
        for (int s = 0; s < warps.length; s++) {
            warps[s] = new BlockWarp(target, sources.get(s).grid(), resampling, maxError, buffers);
        }
        return warps;
    }

    public static WarpOptions of(Resampling resampling) {
        return new WarpOptions(resampling, DEFAULT_MAX_ERROR, false, Double.NaN, null, 512);
    }

    public WarpOptions withMaxError(double e) {
        return new WarpOptions(resampling, e, replaceSourceNoData, sourceNoDataValue, cellType, tileSize);
    }

    public WarpOptions withSourceNoData(OptionalDouble nd) {
        return new WarpOptions(resampling, maxError, nd.isPresent(), nd.orElse(Double.NaN), cellType, tileSize);
    }

    public WarpOptions withCellType(CellType ct) {
        return new WarpOptions(resampling, maxError, replaceSourceNoData, sourceNoDataValue, ct, tileSize);
    }

    public WarpOptions withTileSize(int size) {
        return new WarpOptions(resampling, maxError, replaceSourceNoData, sourceNoDataValue, cellType, size);
    }
}
