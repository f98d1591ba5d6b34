package io.rastermill.spark.zonal;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.zonal.PolygonRasterizer;
import io.rastermill.core.zonal.PolygonReprojection;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.core.zonal.ZoneSpec;
import io.rastermill.core.zonal.ZoneTable;
import io.rastermill.spark.layer.TileLayer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.geom.Geometry;
import scala.Tuple2;

/**
 * Zonal statistics on Spark: per-zone {@link ZoneAccumulator}s built per partition
 * ({@code mapPartitions} over a {@link ZoneTable}) and merged by zone id with {@code reduceByKey};
 * only the finished per-zone accumulators reach the driver.
 *
 * <ul>
 *   <li>{@link #byZoneRaster}: zones from an integer raster on the same grid (tiles joined by key).</li>
 *   <li>{@link #byPolygons}: zones from polygons, broadcast once; each tile visits only the polygons
 *       whose envelope reaches it (a tile-key index built on the driver) and rasterises them on the
 *       executor, cell-centre or all-touched. Zone ids are the polygons' indexes in the list.</li>
 * </ul>
 * Percentiles: integer values get exact per-zone histograms in one pass; float values take two
 * passes (per-zone min/max, then {@link Options#floatBins()} bins over each zone's range), the input
 * cached in between.
 */
public final class ZonalStatistics {
    private ZonalStatistics() {}

    /**
     * @param percentiles whether per-zone histograms are kept for medians and percentiles
     * @param floatBins   bins per zone for float percentiles: error ≤ (max − min)/(2·floatBins); memory
     *                    8·floatBins bytes per zone per task
     */
    public record Options(boolean percentiles, int floatBins) implements Serializable {
        public static final int DEFAULT_FLOAT_BINS = 4096;

        public Options {
            if (floatBins < 1) {
                throw new IllegalArgumentException("float bins must be >= 1, got " + floatBins);
            }
        }

        public static Options statisticsOnly() {
            return new Options(false, DEFAULT_FLOAT_BINS);
        }

        public static Options withPercentiles() {
            return new Options(true, DEFAULT_FLOAT_BINS);
        }
    }

    /**
     * Checks that {@code zones} lies on exactly {@code values}' grid (CRS, cell size, extent, tile
     * layout).
     *
     * @throws IllegalArgumentException naming both inputs and what differs
     */
    public static void requireSameGrid(TileLayer values, String valuesName, TileLayer zones, String zonesName) {
        TileLayerMetadata a = values.metadata();
        TileLayerMetadata b = zones.metadata();
        String differs = null;
        if (!Objects.equals(a.crs(), b.crs())) {
            differs = "CRS " + a.crs() + " vs " + b.crs();
        } else if (!close(a.layout().cellSize().width(), b.layout().cellSize().width())
                || !close(a.layout().cellSize().height(), b.layout().cellSize().height())) {
            differs = "cell size " + a.layout().cellSize().width() + "x"
                    + a.layout().cellSize().height() + " vs "
                    + b.layout().cellSize().width() + "x"
                    + b.layout().cellSize().height();
        } else if (values.cols() != zones.cols() || values.rows() != zones.rows()) {
            differs = "size " + values.cols() + "x" + values.rows() + " vs " + zones.cols() + "x" + zones.rows()
                    + " cells";
        } else if (!sameOrigin(a.extent(), b.extent(), a.layout())) {
            differs = "extent " + a.extent() + " vs " + b.extent() + " (not aligned)";
        } else if (a.layout().tileCols() != b.layout().tileCols()
                || a.layout().tileRows() != b.layout().tileRows()) {
            differs = "tile size " + a.layout().tileCols() + " vs " + b.layout().tileCols();
        }
        if (differs != null) {
            throw new IllegalArgumentException(valuesName + " and " + zonesName + " are not on the same grid: "
                    + differs + " (resampling is not supported)");
        }
    }

    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static boolean sameOrigin(Extent a, Extent b, LayoutDefinition layout) {
        double cw = layout.cellSize().width();
        double ch = layout.cellSize().height();
        return Math.abs(a.xmin() - b.xmin()) <= 1e-6 * cw && Math.abs(a.ymax() - b.ymax()) <= 1e-6 * ch;
    }

