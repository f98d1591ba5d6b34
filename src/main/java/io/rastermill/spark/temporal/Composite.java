package io.rastermill.spark.temporal;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.temporal.SceneDates;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.TiffEntry;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.RastermillConf;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.warp.WarpSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * A series of scenes reduced per cell across time onto one grid: a median composite, a maximum, a per-cell trend.
 * {@link #open} reads the headers and times on the driver; {@link #between} keeps a time range; {@link #reduce}
 * gives the result as layers.
 *
 * <p><b>How it runs.</b> The keys are the target tiles some scene's footprint reaches (as {@link GeoTiffWarp}).
 * Each task takes its tiles one by one and streams over the scenes in time order: per scene it reads the source
 * window the tile needs, drops the cells the mask marks, warps the rest onto the tile
 * ({@link io.rastermill.core.warp.BlockWarp}) and adds them to the tile's
 * {@link io.rastermill.core.temporal.TemporalAccumulator}. No raster data is shuffled.
 *
 * <p><b>Memory per task</b>: one tile of {@code c} cells at a time; exact median and percentiles hold {@code c × s × 4}
 * bytes for the {@code s} scenes that observe the tile (8 where a value is not exactly a float), every other reducer at most six {@code c}-cell arrays
 * whatever the number of scenes; plus one source window per scene while it is warped.
 *
 * <p>Immutable.
 */
public final class Composite {
    private final SparkSession spark;
    private final List<Scene> scenes;
    private final Crs sourceCrs;

    private Composite(SparkSession spark, List<Scene> scenes, Crs sourceCrs) {
        this.spark = spark;
        this.scenes = List.copyOf(scenes);
        this.sourceCrs = sourceCrs;
    }

    /**
     * The GeoTIFFs {@code pathsOrGlobs} name, dated by {@code dating} and sorted by time (scenes without a time keep
     * their given order, after the dated ones).
     *
     * @param sourceCrs the CRS of every scene, or null for each file's own
     * @throws IllegalArgumentException naming the file when no scene is given, a table or pattern gives no time
     *                                  for it, or its date does not parse
     */
    public static Composite open(SparkSession spark, List<String> pathsOrGlobs, SceneDating dating, Crs sourceCrs)
            throws IOException {
        Configuration conf =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).hadoopConfiguration();
        List<String> files = new ArrayList<>();
        for (String p : pathsOrGlobs) {
            files.addAll(TileLayers.listGeoTiffs(List.of(p), conf));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no scenes: " + String.join(" ", pathsOrGlobs) + " name no GeoTIFF");
        }
        List<Scene> scenes = new ArrayList<>();
        for (String f : files) {
            scenes.add(new Scene(f, time(f, dating, conf)));
        }
        scenes.sort(Comparator.comparing((Scene s) -> s.time().orElse(Instant.MAX)));
        return new Composite(spark, scenes, sourceCrs);
    }

    private static Optional<Instant> time(String file, SceneDating dating, Configuration conf) throws IOException {
        if (dating.table() != null) {
            return Optional.of(SceneDates.lookup(dating.table(), file)
                    .orElseThrow(() -> new IllegalArgumentException(
                            file + ": not in the dates table (give every scene a line path,time)")));
        }
        if (dating.namePattern() != null) {
            return Optional.of(SceneDates.fromName(file, dating.namePattern())
                    .orElseThrow(() -> new IllegalArgumentException(
                            file + ": the date pattern '" + dating.namePattern() + "' does not match its name")));
        }
        Optional<TiffEntry> tag;
        try (GeoTiffReader r = GeoTiffReader.open(file, conf)) {
            tag = r.structure().directories().get(0).entry(DATE_TIME_TAG);
        }
        if (tag.isPresent()) {
            try {
                return Optional.of(SceneDates.parse(tag.get().ascii()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": TIFFTAG_DATETIME " + e.getMessage(), e);
            }
        }
        return SceneDates.fromName(file, SceneDates.DEFAULT_NAME_PATTERN);
    }

    /** TIFF tag 306, DateTime ({@code YYYY:MM:DD HH:MM:SS}), GDAL's TIFFTAG_DATETIME. */
    static final int DATE_TIME_TAG = 306;

    /** The scenes, in time order. */
    public List<Scene> scenes() {
        return scenes;
    }

    /**
     * The scenes taken in {@code [start, end)}; either bound may be null (open).
     *
     * @throws IllegalArgumentException if a scene has no time, or none is in the range
     */
    public Composite between(Instant start, Instant end) {
        List<Scene> kept = new ArrayList<>();
        for (Scene s : scenes) {
            Instant t = s.time()
                    .orElseThrow(
                            () -> new IllegalArgumentException(
                                    s.uri()
                                            + ": no date (no TIFFTAG_DATETIME, none in the name); give --dates or --date-pattern to select by time"));
            if ((start == null || !t.isBefore(start)) && (end == null || t.isBefore(end))) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no scene in [" + (start == null ? "-inf" : start) + ", "
                    + (end == null ? "+inf" : end) + "): the " + scenes.size() + " scene(s) are dated "
                    + scenes.get(0).time().orElseThrow() + " .. "
                    + scenes.get(scenes.size() - 1).time().orElseThrow());
        }
        return new Composite(spark, kept, sourceCrs);
    }

    /** The scenes' headers, in time order, with the band-count check of {@link GeoTiffWarp#open}. */
    private GeoTiffWarp warp() throws IOException {
        return GeoTiffWarp.open(spark, scenes.stream().map(Scene::uri).toList(), sourceCrs);
    }

    /**
     * The headers of the scenes: grids, bands, cell types, read once.
     *
     * @throws IllegalArgumentException naming the file without georeferencing or CRS, or whose band count differs
     */
    public Prepared prepare() throws IOException {
        return new Prepared(warp());
    }

    /** A composite whose scene headers have been read: grids can be chosen and the reduction run. */
    public final class Prepared {
        private final GeoTiffWarp warp;

        private Prepared(GeoTiffWarp warp) {
            this.warp = warp;
        }

        public int bandCount() {
            return warp.bandCount();
        }

        /** The scenes' (first scene's) cell type. */
        public CellType sourceCellType() {
            return warp.sources().get(0).cellType();
        }

        /** The target grid {@code spec} gives for these scenes (gdalwarp's default grid where it says nothing). */
        public WarpGrid targetGrid(TargetGridSpec spec) {
            return warp.targetGrid(spec);
        }

        /** The output cell type: the options' if set, else the reducer's default over the scenes' type. */
        public CellType cellType(TemporalReducer reducer, WarpOptions options) {
            return options.cellType() != null ? options.cellType() : reducer.defaultCellType(sourceCellType());
        }

        /** The result's description: {@code bands × reducer.bandCount()} bands on {@code grid}. */
        public RasterDescription describe(WarpGrid grid, TemporalReducer reducer, WarpOptions options, int bands) {
            return RasterDescription.of(
                            grid.cols(), grid.rows(), bands * reducer.bandCount(), cellType(reducer, options))
                    .withRasterExtent(grid.grid())
                    .withCrs(grid.crs());
        }

        /** How many tiles each output band has. */
        public int tileCount(WarpGrid grid, int tileSize) {
            return warp.tileCount(grid, tileSize);
        }

        /**
         * Checks {@code mask} against the scenes' bands (named A, B, C… for bands 1, 2, 3…).
         *
         * @throws io.rastermill.core.calc.CalcSyntaxException for an unknown name (a band the scenes lack) or a type error
         */
        public void checkMask(CalcExpression mask) {
            for (WarpSource s : warp.sources()) {
                mask.compile(CompositeTask.maskInputs(s.cellType().withNoNoData(), bandCount()));
            }
        }

        /**
         * Bands {@code bands} (0-based) of the scenes reduced onto {@code grid}: for the {@code i}-th of them and
         * reducer band {@code j}, layer {@code i * reducer.bandCount() + j}.
         *
         * <p>A reducer of several bands ({@code trend}) computes each tile's bands together: that RDD is persisted
         * ({@code MEMORY_AND_DISK}) so that its layers do not recompute it; unpersist it ({@code layer.rdd()}'s parent)
         * or let the session end once the result is written.
         *
         * @param mask an expression over each scene's bands, true (or NoData) where a cell is dropped; null for none
         */
        public List<TileLayer> reduce(
                WarpGrid grid, TemporalReducer reducer, WarpOptions options, CalcExpression mask, int... bands) {
            for (int b : bands) {
                if (b < 0 || b >= bandCount()) {
                    throw new IllegalArgumentException(
                            "band " + (b + 1) + " does not exist; the scenes have " + bandCount());
                }
            }
            if (mask != null) {
                checkMask(mask);
            }
            if (reducer.kind() == TemporalReducer.Kind.FIRST
                    || reducer.kind() == TemporalReducer.Kind.LAST
                    || reducer.kind() == TemporalReducer.Kind.TREND) {
                for (Scene s : scenes) {
                    s.time()
                            .orElseThrow(() -> new IllegalArgumentException(
                                    s.uri() + ": no date (no TIFFTAG_DATETIME," + " none in the name), which " + reducer
                                            + " needs; give --dates or --date-pattern"));
                }
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int ts = options.tileSize();
            CellType ct = cellType(reducer, options);
            LayoutDefinition layout = LayoutDefinition.fromGrid(grid.grid(), ts, ts);
            TileLayerMetadata md = TileLayerMetadata.of(ct, layout, grid.grid().extent(), grid.crs());
            List<SpatialKey> keys = warp.keys(grid, ts);
            Partitioner partitioner = TileLayers.partitionerFor(
                    keys, TileLayers.ReadOptions.defaults().withTileSize(ts), jsc.defaultParallelism());
            JavaPairRDD<SpatialKey, Boolean> keyRdd = TileLayers.keyRdd(jsc, keys, partitioner);
            double[] days = days();
            List<TileLayer> out = new ArrayList<>();
            for (int b : bands) {
                CompositeTask task = new CompositeTask(
                        warp.sources(),
                        days,
                        grid,
                        b,
                        reducer,
                        options,
                        ct,
                        mask,
                        new HadoopConf(jsc.hadoopConfiguration()),
                        RastermillConf.blockCacheBytes(spark.sparkContext().getConf()),
                        IoMetrics.bytesRead(spark.sparkContext()));
                JavaPairRDD<SpatialKey, Tile[]> reduced = keyRdd.mapPartitionsToPair(task, true);
                if (reducer.bandCount() > 1) {
                    reduced = reduced.persist(StorageLevel.MEMORY_AND_DISK());
                }
                for (int j = 0; j < reducer.bandCount(); j++) {
                    int band = j;
                    out.add(TileLayers.fromRdd(reduced.mapValues(t -> t[band]), md));
                }
            }
            return out;
        }
    }

    /** Each scene's time in days since the first dated scene; NaN where unknown. */
    private double[] days() {
        Instant origin = scenes.get(0).time().orElse(null);
        double[] d = new double[scenes.size()];
        for (int i = 0; i < d.length; i++) {
            Optional<Instant> t = scenes.get(i).time();
            d[i] = origin == null || t.isEmpty() ? Double.NaN : SceneDates.days(t.get(), origin);
        }
        return d;
    }
}
