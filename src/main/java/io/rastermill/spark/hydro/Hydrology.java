package io.rastermill.spark.hydro;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.hydro.D8;
import io.rastermill.core.hydro.DepressionFill;
import io.rastermill.core.hydro.FillGraph;
import io.rastermill.core.hydro.FlatGraph;
import io.rastermill.core.hydro.FlowDirections;
import io.rastermill.core.hydro.FlowRouting;
import io.rastermill.core.hydro.RoutingGraph;
import io.rastermill.core.hydro.TileGrid;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Hydrology over a tiled layer without iterating to convergence and without shuffling the raster:
 * each step is a per-tile pass that sends a small summary of the tile's perimeter to the driver, a
 * graph over all perimeter cells solved on the driver, and a per-tile finish with the driver's
 * answers broadcast (Barnes 2016 for filling, Barnes 2017 for accumulation). Results equal the
 * same computation over the whole raster, whatever the tile size: see {@code io.rastermill.core.hydro}
 * for the rules. Outputs are ordinary layers, written by the usual writers.
 */
public final class Hydrology {
    /** Flow directions: ESRI D8 codes in Byte, NoData 255. */
    public static final CellType FLOW_DIRECTION = CellType.userDefined(DataType.UINT8, D8.NO_DATA);
    /** Accumulation: Float64 (exact counts up to 2⁵³). */
    public static final CellType ACCUMULATION = CellType.FLOAT64;
    /** Streams: 1 on stream cells, NoData 0 elsewhere. */
    public static final CellType STREAMS = CellType.UINT8;

    private static final StorageLevel KEEP = StorageLevel.MEMORY_AND_DISK_SER();

    private Hydrology() {}

    /** Per-tile work that needs the tile's id in the grid. */
    @FunctionalInterface
    private interface PerTile<V, R> extends Serializable {
        R apply(int id, V value) throws Exception;
    }

    static TileGrid gridOf(TileLayer layer) {
        return new TileGrid(
                layer.cols(),
                layer.rows(),
                layer.metadata().layout().tileCols(),
                layer.metadata().layout().tileRows());
    }

    private static boolean inRaster(TileGrid g, SpatialKey k) {
        return k.col() >= 0 && k.row() >= 0 && k.col() < g.tilesAcross() && k.row() < g.tilesDown();
    }