    /**
     * Statistics of {@code values} per zone id of {@code zones} (an integer raster on the same grid;
     * see {@link #requireSameGrid}), sorted by zone id. Zones with only NoData values are included
     * (count 0); NoData zone cells are in no zone.
     */
    public static SortedMap<Integer, ZoneAccumulator> byZoneRaster(TileLayer values, TileLayer zones, Options options) {
        if (zones.metadata().cellType().isFloatingPoint()) {
            throw new IllegalArgumentException("zones must be an integer raster, got "
                    + zones.metadata().cellType().name());
        }
        requireSameGrid(values, "values", zones, "zones");
        long cols = values.cols();
        long rows = values.rows();
        int tc = values.metadata().layout().tileCols();
        int tr = values.metadata().layout().tileRows();
        JavaPairRDD<SpatialKey, Tile> z = zones.rdd();
        if (!values.partitioner().equals(zones.partitioner())) {
            z = z.partitionBy(values.partitioner());
        }
        JavaPairRDD<SpatialKey, Tuple2<Tile, Tile>> joined = values.rdd().join(z, values.partitioner());
        return run(
                joined,
                values.metadata().cellType().isFloatingPoint(),
                options,
                spec -> joined.mapPartitionsToPair(it -> {
                    ZoneTable table = new ZoneTable(spec);
                    while (it.hasNext()) {
                        Tuple2<SpatialKey, Tuple2<Tile, Tile>> kv = it.next();
                        SpatialKey k = kv._1();
                        Tile v = inner(kv._2()._1(), k, cols, rows, tc, tr);
                        if (v != null) {
                            table.addZoned(v, inner(kv._2()._2(), k, cols, rows, tc, tr));
                        }
                    }
                    return entries(table);
                }));
    }

    /** The polygons and, per tile key, the indexes of the polygons whose envelope reaches that tile. */
    public static final class PolygonIndex implements Serializable {
        private static final long serialVersionUID = 1L;
        final PolygonRasterizer[] polygons;
        final HashMap<Long, int[]> byTile;

        PolygonIndex(PolygonRasterizer[] polygons, HashMap<Long, int[]> byTile) {
            this.polygons = polygons;
            this.byTile = byTile;
        }

        static long key(long col, long row) {
            return (col << 32) | (row & 0xffffffffL);
        }
    }

