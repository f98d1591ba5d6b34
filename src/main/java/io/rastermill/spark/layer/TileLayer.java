package io.rastermill.spark.layer;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.stats.MergeableAccumulator;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A raster as a Spark layer: {@code JavaPairRDD<SpatialKey, Tile>} on a GeoTrellis layout, plus its
 * {@link TileLayerMetadata}. Tiles are layout-sized; edge tiles are padded east and south with NoData
 * (0 for raw cell types), and computations never see padding as data.
 *
 * <p>Everything is lazy, as in Spark: methods return new layers; {@link #rdd()} or an action runs
 * them. Per-tile functions are plain serializable Java lambdas over the tile API. Focal steps are
 * fused: a chain of {@link #focal} calls acquires one halo of the summed radius — read with the
 * window when the layer comes straight from files, otherwise exchanged as edge strips.
 */
public final class TileLayer {
    private final TileLayerMetadata metadata;
    private final RasterGrid grid;
    private final LayerBase base;
    private final FocalChain chain;

    TileLayer(TileLayerMetadata metadata, RasterGrid grid, LayerBase base, FocalChain chain) {
        this.metadata = metadata;
        this.grid = grid;
        this.base = base;
        this.chain = chain;
    }

    public TileLayerMetadata metadata() {
        return metadata;
    }

    /** The raster's size in cells (the layout may be larger: it holds whole tiles). */
    public long cols() {
        return grid.cols();
    }

    public long rows() {
        return grid.rows();
    }

    public Partitioner partitioner() {
        return base.partitioner();
    }

    /** The files this layer reads its tiles from as they are (no focal step pending), or null. */
    LayerBase.FromFiles files() {
        return chain.isEmpty() && base instanceof LayerBase.FromFiles f ? f : null;
    }

    /** The tiles, layout-sized, partitioned by Z-order ranges. */
    public JavaPairRDD<SpatialKey, Tile> rdd() {
        if (chain.isEmpty()) {
            return base.tiles();
        }
        FocalChain c = chain;
        RasterGrid g = grid;
        // per partition, so that each task opens the steps' functions (and runs their setups) once
        return base.halo(c.totalRadius()).mapPartitionsToPair(it -> focalTask(it, c, g), true);
    }

    /** Static, so the task captures only the chain and the grid, never this layer. */
    private static Iterator<Tuple2<SpatialKey, Tile>> focalTask(
            Iterator<Tuple2<SpatialKey, BufferedTile>> it, FocalChain chain, RasterGrid grid) {
        FocalKernel.TileBody[] opened = chain.unopened();
        return eachTile(it, (k, h) -> grid.pad(chain.run(h, opened)));
    }

    /** A task's per-tile step: from a tile (or a buffered tile) and its key to the result tile. */
    @FunctionalInterface
    interface TaskStep<V> {
        Tile apply(SpatialKey key, V in) throws Exception;
    }

    /** {@code step} on each tile of a task, lazily; a checked exception is rethrown naming the tile. */
    static <V> Iterator<Tuple2<SpatialKey, Tile>> eachTile(Iterator<Tuple2<SpatialKey, V>> it, TaskStep<V> step) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Tuple2<SpatialKey, Tile> next() {
                Tuple2<SpatialKey, V> kv = it.next();
                try {
                    return new Tuple2<>(kv._1(), step.apply(kv._1(), kv._2()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("tile " + kv._1() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Every tile's in-raster cells with {@code radius} cells of its neighbours (read with the window,
     * or exchanged as edge strips), for computations whose result is not a tile of this layer
     * (per-tile summaries, graphs). Sides beyond the raster are flagged outside.
     */
    public JavaPairRDD<SpatialKey, BufferedTile> buffered(int radius) {
        LayerBase b = chain.isEmpty() ? base : new LayerBase.FromRdd(rdd(), grid, base.partitioner());
        return b.halo(radius);
    }

    /** The in-raster cells of every tile (edge tiles cropped to the raster), for reductions. */
    public JavaPairRDD<SpatialKey, Tile> innerTiles() {
        RasterGrid g = grid;
        return rdd().filter(kv -> g.isInside(kv._1()))
                .mapToPair(kv -> new Tuple2<>(kv._1(), g.inner(kv._1(), kv._2())));
    }

    private TileLayer derived(JavaPairRDD<SpatialKey, Tile> rdd, CellType cellType) {
        TileLayerMetadata md = metadata.withCellType(cellType);
        RasterGrid g = grid.withCellType(cellType);
        return new TileLayer(md, g, new LayerBase.FromRdd(rdd, g, base.partitioner()), new FocalChain(List.of()));
    }

    /** {@code fn} on every tile; the cell type of the results is taken to be the layer's. */
    public TileLayer mapTiles(TileFunction fn) {
        return mapTiles(fn, metadata.cellType());
    }

    /**
     * {@code fn} on every tile, whose results have {@code resultType}; a result of another cell type
     * is converted to it, so the metadata always tells the truth.
     */
    public TileLayer mapTiles(TileFunction fn, CellType resultType) {
        Objects.requireNonNull(fn, "fn");
        CellType ct = resultType;
        return derived(rdd().mapValues(t -> conform(fn.apply(t), ct)), resultType);
    }

    /**
     * {@code fn} on every tile with what {@code setup} loaded: the setup runs once per task, on the
     * executor, before the task's first tile (or once per executor JVM: {@link TaskSetup#perJvm}); results
     * are converted to {@code resultType} if they differ.
     */
    public <S> TileLayer mapTiles(TaskSetup<S> setup, StatefulTileFunction<S, Tile> fn, CellType resultType) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(fn, "fn");
        CellType ct = resultType;
        return derived(rdd().mapPartitionsToPair(it -> stateful(it, setup, fn, ct), true), resultType);
    }

    /** Static, so the task captures only the setup, the function and the cell type; the setup runs before the first tile. */
    private static <S> Iterator<Tuple2<SpatialKey, Tile>> stateful(
            Iterator<Tuple2<SpatialKey, Tile>> it, TaskSetup<S> setup, StatefulTileFunction<S, Tile> fn, CellType ct) {
        List<S> state = new ArrayList<>(1);
        return eachTile(it, (k, t) -> {
            if (state.isEmpty()) {
                state.add(setup.create());
            }
            return conform(fn.apply(state.get(0), t), ct);
        });
    }

    public TileLayer mapTilesWithKey(KeyedTileFunction fn) {
        return mapTilesWithKey(fn, metadata.cellType());
    }

    public TileLayer mapTilesWithKey(KeyedTileFunction fn, CellType resultType) {
        Objects.requireNonNull(fn, "fn");
        CellType ct = resultType;
        // mapPartitionsToPair with preservesPartitioning: the keys do not change.
        return derived(rdd().mapPartitionsToPair(it -> keyed(it, fn, ct), true), resultType);
    }

    /** Static, so the task captures only the function and the cell type, never this layer. */
    private static Iterator<Tuple2<SpatialKey, Tile>> keyed(
            Iterator<Tuple2<SpatialKey, Tile>> it, KeyedTileFunction fn, CellType ct) {
        return eachTile(it, (k, t) -> conform(fn.apply(k, t), ct));
    }

    /**
     * {@code fn} on the pairs of tiles with the same key in this layer and {@code other}, which must be
     * on the same layout and raster grid; keys present in only one layer are dropped.
     */
    public TileLayer combine(TileLayer other, TileCombiner fn) {
        return combine(other, fn, metadata.cellType().union(other.metadata.cellType()));
    }

    public TileLayer combine(TileLayer other, TileCombiner fn, CellType resultType) {
        if (!metadata.layout().equals(other.metadata.layout())
                || grid.cols() != other.grid.cols()
                || grid.rows() != other.grid.rows()) {
            throw new IllegalArgumentException("layers are not on the same grid: " + metadata.layout() + " "
                    + grid.cols() + "x" + grid.rows() + " vs " + other.metadata.layout() + " " + other.grid.cols() + "x"
                    + other.grid.rows());
        }
        if (!Objects.equals(metadata.crs(), other.metadata.crs())) {
            throw new IllegalArgumentException(
                    "layers have different CRSs: " + metadata.crs() + " vs " + other.metadata.crs());
        }
        CellType ct = resultType;
        JavaPairRDD<SpatialKey, Tile> right = other.rdd();
        if (!base.partitioner().equals(other.base.partitioner())) {
            right = right.partitionBy(base.partitioner());
        }
        return derived(
                rdd().join(right, base.partitioner()).mapValues(p -> conform(fn.apply(p._1(), p._2()), ct)),
                resultType);
    }

    /**
     * A focal kernel on every tile: a built-in one ({@code FocalOps}: slope, hillshade, focal statistics,
     * ...) or your own ({@link FocalKernel#perCell}, {@link FocalKernel#perTile}, {@link FocalKernel#of}).
     * See {@link #focal(int, FocalKernel.TileBody, CellType)}.
     */
    public TileLayer focal(FocalKernel kernel) {
        FocalKernel k = Objects.requireNonNull(kernel, "kernel");
        return focal(k.halo(), k::apply, k.resultCellType());
    }

    /**
     * A focal step: {@code fn} gets each tile's in-raster cells with {@code radius} cells of halo
     * (neighbours' cells; beyond the raster, NoData fillers flagged as outside) and returns the
     * inner cells, of {@code resultType}. Consecutive focal steps share one halo acquisition, so
     * {@code layer.focal(a).focal(b)} reads or exchanges one halo of both radii. Results equal the
     * same steps on the whole raster, with no seams at tile edges.
     */
    public TileLayer focal(int radius, FocalKernel.TileBody fn, CellType resultType) {
        Objects.requireNonNull(fn, "fn");
        return focalStep(radius, () -> fn, resultType);
    }

    /**
     * A focal step whose function uses what {@code setup} loaded: the setup runs once per task before the
     * task's first tile (or once per executor JVM: {@link TaskSetup#perJvm}). Otherwise as
     * {@link #focal(int, FocalKernel.TileBody, CellType)}, chained steps included.
     */
    public <S> TileLayer focal(
            int radius, TaskSetup<S> setup, StatefulTileFunction<S, BufferedTile> fn, CellType resultType) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(fn, "fn");
        return focalStep(
                radius,
                () -> {
                    S state = setup.create();
                    return in -> fn.apply(state, in);
                },
                resultType);
    }

    private TileLayer focalStep(int radius, FocalChain.Opener opener, CellType resultType) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, got " + radius);
        }
        if (chain.totalRadius() + radius > Math.min(grid.tileCols(), grid.tileRows())) {
            throw new IllegalArgumentException("a total halo of " + (chain.totalRadius() + radius)
                    + " cells exceeds the tile size " + grid.tileCols() + "; use larger tiles");
        }
        TileLayerMetadata md = metadata.withCellType(resultType);
        RasterGrid g = grid.withCellType(resultType);
        CellType ct = resultType;
        FocalChain.Opener conforming = () -> {
            FocalKernel.TileBody fn = opener.open();
            return h -> conform(fn.apply(h), ct);
        };
        return new TileLayer(md, g, base, chain.then(new FocalChain.Step(radius, conforming)));
    }

    /**
     * A reduction over every in-raster cell: {@code seqOp} folds tiles (cropped to the raster) into
     * per-partition values, {@code combOp} merges them in a tree; no tile reaches the driver.
     */
    public <U> U aggregate(U zero, Function2<U, Tile, U> seqOp, Function2<U, U, U> combOp) {
        return innerTiles().values().treeAggregate(zero, seqOp, combOp);
    }

    /**
     * A mergeable reduction ({@code CellStatistics}, {@code IntHistogram}, ...) over every in-raster
     * cell, with {@code treeAggregate}: accumulators are built per partition and merged in a tree.
     */
    public <A extends MergeableAccumulator<A, R>, R> R reduce(A zero) {
        return aggregate(zero, (a, t) -> a.add(t), (a, b) -> a.merge(b)).finish();
    }

    /**
     * The cells of {@code bounds} (raster cell coordinates, inclusive) as one tile on the driver, for
     * looking at a sample or comparing with a one-JVM computation. Only the partitions holding the
     * overlapping tiles are computed; each tile is cropped on its executor. The window must lie inside
     * the raster and fit in one tile (fewer than 2³¹ cells) in the driver's memory.
     */
    public Tile window(GridBounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        if (bounds.colMin() < 0
                || bounds.rowMin() < 0
                || bounds.colMax() >= grid.cols()
                || bounds.rowMax() >= grid.rows()
                || bounds.colMin() > bounds.colMax()
                || bounds.rowMin() > bounds.rowMax()) {
            throw new IllegalArgumentException(
                    "window " + bounds + " is not inside the " + grid.cols() + "x" + grid.rows() + " raster");
        }
        if (bounds.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "window " + bounds + " has " + bounds.size() + " cells, more than one tile holds");
        }
        RasterGrid g = grid;
        GridBounds b = bounds;
        long kc0 = b.colMin() / g.tileCols();
        long kc1 = b.colMax() / g.tileCols();
        long kr0 = b.rowMin() / g.tileRows();
        long kr1 = b.rowMax() / g.tileRows();
        JavaPairRDD<SpatialKey, Tile> tiles = rdd();
        JavaPairRDD<SpatialKey, Tile> parts = tiles.filter(kv -> kv._1().col() >= kc0
                        && kv._1().col() <= kc1
                        && kv._1().row() >= kr0
                        && kv._1().row() <= kr1)
                .mapToPair(kv -> new Tuple2<>(kv._1(), cropToWindow(g, kv._1(), kv._2(), b)));
        List<Tuple2<SpatialKey, Tile>> collected = new ArrayList<>();
        if (tiles.partitioner().isPresent()) {
            Partitioner p = tiles.partitioner().get();
            TreeSet<Integer> ids = new TreeSet<>();
            for (long r = kr0; r <= kr1; r++) {
                for (long c = kc0; c <= kc1; c++) {
                    ids.add(p.getPartition(new SpatialKey((int) c, (int) r)));
                }
            }
            for (List<Tuple2<SpatialKey, Tile>> part : parts.collectPartitions(
                    ids.stream().mapToInt(Integer::intValue).toArray())) {
                collected.addAll(part);
            }
        } else {
            collected.addAll(parts.collect());
        }
        TileBuilder out = TileBuilder.noData(metadata.cellType(), (int) b.width(), (int) b.height());
        for (Tuple2<SpatialKey, Tile> kv : collected) {
            long x = Math.max(g.x0(kv._1()), b.colMin());
            long y = Math.max(g.y0(kv._1()), b.rowMin());
            out.paste(kv._2(), (int) (x - b.colMin()), (int) (y - b.rowMin()));
        }
        return out.build();
    }

    /** The part of a layout tile that lies in {@code b}; the tile must overlap it. */
    private static Tile cropToWindow(RasterGrid g, SpatialKey k, Tile t, GridBounds b) {
        long x0 = g.x0(k);
        long y0 = g.y0(k);
        int c0 = (int) (Math.max(x0, b.colMin()) - x0);
        int r0 = (int) (Math.max(y0, b.rowMin()) - y0);
        int c1 = (int) (Math.min(x0 + t.cols() - 1, b.colMax()) - x0);
        int r1 = (int) (Math.min(y0 + t.rows() - 1, b.rowMax()) - y0);
        return c0 == 0 && r0 == 0 && c1 == t.cols() - 1 && r1 == t.rows() - 1 ? t : t.crop(c0, r0, c1, r1);
    }

    /** Keeps the computed tiles in memory (or on disk) for reuse by later actions. */
    public TileLayer persist(StorageLevel level) {
        JavaPairRDD<SpatialKey, Tile> r = rdd().persist(level);
        return new TileLayer(
                metadata, grid, new LayerBase.FromRdd(r, grid, base.partitioner()), new FocalChain(List.of()));
    }

    static Tile conform(Tile t, CellType ct) {
        return t.cellType().equals(ct) ? t : t.convert(ct);
    }

    RasterGrid grid() {
        return grid;
    }
}
