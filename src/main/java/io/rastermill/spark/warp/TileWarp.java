package io.rastermill.spark.warp;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.WarpGrid;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * One tile of a warp computed on its own, where no layer is built: the SQL function {@code rm_warp} calls it once
 * per row. The cells are those {@link GeoTiffWarp#warp(WarpGrid, WarpOptions)} gives the same key (the same
 * {@link BlockWarp} and source windows), cropped to the grid as the rows of a layer's frame are.
 */
public final class TileWarp {
    private TileWarp() {}

    /**
     * Tile {@code key} (tiles of {@code options}' size from the grid's upper left) of band {@code band} (0-based)
     * of {@code sources} warped onto {@code target}; its cell type is {@code options}', else the first source's.
     *
     * @throws IllegalArgumentException if the key lies outside the grid or the band does not exist
     */
    public static Tile warp(
            List<WarpSource> sources,
            WarpGrid target,
            SpatialKey key,
            int band,
            WarpOptions options,
            Configuration conf)
            throws IOException {
        int ts = options.tileSize();
        if (key.col() < 0
                || key.row() < 0
                || (long) key.col() * ts >= target.cols()
                || (long) key.row() * ts >= target.rows()) {
            throw new IllegalArgumentException("tile (" + key.col() + ", " + key.row() + ") lies outside the "
                    + target.cols() + "x" + target.rows() + " grid's " + ts + "² tiles");
        }
        if (sources.isEmpty() || band < 0 || band >= sources.get(0).bandCount()) {
            throw new IllegalArgumentException("band " + (band + 1) + " does not exist; the sources have "
                    + (sources.isEmpty() ? 0 : sources.get(0).bandCount()));
        }
        BlockWarp[] warps = options.blockWarps(target, sources);
        try (SourceReaders readers = new SourceReaders(conf, sources, 0)) {
            return WarpTask.warpCells(
                    target,
                    key.col() * ts,
                    key.row() * ts,
                    band,
                    options,
                    options.cellType() != null
                            ? options.cellType()
                            : sources.get(0).cellType(),
                    warps,
                    readers,
                    "tile " + key);
        }
    }
}
