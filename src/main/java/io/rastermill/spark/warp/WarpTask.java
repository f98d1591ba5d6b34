package io.rastermill.spark.warp;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.core.warp.WarpedValues;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.layer.HadoopConf;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The executor side of a warp: one partition of target keys in, their warped tiles out, lazily, key by key.
 *
 * <p>Memory per task, however many sources it mosaics: one tile's output and one source's input at a time (the
 * window it reads; its file open only while read, with the decoders all sources share: {@link SourceReaders}), and
 * one set of warp buffers (a tile's source coordinates, 16 bytes a cell) for the {@link BlockWarp}s of all sources.
 * What grows with the sources is their description: headers (kilobytes each) and transforms.
 */
final class WarpTask implements PairFlatMapFunction<Iterator<Tuple2<SpatialKey, Boolean>>, SpatialKey, Tile> {
    private static final long serialVersionUID = 1L;

    private final List<WarpSource> sources;
    private final WarpGrid target;
    private final int band;
    private final WarpOptions options;
    private final CellType cellType;
    private final HadoopConf conf;
    private final long decodedCacheBytes;
    private final LongAccumulator bytesRead;
    /** The key of the target grid's upper-left tile (non-zero when the keys are those of a larger layout). */
    private final SpatialKey origin;

    WarpTask(
            List<WarpSource> sources,
            WarpGrid target,
            SpatialKey origin,
            int band,
            WarpOptions options,
            CellType cellType,
            HadoopConf conf,
            long decodedCacheBytes,
            LongAccumulator bytesRead) {
        this.origin = origin;
        this.sources = List.copyOf(sources);
        this.target = target;
        this.band = band;
        this.options = options;
        this.cellType = cellType;
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
        this.bytesRead = bytesRead;
    }

    @Override
    public Iterator<Tuple2<SpatialKey, Tile>> call(Iterator<Tuple2<SpatialKey, Boolean>> keys) {
        SourceReaders readers = new SourceReaders(conf.get(), sources, decodedCacheBytes).closedWithTask();
        BlockWarp[] warps = options.blockWarps(target, sources);
        IoMetrics.RunningTotal read = new IoMetrics.RunningTotal(bytesRead);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Tuple2<SpatialKey, Tile> next() {
                SpatialKey k = keys.next()._1();
                Tile t = warpTile(k, warps, readers);
                read.update(readers.bytesRead());
                return new Tuple2<>(k, t);
            }
        };
    }

    /** The layout tile of {@code key}: its in-raster cells warped from every source, NoData elsewhere. */
    private Tile warpTile(SpatialKey key, BlockWarp[] warps, SourceReaders readers) {
        int ts = options.tileSize();
        Tile inner = warpCells(
                target,
                (key.col() - origin.col()) * ts,
                (key.row() - origin.row()) * ts,
                band,
                options,
                cellType,
                warps,
                readers,
                "tile " + key);
        return inner.cols() == ts && inner.rows() == ts
                ? inner
                : TileBuilder.noData(cellType, ts, ts).paste(inner, 0, 0).build();
    }

    /**
     * The in-raster cells of the target tile whose upper-left cell is ({@code x0}, {@code y0}) ({@code options}'
     * tile size, cropped at the grid's edge), warped from every source in order, later ones winning.
     *
     * @param warps   one per source of {@code readers}, onto {@code target}
     * @param forWhat what the tile is, named in a read error
     */
    static Tile warpCells(
            WarpGrid target,
            int x0,
            int y0,
            int band,
            WarpOptions options,
            CellType cellType,
            BlockWarp[] warps,
            SourceReaders readers,
            String forWhat) {
        int ts = options.tileSize();
        int w = Math.min(ts, target.cols() - x0);
        int h = Math.min(ts, target.rows() - y0);
        double[] out = new double[w * h];
        Arrays.fill(out, Double.NaN);
        for (int s = 0; s < warps.length; s++) {
            GridBounds need = warps[s].locate(x0, y0, w, h);
            if (need == null) {
                continue;
            }
            warps[s].warp(SourceWindows.read(readers, s, need, band, options.sourceNoData(), forWhat), out);
        }
        return Tiles.fromDoubleLane(cellType, w, h, WarpedValues.fitted(out, cellType));
    }
}