    /** {@code fn} on every in-raster tile, keys kept (and the partitioner with them); other keys dropped. */
    private static <V, R> JavaPairRDD<SpatialKey, R> perTile(
            JavaPairRDD<SpatialKey, V> rdd, TileGrid g, PerTile<V, R> fn) {
        return rdd.mapPartitionsToPair(
                it -> new Iterator<Tuple2<SpatialKey, R>>() {
                    private Tuple2<SpatialKey, V> next = advance();

                    private Tuple2<SpatialKey, V> advance() {
                        while (it.hasNext()) {
                            Tuple2<SpatialKey, V> kv = it.next();
                            if (inRaster(g, kv._1())) {
                                return kv;
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Tuple2<SpatialKey, R> next() {
                        Tuple2<SpatialKey, V> kv = next;
                        next = advance();
                        try {
                            return new Tuple2<>(
                                    kv._1(),
                                    fn.apply(g.id(kv._1().col(), kv._1().row()), kv._2()));
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException("tile " + kv._1() + ": " + e.getMessage(), e);
                        }
                    }
                },
                true);
    }

    /** Collects one summary per tile into an array by tile id (null for absent tiles). */
    private static <S> S[] collect(JavaPairRDD<SpatialKey, S> summaries, TileGrid g, S[] empty) {
        List<Tuple2<SpatialKey, S>> list = summaries.collect();
        S[] out = Arrays.copyOf(empty, g.tileCount());
        for (Tuple2<SpatialKey, S> kv : list) {
            out[g.id(kv._1().col(), kv._1().row())] = kv._2();
        }
        return out;
    }

    private static JavaSparkContext context(TileLayer layer) {
        return JavaSparkContext.fromSparkContext(layer.rdd().context());
    }

    /** Releases a layer this class returned persisted ({@link #fill}, {@link #flowDirections}) once it is no longer read. */
    public static void release(TileLayer layer) {
        layer.rdd().unpersist(false);
    }

    /** The in-raster cells of a layout tile in the double lane (NoData NaN). */
    private static double[] innerLane(TileGrid g, int id, Tile t) {
        int w = g.width(id);
        int h = g.height(id);
        Tile inner = w == t.cols() && h == t.rows() ? t : t.crop(0, 0, w - 1, h - 1);
        return inner.toDoubleLane();
    }

    /** A buffered tile in the double lane, NaN beyond the raster. */
    private static double[] bufferedLane(TileGrid g, int id, BufferedTile b) {
        double[] lane = b.tile().toDoubleLane();
        int bw = b.tile().cols();
        int bh = b.tile().rows();
        int halo = b.halo();
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                if (!g.inside(g.x0(id) + x - halo, g.y0(id) + y - halo)) {
                    lane[y * bw + x] = Double.NaN;
                }
            }
        }
        return lane;
    }

    private static Tile padded(TileGrid g, Tile inner, CellType ct) {
        if (inner.cols() == g.tileCols() && inner.rows() == g.tileRows()) {
            return inner;
        }
        return TileBuilder.noData(ct, g.tileCols(), g.tileRows())
                .paste(inner, 0, 0)
                .build();
    }

    private static TileLayer layer(JavaPairRDD<SpatialKey, Tile> rdd, TileLayerMetadata md, CellType ct) {
        return TileLayers.fromRdd(rdd, md.withCellType(ct));
    }

    // ------------------------------------------------------------------ fill

    /**
     * The depression-filled DEM (minimal depression-free surface; raster edges and NoData are
     * outlets), in the DEM's cell type. Reads the DEM's tiles twice (summary, finish).
     */
    public static TileLayer fill(TileLayer dem) {
        TileGrid g = gridOf(dem);
        JavaPairRDD<SpatialKey, DepressionFill.Summary> summaries = perTile(
                dem.rdd(), g, (id, t) -> DepressionFill.summarize(innerLane(g, id, t), g.width(id), g.height(id)));
        DepressionFill.Summary[] tiles = collect(summaries, g, new DepressionFill.Summary[0]);
        double[][] levels = FillGraph.solve(g, tiles);
        DriverGraphLog.solved(
                "fill graph",
                g,
                FillGraph.nodes(tiles),
                FillGraph.bytes(tiles),
                dem.rdd().context());
        Broadcast<double[][]> b = context(dem).broadcast(levels);
        CellType ct = dem.metadata().cellType();
        JavaPairRDD<SpatialKey, Tile> filled = perTile(dem.rdd(), g, (id, t) -> {
            double[] out = DepressionFill.finish(innerLane(g, id, t), g.width(id), g.height(id), b.value()[id]);
            return padded(g, ArrayTile.fromDoubleLane(ct, g.width(id), g.height(id), out), ct);
        });
        // Persisted: the next step (flow directions) reads every tile twice for its halo exchange. The caller
        // unpersists it when done; the DEM itself may be released once this layer is materialised.
        return layer(filled, dem.metadata(), ct).persist(KEEP);
    }

    // ------------------------------------------------------------------ flow directions

    /**
     * D8 flow directions of a filled DEM ({@link #FLOW_DIRECTION}); flats drain to their low edge. The
     * result is persisted (it is read by both halves of accumulation and labelling): unpersist it when done.
     * {@code filled} is read twice (summary, finish), so it should be persisted too (as {@link #fill} returns it).
     */
    public static TileLayer flowDirections(TileLayer filled) {
        TileGrid g = gridOf(filled);
        // Not persisted: both passes re-assemble the halo from the persisted filled tiles and the strips the
        // first pass shuffled (Spark keeps shuffle output), which costs less than caching a Float64 copy.
        JavaPairRDD<SpatialKey, BufferedTile> buffered = filled.buffered(FlowDirections.HALO);
        JavaPairRDD<SpatialKey, FlowDirections.FlatSummary> summaries = perTile(
                buffered, g, (id, b) -> FlowDirections.summarize(bufferedLane(g, id, b), g.width(id), g.height(id)));
        FlowDirections.FlatSummary[] flats = collect(summaries, g, new FlowDirections.FlatSummary[0]);
        int[][] dist = FlatGraph.solve(g, flats);
        DriverGraphLog.solved(
                "flat graph (" + FlatGraph.describe(flats) + ")",
                g,
                FlatGraph.nodes(flats),
                FlatGraph.bytes(flats),
                filled.rdd().context());
        Broadcast<int[][]> b = context(filled).broadcast(dist);
        JavaPairRDD<SpatialKey, Tile> codes = perTile(buffered, g, (id, t) -> {
            int[] code = FlowDirections.directions(
                    bufferedLane(g, id, t), g.width(id), g.height(id), b.value()[id], FlatGraph.ring(g, id, b.value()));
            return padded(g, codeTile(code, g.width(id), g.height(id)), FLOW_DIRECTION);
        });
        return layer(codes, filled.metadata(), FLOW_DIRECTION).persist(KEEP);
    }

    private static Tile codeTile(int[] code, int w, int h) {
        for (int i = 0; i < code.length; i++) {
            if (code[i] == D8.NO_DATA) {
                code[i] = NoData.INT;
            }
        }
        return ArrayTile.fromIntLane(FLOW_DIRECTION, w, h, code);
    }

    // ------------------------------------------------------------------ accumulation and labels

    /** Direction codes with a one-cell halo as an Int32 tile, 255 where NoData or beyond the raster. */
    private static JavaPairRDD<SpatialKey, Tile> routingCodes(TileLayer directions, TileGrid g) {
        return perTile(directions.buffered(1), g, (id, b) -> {
            int[] lane = b.tile().toIntLane();
            int bw = b.tile().cols();
            for (int i = 0; i < lane.length; i++) {
                if (lane[i] == NoData.INT || !g.inside(g.x0(id) + i % bw - 1, g.y0(id) + i / bw - 1)) {
                    lane[i] = D8.NO_DATA;
                }
            }
            return (Tile) ArrayTile.fromIntLane(CellType.INT32_RAW, bw, b.tile().rows(), lane);
        });
    }

    private static FlowRouting.Place place(TileGrid g, int id) {
        return new FlowRouting.Place(g.x0(id), g.y0(id), g.cols());
    }

    /**
     * Flow accumulation of D8 codes ({@link #ACCUMULATION}): upstream cells excluding the cell
     * itself, or with {@code weights} (same grid; null for counts) the sum of their weights.
     * A code other than the eight fails the job naming the cell.
     */
    public static TileLayer flowAccumulation(TileLayer directions, TileLayer weights) {
        return drainage(directions, weights).accumulation();
    }

    /**
     * Accumulation and basin labels of the same directions, from one summary pass and one driver solve
     * (the summary of a tile serves both): what {@link #flowAccumulation} and {@link #basins} give, for
     * half the routing work. Both layers are lazy; each finish re-reads the directions' halo.
     */
    public record Drainage(TileLayer accumulation, TileLayer basins) {}

    /** {@link Drainage} of {@code directions}, with {@code weights} (same grid) or null for cell counts. */
    public static Drainage drainage(TileLayer directions, TileLayer weights) {
        TileGrid g = gridOf(directions);
        if (weights != null) {
            requireSameGrid(directions, weights, "weights");
        }
        JavaPairRDD<SpatialKey, Tile> codes = routingCodes(directions, g);
        JavaPairRDD<SpatialKey, Tuple2<Tile, Tile>> input;
        if (weights == null) {
            input = codes.mapValues(t -> new Tuple2<>(t, null));
        } else {
            input = codes.join(
                    weights.rdd(),
                    codes.partitioner().orNull() != null ? codes.partitioner().get() : directions.partitioner());
        }
        JavaPairRDD<SpatialKey, FlowRouting.Summary> summaries = perTile(
                input,
                g,
                (id, p) -> FlowRouting.summarize(
                        p._1().toIntLane(), g.width(id), g.height(id), weightLane(g, id, p._2()), place(g, id), null));
        RoutingGraph.Result r = solveRouting(g, summaries);
        Broadcast<double[][]> inflow = context(directions).broadcast(r.inflow());
        JavaPairRDD<SpatialKey, Tile> acc = perTile(input, g, (id, p) -> {
            double[] out = FlowRouting.accumulate(
                    p._1().toIntLane(),
                    g.width(id),
                    g.height(id),
                    weightLane(g, id, p._2()),
                    place(g, id),
                    inflow.value()[id]);
            return padded(g, ArrayTile.fromDoubleLane(ACCUMULATION, g.width(id), g.height(id), out), ACCUMULATION);
        });
        return new Drainage(
                layer(acc, directions.metadata(), ACCUMULATION),
                labelLayer(directions, codes, g, null, context(directions).broadcast(r.label())));
    }

    private static RoutingGraph.Result solveRouting(
            TileGrid g, JavaPairRDD<SpatialKey, FlowRouting.Summary> summaries) {
        FlowRouting.Summary[] tiles = collect(summaries, g, new FlowRouting.Summary[0]);
        RoutingGraph.Result r = RoutingGraph.solve(g, tiles);
        DriverGraphLog.solved(
                "routing graph", g, RoutingGraph.nodes(tiles), RoutingGraph.bytes(tiles), summaries.context());
        return r;
    }

    private static double[] weightLane(TileGrid g, int id, Tile weights) {
        return weights == null ? null : innerLane(g, id, weights);
    }

    /** Fails unless {@code other} lies on the same raster grid as {@code layer}. */
    public static void requireSameGrid(TileLayer layer, TileLayer other, String what) {
        if (layer.cols() != other.cols()
                || layer.rows() != other.rows()
                || !layer.metadata().layout().equals(other.metadata().layout())
                || !Objects.equals(layer.metadata().crs(), other.metadata().crs())) {
            throw new IllegalArgumentException(what + " is not on the flow directions' grid: " + other.cols() + "x"
                    + other.rows() + " " + other.metadata().layout().extent() + " vs " + layer.cols() + "x"
                    + layer.rows()
                    + " " + layer.metadata().layout().extent());
        }
    }

    /** The cell type of basin labels: Int32 while cell indexes fit, else Float64 (exact to 2⁵³). */
    public static CellType labelType(TileLayer layer) {
        return layer.cols() * layer.rows() < Integer.MAX_VALUE ? CellType.INT32 : CellType.FLOAT64;
    }

    /** Every cell labelled by the outlet it drains to: the outlet's row-major cell index + 1. */
    public static TileLayer basins(TileLayer directions) {
        return labels(directions, null);
    }

    /**
     * Watersheds of pour points: every cell labelled with the id (> 0) of the first pour point its
     * flow reaches, NoData if none. {@code pourPoints} maps raster cell index (row-major) to id.
     */
    public static TileLayer watersheds(TileLayer directions, Map<Long, Long> pourPoints) {
        return labels(directions, Objects.requireNonNull(pourPoints, "pourPoints"));
    }

    private static TileLayer labels(TileLayer directions, Map<Long, Long> pourPoints) {
        TileGrid g = gridOf(directions);
        JavaPairRDD<SpatialKey, Tile> codes = routingCodes(directions, g);
        Broadcast<Map<Long, Long>> stops =
                pourPoints == null ? null : context(directions).broadcast(new HashMap<>(pourPoints));
        JavaPairRDD<SpatialKey, FlowRouting.Summary> summaries = perTile(
                codes,
                g,
                (id, t) -> FlowRouting.summarize(
                        t.toIntLane(), g.width(id), g.height(id), null, place(g, id), stopsOf(g, id, stops)));
        RoutingGraph.Result r = solveRouting(g, summaries);
        return labelLayer(directions, codes, g, stops, context(directions).broadcast(r.label()));
    }

    private static TileLayer labelLayer(
            TileLayer directions,
            JavaPairRDD<SpatialKey, Tile> codes,
            TileGrid g,
            Broadcast<Map<Long, Long>> stops,
            Broadcast<long[][]> label) {
        CellType ct = labelType(directions);
        JavaPairRDD<SpatialKey, Tile> labels = perTile(codes, g, (id, t) -> {
            double[] out = FlowRouting.labels(
                    t.toIntLane(), g.width(id), g.height(id), place(g, id), stopsOf(g, id, stops), label.value()[id]);
            return padded(g, ArrayTile.fromDoubleLane(ct, g.width(id), g.height(id), out), ct);
        });
        return layer(labels, directions.metadata(), ct);
    }

    private static long[] stopsOf(TileGrid g, int id, Broadcast<Map<Long, Long>> stops) {
        if (stops == null) {
            return null;
        }
        int w = g.width(id);
        int h = g.height(id);
        long[] out = new long[w * h];
        for (Map.Entry<Long, Long> e : stops.value().entrySet()) {
            long x = e.getKey() % g.cols() - g.x0(id);
            long y = e.getKey() / g.cols() - g.y0(id);
            if (x >= 0 && y >= 0 && x < w && y < h) {
                out[(int) (y * w + x)] = e.getValue();
            }
        }
        return out;
    }

    /** Stream cells: accumulation at least {@code threshold} ({@link #STREAMS}: 1, NoData 0 elsewhere). */
    public static TileLayer streams(TileLayer accumulation, double threshold) {
        return accumulation.mapTiles(
                t -> t.mapDouble(v -> v >= threshold ? 1 : Double.NaN).convert(STREAMS), STREAMS);
    }
}