    /**
     * As {@link #byPolygons(TileLayer, List, boolean, Options)} for polygons in {@code polygonCrs} (null: the
     * raster's): they are reprojected into the raster's CRS first, their edges densified to a millionth of a cell
     * ({@link PolygonReprojection}), and rasterised on the raster's own grid.
     *
     * @throws IllegalArgumentException if the polygons have a CRS and the raster none, or a polygon (named by its
     *                                  index) has a point with no position in the raster's CRS
     */
    public static SortedMap<Integer, ZoneAccumulator> byPolygons(
            TileLayer values, List<Geometry> polygons, Crs polygonCrs, boolean allTouched, Options options) {
        Crs rasterCrs = values.metadata().crs();
        if (polygonCrs == null || polygonCrs.equals(rasterCrs)) {
            return byPolygons(values, polygons, allTouched, options);
        }
        if (rasterCrs == null) {
            throw new IllegalArgumentException(
                    "the polygons are in " + polygonCrs + " but the raster has no CRS to reproject them to");
        }
        LayoutDefinition layout = values.metadata().layout();
        PolygonReprojection reprojection = new PolygonReprojection(
                polygonCrs,
                rasterCrs,
                PolygonReprojection.toleranceFor(
                        layout.cellSize().width(), layout.cellSize().height()));
        List<Geometry> moved = new ArrayList<>(polygons.size());
        for (int i = 0; i < polygons.size(); i++) {
            try {
                moved.add(reprojection.apply(polygons.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("polygon " + i + ": " + e.getMessage(), e);
            }
        }
        return byPolygons(values, moved, allTouched, options);
    }

    /**
     * Statistics of {@code values} per polygon (zone id = index in {@code polygons}, in the raster's
     * CRS), sorted by zone id; polygons that cover no cell are absent. Overlapping polygons each get
     * every cell they contain.
     */
    public static SortedMap<Integer, ZoneAccumulator> byPolygons(
            TileLayer values, List<Geometry> polygons, boolean allTouched, Options options) {
        TileLayerMetadata md = values.metadata();
        LayoutDefinition layout = md.layout();
        double xmin = layout.extent().xmin();
        double ymax = layout.extent().ymax();
        double cw = layout.cellSize().width();
        double ch = layout.cellSize().height();
        long cols = values.cols();
        long rows = values.rows();
        int tc = layout.tileCols();
        int tr = layout.tileRows();
        PolygonRasterizer[] rasterizers = new PolygonRasterizer[polygons.size()];
        HashMap<Long, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < rasterizers.length; i++) {
            PolygonRasterizer p;
            try {
                p = new PolygonRasterizer(polygons.get(i), xmin, ymax, cw, ch);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("polygon " + i + ": " + e.getMessage(), e);
            }
            rasterizers[i] = p;
            double[] env = p.pixelEnvelope();
            if (!(env[0] <= env[2])) {
                continue;
            }
            // one cell of margin: all-touched cells and centre rows at the envelope's edge
            long c0 = Math.max(0, (long) Math.floor((env[0] - 1) / tc));
            long c1 = Math.min((cols - 1) / tc, (long) Math.floor((env[2] + 1) / tc));
            long r0 = Math.max(0, (long) Math.floor((env[1] - 1) / tr));
            long r1 = Math.min((rows - 1) / tr, (long) Math.floor((env[3] + 1) / tr));
            for (long r = r0; r <= r1; r++) {
                for (long c = c0; c <= c1; c++) {
                    lists.computeIfAbsent(PolygonIndex.key(c, r), x -> new ArrayList<>())
                            .add(i);
                }
            }
        }
        HashMap<Long, int[]> byTile = new HashMap<>();
        lists.forEach(
                (k, v) -> byTile.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(values.rdd().context());
        Broadcast<PolygonIndex> index = jsc.broadcast(new PolygonIndex(rasterizers, byTile));
        try {
            JavaPairRDD<SpatialKey, Tile> visited = values.rdd()
                    .filter(kv -> index.value()
                            .byTile
                            .containsKey(PolygonIndex.key(kv._1().col(), kv._1().row())));
            return run(
                    visited,
                    md.cellType().isFloatingPoint(),
                    options,
                    spec -> visited.mapPartitionsToPair(it -> {
                        PolygonIndex ix = index.value();
                        ZoneTable table = new ZoneTable(spec);
                        PolygonRasterizer.Scratch scratch = new PolygonRasterizer.Scratch();
                        int[] cells = new int[tc * tr];
                        while (it.hasNext()) {
                            Tuple2<SpatialKey, Tile> kv = it.next();
                            SpatialKey k = kv._1();
                            Tile v = inner(kv._2(), k, cols, rows, tc, tr);
                            int[] candidates = ix.byTile.get(PolygonIndex.key(k.col(), k.row()));
                            if (v == null || candidates == null) {
                                continue;
                            }
                            long x0 = (long) k.col() * tc;
                            long y0 = (long) k.row() * tr;
                            boolean floating = v.cellType().isFloatingPoint();
                            int[] ints = floating ? null : v.toIntLane();
                            double[] doubles = floating ? v.toDoubleLane() : null;
                            for (int f : candidates) {
                                int n = ix.polygons[f].cells(x0, y0, v.cols(), v.rows(), allTouched, cells, scratch);
                                if (n == 0) {
                                    continue;
                                }
                                if (floating) {
                                    table.addCells(f, doubles, cells, n);
                                } else {
                                    table.addCells(f, ints, cells, n);
                                }
                            }
                        }
                        return entries(table);
                    }));
        } finally {
            index.unpersist(false);
        }
    }

    /** One pass of accumulators for a spec. */
    private interface Pass {
        JavaPairRDD<Integer, ZoneAccumulator> partials(ZoneSpec spec);
    }

    private static <T> SortedMap<Integer, ZoneAccumulator> run(
            JavaPairRDD<SpatialKey, T> input, boolean floating, Options options, Pass pass) {
        if (!options.percentiles()) {
            return collect(pass.partials(ZoneSpec.statistics()));
        }
        if (!floating) {
            return collect(pass.partials(ZoneSpec.exactPercentiles()));
        }
        input.persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            SortedMap<Integer, ZoneAccumulator> first = collect(pass.partials(ZoneSpec.statistics()));
            int[] ids = new int[first.size()];
            double[] min = new double[ids.length];
            double[] max = new double[ids.length];
            int i = 0;
            for (Map.Entry<Integer, ZoneAccumulator> e : first.entrySet()) {
                Statistics s = e.getValue().finish();
                ids[i] = e.getKey();
                min[i] = s.min();
                max[i] = s.max();
                i++;
            }
            ZoneSpec spec = ZoneSpec.binnedPercentiles(new ZoneSpec.ZoneRanges(ids, min, max), options.floatBins());
            return collect(pass.partials(spec));
        } finally {
            input.unpersist(false);
        }
    }

    private static SortedMap<Integer, ZoneAccumulator> collect(JavaPairRDD<Integer, ZoneAccumulator> partials) {
        Map<Integer, ZoneAccumulator> m =
                partials.reduceByKey((a, b) -> a.merge(b)).collectAsMap();
        return new TreeMap<>(m);
    }

    private static Iterator<Tuple2<Integer, ZoneAccumulator>> entries(ZoneTable table) {
        List<Tuple2<Integer, ZoneAccumulator>> out = new ArrayList<>(table.size());
        table.zones().forEach((k, v) -> out.add(new Tuple2<>(k, v)));
        return out.iterator();
    }

    /** The in-raster part of a layout tile, or null for a tile wholly outside. */
    static Tile inner(Tile t, SpatialKey k, long cols, long rows, int tc, int tr) {
        int w = (int) Math.max(0, Math.min(tc, cols - (long) k.col() * tc));
        int h = (int) Math.max(0, Math.min(tr, rows - (long) k.row() * tr));
        if (w == 0 || h == 0 || k.col() < 0 || k.row() < 0) {
            return null;
        }
        return w == t.cols() && h == t.rows() ? t : t.crop(0, 0, w - 1, h - 1);
    }
}
