package io.rastermill.spark.tiles;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.tiles.TileRange;
import io.rastermill.core.tiles.TileRenderer;
import io.rastermill.core.tiles.TileStyle;
import io.rastermill.core.tiles.WebMercatorTiles;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.SourceFootprint;
import io.rastermill.core.warp.WarpBuffers;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.warp.SourceReaders;
import io.rastermill.spark.warp.SourceWindows;
import io.rastermill.spark.warp.WarpSource;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The executor side of the top zoom: tile keys in, RGBA pixels out. Each tile is its own 256² target grid in
 * EPSG:3857; per source the tile's cells go through the inverse transform, the window they need is read by byte
 * range, and every band is resampled into the tile, later sources winning where they have data. A source's file is
 * open only while its window is read, and all sources share one set of decoders and warp buffers
 * ({@link SourceReaders}, {@link WarpBuffers}).
 */
final class BaseTileTask implements PairFlatMapFunction<Iterator<Long>, Long, byte[]> {
    private static final long serialVersionUID = 1L;
    private static final int N = WebMercatorTiles.TILE_SIZE;

    private final List<WarpSource> sources;
    private final int zoom;
    private final XyzTileOptions options;
    private final TileStyle style;
    private final HadoopConf conf;
    private final long decodedCacheBytes;
    /** Per source: where it can have data; a tile beyond it is not warped from it. */
    private final SourceFootprint[] footprints;

    BaseTileTask(
            List<WarpSource> sources,
            TileRange range,
            XyzTileOptions options,
            TileStyle style,
            HadoopConf conf,
            long decodedCacheBytes) {
        this.sources = List.copyOf(sources);
        this.zoom = range.zoom();
        this.options = options;
        this.style = style;
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
        this.footprints = new SourceFootprint[this.sources.size()];
        for (int i = 0; i < footprints.length; i++) {
            footprints[i] = SourceFootprint.of(this.sources.get(i).grid());
        }
    }

    @Override
    public Iterator<Tuple2<Long, byte[]>> call(Iterator<Long> keys) {
        SourceReaders readers = new SourceReaders(conf.get(), sources, decodedCacheBytes).closedWithTask();
        WarpBuffers buffers = new WarpBuffers();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Tuple2<Long, byte[]> next() {
                long key = keys.next();
                return new Tuple2<>(key, render(XyzTiles.x(key), XyzTiles.y(key), readers, buffers));
            }
        };
    }

    private byte[] render(int x, int y, SourceReaders readers, WarpBuffers buffers) {
        Extent extent = WebMercatorTiles.tileExtent(zoom, x, y);
        Extent deg = WebMercatorTiles.degrees(extent);
        WarpGrid tile = new WarpGrid(Crs.WEB_MERCATOR, RasterExtent.of(extent, N, N));
        int bands = sources.get(0).bandCount();
        double[][] values = new double[bands][N * N];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        String what = "tile " + zoom + "/" + x + "/" + y;
        for (int i = 0; i < sources.size(); i++) {
            // a tile beyond the source's footprint (most of the globe-wide tile set of a source across 180°)
            // would only be transparent: no control grid, no read
            if (!footprints[i].meets(deg.xmin(), deg.ymin(), deg.xmax(), deg.ymax())) {
                continue;
            }
            WarpSource s = sources.get(i);
            BlockWarp warp = new BlockWarp(tile, s.grid(), options.resampling(), options.maxError(), buffers);
            GridBounds need = warp.locate(0, 0, N, N);
            if (need == null) {
                continue;
            }
            for (int b = 0; b < bands; b++) {
                warp.warp(SourceWindows.read(readers, i, need, b, OptionalDouble.empty(), what), values[b]);
            }
        }
        return TileRenderer.rgba(values, N * N, style);
    }
}
