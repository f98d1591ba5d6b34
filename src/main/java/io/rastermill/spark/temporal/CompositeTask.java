package io.rastermill.spark.temporal;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.temporal.TemporalAccumulator;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.SourceWindow;
import io.rastermill.core.warp.WarpBuffers;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.core.warp.WarpedValues;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.warp.SourceReaders;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.warp.WarpSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The executor side of a composite: one partition of target keys in, each key's reduced bands out, lazily. Per key
 * the scenes stream through one accumulator in time order; per scene one source window is read (the value band and
 * the mask's bands), masked, warped and added.
 *
 * <p>Memory per task: the accumulator of one tile (see {@link TemporalReducer}: a few tile-sized arrays for the
 * streaming reducers, every valid value for the median and percentiles) and one scene's input at a time: its window,
 * its file open only while read ({@link SourceReaders}), one set of warp buffers. What grows with the number of scenes
 * is their description only (this task's list of sources, their headers: kilobytes each).
 */
final class CompositeTask implements PairFlatMapFunction<Iterator<Tuple2<SpatialKey, Boolean>>, SpatialKey, Tile[]> {
    private static final long serialVersionUID = 1L;
    /** Warps kept per task, each for one source grid (see {@link Warps}). */
    private static final int WARPS_KEPT = 4;

    private final List<WarpSource> sources;
    private final double[] days;
    private final WarpGrid target;
    private final int band;
    private final TemporalReducer reducer;
    private final WarpOptions options;
    private final CellType cellType;
    private final CalcExpression mask;
    private final HadoopConf conf;
    private final long decodedCacheBytes;
    private final LongAccumulator bytesRead;

    CompositeTask(
            List<WarpSource> sources,
            double[] days,
            WarpGrid target,
            int band,
            TemporalReducer reducer,
            WarpOptions options,
            CellType cellType,
            CalcExpression mask,
            HadoopConf conf,
            long decodedCacheBytes,
            LongAccumulator bytesRead) {
        this.sources = List.copyOf(sources);
        this.days = days.clone();
        this.target = target;
        this.band = band;
        this.reducer = reducer;
        this.options = options;
        this.cellType = cellType;
        this.mask = mask;
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
        this.bytesRead = bytesRead;
    }

    /** The mask's inputs: the bands it names (A = band 1, …), each with the scene's cell type, in name order. */
    static Map<String, CellType> maskInputs(CellType cellType, int bandCount) {
        Map<String, CellType> inputs = new LinkedHashMap<>();
        for (int b = 0; b < Math.min(bandCount, 26); b++) {
            inputs.put(String.valueOf((char) ('A' + b)), cellType);
        }
        return inputs;
    }

    @Override
    public Iterator<Tuple2<SpatialKey, Tile[]>> call(Iterator<Tuple2<SpatialKey, Boolean>> keys) {
        // The decoded-block budget is the task's, shared by its scenes (SourceReaders): per file it would hold
        // scenes × budget of blocks alive (24 × 96 MB), which the collector copies again and again, for blocks an
        // aligned scene reads once.
        SourceReaders readers = new SourceReaders(conf.get(), sources, decodedCacheBytes).closedWithTask();
        Warps warps = new Warps();
        AlignedScene[] aligned = new AlignedScene[sources.size()];
        for (int s = 0; s < aligned.length; s++) {
            aligned[s] = AlignedScene.of(target, sources.get(s).grid(), options.resampling());
        }
        Map<CellType, CalcProgram.Evaluator> masks = new HashMap<>();
        Scratch scratch = new Scratch();
        IoMetrics.RunningTotal read = new IoMetrics.RunningTotal(bytesRead);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Tuple2<SpatialKey, Tile[]> next() {
                SpatialKey k = keys.next()._1();
                Tile[] t = reduceTile(k, warps, aligned, readers, masks, scratch);
                read.update(readers.bytesRead());
                return new Tuple2<>(k, t);
            }
        };
    }

    private Tile[] reduceTile(
            SpatialKey key,
            Warps warps,
            AlignedScene[] aligned,
            SourceReaders readers,
            Map<CellType, CalcProgram.Evaluator> masks,
            Scratch scratch) {
        int ts = options.tileSize();
        int x0 = key.col() * ts;
        int y0 = key.row() * ts;
        int w = Math.min(ts, target.cols() - x0);
        int h = Math.min(ts, target.rows() - y0);
        scratch.resize(w * h);
        TemporalAccumulator acc = scratch.acc;
        double[] warped = scratch.warped;
        int[] block = scratch.block;
        for (int s = 0; s < sources.size(); s++) {
            WarpSource src = sources.get(s);
            if (aligned[s] != null) {
                GridBounds need = aligned[s].window(x0, y0, w, h);
                if (need == null) {
                    continue;
                }
                MultibandTile read = read(s, need, key, readers);
                Tile values = read.band(0);
                double[] dropped = mask == null ? null : maskOf(read, src, need, key, masks);
                if (values.cellType().isFloatingPoint()) {
                    double[] cells = values.toDoubleLane();
                    drop(cells, dropped);
                    Arrays.fill(warped, Double.NaN);
                    aligned[s].copy(cells, need, x0, y0, warped, w);
                    acc.add(warped, days[s]);
                } else if (need.width() == w && need.height() == h) { // the whole block: read in place
                    values.readInts(block);
                    drop(block, dropped);
                    acc.add(block, days[s]);
                } else { // integer scenes stay in the int lane: a compact reducer keeps them as they are
                    int[] window = scratch.window(values.cols() * values.rows());
                    values.readInts(window);
                    drop(window, dropped);
                    Arrays.fill(block, NoData.INT);
                    aligned[s].copy(window, need, x0, y0, block, w);
                    acc.add(block, days[s]);
                }
                continue;
            }
            BlockWarp warp = warps.of(src);
            GridBounds need = warp.locate(x0, y0, w, h);
            if (need == null) {
                continue;
            }
            MultibandTile read = read(s, need, key, readers);
            double[] cells = read.band(0).toDoubleLane();
            if (mask != null) {
                drop(cells, maskOf(read, src, need, key, masks));
            }
            Arrays.fill(warped, Double.NaN);
            warp.warp(
                    new SourceWindow(
                            cells, (int) need.colMin(), (int) need.rowMin(), (int) need.width(), (int) need.height()),
                    warped);
            acc.add(warped, days[s]);
        }
        double[][] result = acc.result();
        Tile[] out = new Tile[result.length];
        for (int j = 0; j < result.length; j++) {
            Tile inner = Tiles.fromDoubleLane(cellType, w, h, WarpedValues.fitted(result[j], cellType));
            out[j] = w == ts && h == ts
                    ? inner
                    : TileBuilder.noData(cellType, ts, ts).paste(inner, 0, 0).build();
        }
        return out;
    }

    /**
     * What a task's tiles pass through, one tile after another: the accumulator and the per-scene arrays, reused so
     * that a tile of {@code s} scenes does not allocate {@code s} tile-sized arrays again (they outlived the young
     * generation and made the collector copy them). Rebuilt only for a tile of another size (edge tiles).
     */
    private final class Scratch {
        private int cells = -1;
        private TemporalAccumulator acc;
        private double[] warped;
        private int[] block;
        private int[] window = new int[0];

        void resize(int n) {
            if (n == cells) {
                acc.clear();
                return;
            }
            cells = n;
            acc = reducer.newAccumulator(n);
            warped = new double[n];
            block = new int[n];
        }

        int[] window(int n) {
            if (window.length != n) {
                window = new int[n];
            }
            return window;
        }
    }

    /**
     * The warps of scenes that are not on the target grid, by source grid, all working in one set of buffers (the
     * source coordinates of a tile's cells, 16 bytes a cell): scenes on one grid (a series of one footprint) share a
     * warp, and the last {@value #WARPS_KEPT} grids' are kept (orbits that alternate), older ones made again when
     * needed (the transform is cheap to set up beside the warp).
     */
    private final class Warps extends LinkedHashMap<WarpGrid, BlockWarp> {
        private static final long serialVersionUID = 1L;
        private final transient WarpBuffers buffers = new WarpBuffers();

        Warps() {
            super(8, 0.75f, true);
        }

        BlockWarp of(WarpSource src) {
            return computeIfAbsent(
                    src.grid(), g -> new BlockWarp(target, g, options.resampling(), options.maxError(), buffers));
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<WarpGrid, BlockWarp> eldest) {
            return size() > WARPS_KEPT;
        }
    }

    /** The window's value band (with {@code -srcnodata} applied) and the bands the mask reads. */
    private MultibandTile read(int scene, GridBounds need, SpatialKey key, SourceReaders readers) {
        WarpSource src = sources.get(scene);
        try {
            MultibandTile read = readers.read(scene, need, bandsToRead(src.bandCount()));
            if (options.sourceNoData().isEmpty()) {
                return read;
            }
            Tile[] bands = new Tile[read.bandCount()];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = read.band(b);
            }
            bands[0] = bands[0].interpretAs(bands[0].cellType().withNoData(options.sourceNoData()));
            return MultibandTile.of(bands);
        } catch (IOException | RuntimeException e) {
            throw failure(src, need, key, e);
        }
    }

    private static IllegalStateException failure(WarpSource src, GridBounds need, SpatialKey key, Exception e) {
        return new IllegalStateException(
                "composite: reading window " + need + " of " + src.uri() + " for tile " + key + ": " + e.getMessage(),
                e);
    }

    /** The value band first, then every band when a mask reads the scene's bands. */
    private int[] bandsToRead(int bandCount) {
        if (mask == null) {
            return new int[] {band};
        }
        int n = Math.min(bandCount, 26);
        int[] bands = new int[1 + n];
        bands[0] = band;
        for (int b = 0; b < n; b++) {
            bands[1 + b] = b;
        }
        return bands;
    }

    /**
     * The mask over the window: non-zero where it is true or NoData. It reads raw values: a GeoTIFF's NoData value
     * applies to all its bands, and a QA band's 0 (often "clear") must stay a value for its bits to be tested.
     */
    private double[] maskOf(
            MultibandTile read,
            WarpSource src,
            GridBounds need,
            SpatialKey key,
            Map<CellType, CalcProgram.Evaluator> masks) {
        try {
            CellType ct = src.cellType().withNoNoData();
            CalcProgram.Evaluator eval = masks.computeIfAbsent(
                    ct, c -> mask.compile(maskInputs(c, src.bandCount())).newEvaluator());
            List<Tile> inputs = new ArrayList<>(read.bandCount() - 1);
            for (int b = 1; b < read.bandCount(); b++) {
                Tile t = read.band(b);
                inputs.add(t.interpretAs(t.cellType().withNoNoData()));
            }
            return eval.evaluate(inputs, CellType.FLOAT64).toDoubleLane();
        } catch (RuntimeException e) {
            throw failure(src, need, key, e);
        }
    }

    /** NaN where {@code dropped} (null: none) is non-zero. */
    private static void drop(double[] cells, double[] dropped) {
        if (dropped != null) {
            for (int i = 0; i < dropped.length; i++) {
                if (dropped[i] != 0) {
                    cells[i] = Double.NaN;
                }
            }
        }
    }

    /** As {@link #drop(double[], double[])}, in the int lane. */
    private static void drop(int[] cells, double[] dropped) {
        if (dropped != null) {
            for (int i = 0; i < dropped.length; i++) {
                if (dropped[i] != 0) {
                    cells[i] = NoData.INT;
                }
            }
        }
    }
}
