package io.rastermill.spark.layerstore;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.ZoomedLayoutScheme;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.Halving;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.core.warp.WarpedValues;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The levels of a GeoTrellis {@link ZoomedLayoutScheme} pyramid in Web Mercator (EPSG:3857) for GeoTIFFs in any
 * CRS. A level is warped from the sources with the warp machinery (reprojection and resampling as gdalwarp does
 * them; each tile reads only its source window) while that window stays small, and built from the level above
 * ({@link #up}, as GeoTrellis's {@code Pyramid.up} builds it) below that.
 *
 * <p><b>Which path.</b> The top level is always warped. Each level below is warped too while a tile's source window,
 * estimated from cell sizes ({@link GeoTiffWarp#windowBytes}), is at most the bound ({@link #DEFAULT_MAX_WINDOW_BYTES}
 * unless given); the first level past it and all below take each tile from the 2×2 tiles above ({@link Halving}:
 * GDAL's warper at an exact 2× reduction), so no task reads more than the bound or four tiles. Warping a level
 * again costs about one read of the source; building from above costs caching the level above and moving it to
 * the parents, which for a fine level (thousands of tiles) is the dearer of the two, and for a coarse one (a few
 * tiles, each of whose window would be the whole source) the cheaper.
 */
public final class ZoomedPyramid {
    private ZoomedPyramid() {}

    /**
     * The levels from the top ({@code topZoom}, or the scheme's level for the sources' EPSG:3857 grid if null) down
     * to {@code minZoom}, top first.
     *
     * @throws IllegalArgumentException if {@code minZoom} is negative or above the top
     */
    public static List<LayoutLevel> levels(GeoTiffWarp sources, int tileSize, Integer topZoom, int minZoom) {
        ZoomedLayoutScheme scheme =
                new ZoomedLayoutScheme(Crs.WEB_MERCATOR, tileSize, ZoomedLayoutScheme.DEFAULT_RESOLUTION_THRESHOLD);
        int top;
        if (topZoom != null) {
            top = topZoom;
        } else {
            WarpGrid g = sources.targetGrid(TargetGridSpec.defaults(Crs.WEB_MERCATOR, Long.MAX_VALUE));
            top = scheme.levelFor(
                            g.grid().extent(),
                            new CellSize(g.grid().cellWidth(), g.grid().cellHeight()))
                    .zoom();
        }
        if (minZoom < 0 || minZoom > top) {
            throw new IllegalArgumentException("--min-zoom " + minZoom + " must be between 0 and the top zoom " + top);
        }
        List<LayoutLevel> levels = new ArrayList<>();
        for (int z = top; z >= minZoom; z--) {
            levels.add(scheme.levelForZoom(z));
        }
        return levels;
    }

    /**
     * {@code method} if it can build a level from the one above.
     *
     * @throws IllegalArgumentException for {@code sum} and {@code rms}, whose values change with the cell size
     */
    public static Resampling method(Resampling method) {
        return new Halving(method, 1).method();
    }

    /** Receives each level of a pyramid as it is built. */
    public interface LevelSink {
        void accept(LayoutLevel level, List<TileLayer> bands) throws IOException;
    }

    /**
     * The default bound on a warped tile's source window: 32 MiB, a 2048² window in the double lane. A 4096² source
     * has its top four levels warped and the rest built from above; a 256² tile never reads more than this.
     */
    public static final long DEFAULT_MAX_WINDOW_BYTES = 32L << 20;

    /**
     * How many of {@code levels} (top first) are warped from the sources: the top always, then each next level while
     * its tiles' estimated source window is at most {@code maxWindowBytes}. The levels below are built from above.
     */
    public static int warpedLevels(
            GeoTiffWarp sources, List<LayoutLevel> levels, Resampling method, long maxWindowBytes) {
        int n = 1;
        while (n < levels.size()
                && sources.windowBytes(levels.get(n).layout(), Crs.WEB_MERCATOR, method) <= maxWindowBytes) {
            n++;
        }
        return n;
    }

    /** {@link #build(GeoTiffWarp, List, WarpOptions, long, LevelSink)} with {@link #DEFAULT_MAX_WINDOW_BYTES}. */
    public static void build(GeoTiffWarp sources, List<LayoutLevel> levels, WarpOptions options, LevelSink sink)
            throws IOException {
        build(sources, levels, options, DEFAULT_MAX_WINDOW_BYTES, sink);
    }

    /**
     * Builds {@code levels} (top first, each the one below the previous, as {@link #levels} gives them): the first
     * {@link #warpedLevels} warped from the sources, each lower one from the level above; {@code sink} gets every
     * level in that order (writing it computes it). A warped level is computed once by its sink and not cached,
     * except the last one when levels are built from it; a built level stays cached until the next one has been
     * handed over.
     */
    public static void build(
            GeoTiffWarp sources, List<LayoutLevel> levels, WarpOptions options, long maxWindowBytes, LevelSink sink)
            throws IOException {
        int warped = warpedLevels(sources, levels, options.resampling(), maxWindowBytes);
        for (int i = 0; i < warped - 1; i++) {
            sink.accept(levels.get(i), level(sources, levels.get(i), options));
        }
        List<TileLayer> current = level(sources, levels.get(warped - 1), options);
        if (warped == levels.size()) {
            sink.accept(levels.get(warped - 1), current);
            return;
        }
        current = persisted(current);
        try {
            sink.accept(levels.get(warped - 1), current);
            for (int i = warped; i < levels.size(); i++) {
                List<TileLayer> next = persisted(up(current, levels.get(i), options.resampling()));
                sink.accept(levels.get(i), next);
                unpersist(current);
                current = next;
            }
        } finally {
            unpersist(current);
        }
    }

    /**
     * The level {@code parent} (one zoom below {@code bands}' level, same tile size) from {@code bands}: each parent
     * tile from its 2×2 children, halved by {@code method}. The tiles are moved to their parent once (a keyed
     * reduce, as GeoTrellis's {@code Pyramid.up} does); a missing child is NoData. Metadata: the parent layout,
     * the same data extent, the children's key bounds halved.
     *
     * @throws IllegalArgumentException if {@code parent} is not the level below, or for {@code sum} and {@code rms}
     */
    public static List<TileLayer> up(List<TileLayer> bands, LayoutLevel parent, Resampling method) {
        method(method);
        List<TileLayer> out = new ArrayList<>();
        for (TileLayer band : bands) {
            out.add(up(band, parent.layout(), method));
        }
        return out;
    }

    private static TileLayer up(TileLayer band, LayoutDefinition parent, Resampling method) {
        TileLayerMetadata md = band.metadata();
        LayoutDefinition child = md.layout();
        int n = child.tileCols();
        if (child.tileRows() != n
                || parent.tileCols() != n
                || parent.tileRows() != n
                || 2L * parent.layoutCols() != child.layoutCols()
                || 2L * parent.layoutRows() != child.layoutRows()
                || !parent.extent().equals(child.extent())) {
            throw new IllegalArgumentException("layout " + parent + " is not the level below " + child);
        }
        KeyBounds kb = (KeyBounds) md.bounds();
        SpatialKey min = new SpatialKey(kb.minKey().col() >> 1, kb.minKey().row() >> 1);
        SpatialKey max = new SpatialKey(kb.maxKey().col() >> 1, kb.maxKey().row() >> 1);
        TileLayerMetadata pmd =
                new TileLayerMetadata(md.cellType(), parent, md.extent(), md.crs(), new KeyBounds(min, max));
        List<SpatialKey> keys = new ArrayList<>();
        for (int r = min.row(); r <= max.row(); r++) {
            for (int c = min.col(); c <= max.col(); c++) {
                keys.add(new SpatialKey(c, r));
            }
        }
        JavaPairRDD<SpatialKey, Tile> rdd = band.rdd();
        Partitioner partitioner = TileLayers.partitionerFor(
                keys,
                TileLayers.ReadOptions.defaults().withTileSize(n),
                rdd.context().defaultParallelism());
        CellType ct = md.cellType();
        JavaPairRDD<SpatialKey, Tile> parents = rdd.mapToPair(kv -> new Tuple2<>(
                        new SpatialKey(kv._1().col() >> 1, kv._1().row() >> 1),
                        new Tuple2<>((kv._1().row() & 1) * 2 + (kv._1().col() & 1), kv._2())))
                .groupByKey(partitioner)
                .mapPartitionsToPair(
                        it -> {
                            Halving halving = new Halving(method, n);
                            List<Tuple2<SpatialKey, Tile>> done = new ArrayList<>();
                            double[] mosaic = new double[4 * n * n];
                            while (it.hasNext()) {
                                Tuple2<SpatialKey, Iterable<Tuple2<Integer, Tile>>> kv = it.next();
                                Arrays.fill(mosaic, Double.NaN);
                                for (Tuple2<Integer, Tile> c : kv._2()) {
                                    paste(c._2().toDoubleLane(), n, c._1(), mosaic);
                                }
                                double[] cells = WarpedValues.fitted(halving.halve(mosaic), ct);
                                done.add(new Tuple2<>(kv._1(), Tiles.fromDoubleLane(ct, n, n, cells)));
                            }
                            return done.iterator();
                        },
                        true);
        return TileLayers.fromRdd(parents, pmd);
    }

    /** Child {@code quadrant} (0 upper left, 1 upper right, 2 lower left, 3 lower right) into the 2n² mosaic. */
    private static void paste(double[] child, int n, int quadrant, double[] mosaic) {
        int ox = (quadrant & 1) * n;
        int oy = (quadrant >> 1) * n;
        for (int r = 0; r < n; r++) {
            System.arraycopy(child, r * n, mosaic, (oy + r) * 2 * n + ox, n);
        }
    }

    private static List<TileLayer> persisted(List<TileLayer> bands) {
        List<TileLayer> out = new ArrayList<>();
        for (TileLayer b : bands) {
            out.add(b.persist(StorageLevel.MEMORY_AND_DISK_SER()));
        }
        return out;
    }

    private static void unpersist(List<TileLayer> bands) {
        for (TileLayer b : bands) {
            b.rdd().unpersist(false);
        }
    }

    /** Every band of the sources warped onto {@code level}'s layout: layer {@code b} is band {@code b + 1}. */
    public static List<TileLayer> level(GeoTiffWarp sources, LayoutLevel level, WarpOptions options) {
        List<TileLayer> bands = new ArrayList<>();
        for (int b = 0; b < sources.bandCount(); b++) {
            bands.add(sources.warpBandToLayout(level.layout(), Crs.WEB_MERCATOR, b, options));
        }
        return bands;
    }
}
