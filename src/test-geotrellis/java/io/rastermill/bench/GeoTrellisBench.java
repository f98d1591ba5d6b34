package io.rastermill.bench;

import com.sun.management.OperatingSystemMXBean;
import geotrellis.layer.KeyBounds;
import geotrellis.layer.LayoutDefinition;
import geotrellis.layer.LayoutDefinition$;
import geotrellis.layer.TileLayerMetadata;
import geotrellis.proj4.CRS;
import geotrellis.raster.FloatConstantNoDataCellType$;
import geotrellis.raster.MultibandTile;
import geotrellis.raster.geotiff.GeoTiffPath$;
import geotrellis.raster.geotiff.GeoTiffRasterSource;
import geotrellis.raster.geotiff.GeoTiffRasterSource$;
import geotrellis.raster.histogram.Histogram;
import geotrellis.raster.io.geotiff.SinglebandGeoTiff$;
import geotrellis.raster.mapalgebra.focal.TargetCell;
import geotrellis.raster.mapalgebra.focal.ZFactor$;
import geotrellis.spark.ContextRDD;
import geotrellis.spark.RasterSourceRDD$;
import geotrellis.spark.package$;
import geotrellis.util.Component;
import geotrellis.util.Component$;
import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import io.rastermill.spark.layer.LayerCalc;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.File;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Function1;
import scala.Function2;
import scala.Option;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Rastermill next to GeoTrellis 3.7.1 on one Spark session (local[2]), same files, same cores.
 * <ul>
 * <li>{@code slope}: GeoTrellis's own focal Slope over its tiled layer (512² tiles read by its
 * GeoTiffRasterSource, buffers exchanged by its BufferTiles) vs our slope kernel in the GeoTrellis
 * convention (its formula, so the cells are comparable).</li>
 * <li>{@code ndvi}: GeoTrellis's local op as its users write it (both layers converted to float32, joined by key,
 * {@code combineDouble}) vs our calc {@code (B - A) / (B + A)} to float32.</li>
 * <li>{@code stats}: what {@code rastermill stats DEM --histogram --percentiles 5,50,95} computes (the layer
 * persisted, exact count/min/max/mean/stddev, percentiles from 65,536 equal bins, gdalinfo's 256-bucket histogram)
 * vs GeoTrellis's way to the same answers: its layer's {@code histogram()} (a StreamingHistogram of its default 80
 * buckets per tile, merged), then that histogram's {@code statistics()} and {@code percentile}. No file is written;
 * the values of the last pass are compared.</li>
 * </ul>
 * Each side reads the GeoTIFFs itself and writes its result: ours one Deflate GeoTIFF (predictor 3, no overviews),
 * GeoTrellis one GeoTIFF per tile with its GeoTiff writer at its default options (no compression: GeoTrellis has no
 * single-file Spark writer, and skipping compression only flatters it). Passes alternate; each run prints wall
 * seconds and process CPU seconds (all threads). Then the two results are compared on one inner tile.
 * Not a unit test; run by src/test/bench/geotrellis-bench.sh.
 * Usage: {@code GeoTrellisBench slope|ndvi|stats OUTDIR PASSES FILE...} (slope, stats: DEM; ndvi: RED NIR)
 */
public final class GeoTrellisBench {
    private static final int TILE = 512;
    private static final ClassTag<geotrellis.layer.SpatialKey> KEY =
            ClassTag$.MODULE$.apply(geotrellis.layer.SpatialKey.class);
    /** The bins {@code rastermill stats} reads float percentiles from (its FLOAT_PERCENTILE_BINS). */
    private static final int PERCENTILE_BINS = 1 << 16;
    /** The percentiles both sides report: p5, p50, p95. */
    private static final double[] QUANTILES = {0.05, 0.5, 0.95};
    /** GeoTrellis's quantile breaks are at i / BREAKS, i = 1..BREAKS, so 20 of them hold the three above. */
    private static final int BREAKS = 20;

    private GeoTrellisBench() {}

    public static void main(String[] args) throws Exception {
        String op = args[0];
        String out = args[1];
        int passes = Integer.parseInt(args[2]);
        List<String> files = List.of(args).subList(3, args.length);
        SparkSession spark = new RastermillSpark(
                        RastermillSpark.localDefaults().with("spark.master", "local[2]", SettingSource.COMMAND_LINE))
                .session();
        try {
            new File(out).mkdirs();
            if (op.equals("stats")) {
                LayerStats[] last = new LayerStats[2];
                for (int pass = 1; pass <= passes; pass++) {
                    timed(op, "rastermill", pass, () -> last[0] = oursStats(spark, files.get(0)));
                    timed(op, "geotrellis", pass, () -> last[1] = geotrellisStats(spark.sparkContext(), files.get(0)));
                }
                compareStats(last[0], last[1]);
                return;
            }
            for (int pass = 1; pass <= passes; pass++) {
                timed(op, "rastermill", pass, () -> ours(spark, op, files, out + "/ours.tif"));
                timed(op, "geotrellis", pass, () -> geotrellis(spark.sparkContext(), op, files, out + "/gt"));
            }
            compare(spark, op, files);
        } finally {
            spark.stop();
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static void timed(String op, String who, int pass, Run run) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        run.run();
        System.out.printf(
                Locale.ROOT,
                "%s\t%s\t%d\t%.2f\t%.2f%n",
                op,
                who,
                pass,
                (System.nanoTime() - t0) / 1e9,
                (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    // ------------------------------------------------------------------ ours

    private static TileLayer oursLayer(SparkSession spark, String op, List<String> files) throws Exception {
        TileLayers.ReadOptions read = TileLayers.ReadOptions.defaults();
        if (op.equals("slope")) {
            return TileLayers.readGeoTiffs(spark, List.of(files.get(0)), read)
                    .focal(FocalOps.slopeKernel(SlopeParams.GEOTRELLIS));
        }
        List<LayerCalc.Input> in = List.of(
                new LayerCalc.Input("A", files.get(0), TileLayers.readGeoTiffs(spark, List.of(files.get(0)), read)),
                new LayerCalc.Input("B", files.get(1), TileLayers.readGeoTiffs(spark, List.of(files.get(1)), read)));
        return LayerCalc.calc(CalcExpression.parse("(B - A) / (B + A)"), in, CellType.parse("float32"));
    }

    private static void ours(SparkSession spark, String op, List<String> files, String target) throws Exception {
        LayerGeoTiffWriter.write(
                oursLayer(spark, op, files),
                target,
                GeoTiffWriteOptions.builder()
                        .predictor(3)
                        .cog(false)
                        .overviews(0)
                        .build());
    }

    /**
     * The steps of {@code rastermill stats FILE --histogram --percentiles 5,50,95} on a float raster: the layer
     * persisted as the command persists it, one pass for the statistics, one for the percentile bins, one for the
     * 256 buckets.
     */
    private static LayerStats oursStats(SparkSession spark, String file) throws Exception {
        TileLayer cached = TileLayers.readGeoTiffs(spark, List.of(file), TileLayers.ReadOptions.defaults())
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            Statistics s = cached.reduce(new CellStatistics());
            DoubleHistogram fine = cached.reduce(DoubleHistogram.over(s, PERCENTILE_BINS));
            long buckets = cached.reduce(DoubleHistogram.gdalDefault(s)).totalCount();
            double[] p = new double[QUANTILES.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = fine.percentile(QUANTILES[i]);
            }
            if (buckets != s.dataCells()) {
                throw new IllegalStateException("histogram holds " + buckets + " cells, statistics " + s.dataCells());
            }
            return new LayerStats(s.dataCells(), s.min(), s.max(), s.mean(), s.stddev(), p, fine.errorBound());
        } finally {
            cached.rdd().unpersist(false);
        }
    }

    // ------------------------------------------------------------------ GeoTrellis

    /** A GeoTrellis layer of band 0 of {@code path}, in 512² tiles of the file's own grid. */
    private static ContextRDD<
                    geotrellis.layer.SpatialKey, geotrellis.raster.Tile, TileLayerMetadata<geotrellis.layer.SpatialKey>>
            gtLayer(SparkContext sc, String path) {
        GeoTiffRasterSource src =
                GeoTiffRasterSource$.MODULE$.apply(GeoTiffPath$.MODULE$.apply(path), Option.empty(), Option.empty());
        LayoutDefinition layout =
                LayoutDefinition$.MODULE$.apply(src.gridExtent().toRasterExtent(), TILE);
        RDD<Tuple2<geotrellis.layer.SpatialKey, MultibandTile>> bands =
                RasterSourceRDD$.MODULE$.spatial(src, layout, sc);
        RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> band0 = JavaRDD.fromRDD(
                        bands,
                        ClassTag$.MODULE$.<Tuple2<geotrellis.layer.SpatialKey, MultibandTile>>apply(Tuple2.class))
                .map(kv -> new Tuple2<>(kv._1(), kv._2().band(0)))
                .rdd();
        KeyBounds<geotrellis.layer.SpatialKey> bounds = new KeyBounds<>(
                new geotrellis.layer.SpatialKey(0, 0),
                new geotrellis.layer.SpatialKey(layout.layoutCols() - 1, layout.layoutRows() - 1));
        return new ContextRDD<>(
                band0, new TileLayerMetadata<>(src.cellType(), layout, src.extent(), src.crs(), bounds));
    }

    /** The identity component GeoTrellis's implicits want; its functions must be serializable (they ship in closures). */
    private static Component<geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey> identity() {
        return Component$.MODULE$.apply(
                (Function1<geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey> & Serializable) k -> k,
                (Function2<geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey>
                                & Serializable)
                        (k, v) -> v);
    }

    private static RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> gtResult(
            SparkContext sc, String op, List<String> files) {
        if (op.equals("slope")) {
            return package$.MODULE$
                    .withFocalTileRDDMethods(gtLayer(sc, files.get(0)), KEY, identity())
                    .slope(
                            ZFactor$.MODULE$.apply((Function1<Object, Object> & Serializable) latitude -> 1.0),
                            TargetCell.All$.MODULE$,
                            Option.empty());
        }
        JavaPairRDD<geotrellis.layer.SpatialKey, geotrellis.raster.Tile> red = JavaPairRDD.fromRDD(
                gtLayer(sc, files.get(0)), KEY, ClassTag$.MODULE$.apply(geotrellis.raster.Tile.class));
        JavaPairRDD<geotrellis.layer.SpatialKey, geotrellis.raster.Tile> nir = JavaPairRDD.fromRDD(
                gtLayer(sc, files.get(1)), KEY, ClassTag$.MODULE$.apply(geotrellis.raster.Tile.class));
        return red.join(nir)
                .mapValues(rn -> rn._1()
                        .convert(FloatConstantNoDataCellType$.MODULE$)
                        .combineDouble(rn._2().convert(FloatConstantNoDataCellType$.MODULE$), (Function2<
                                        Object, Object, Object>)
                                (r, n) -> ((Double) n - (Double) r) / ((Double) n + (Double) r)))
                .rdd();
    }

    private static void geotrellis(SparkContext sc, String op, List<String> files, String dir) {
        new File(dir).mkdirs();
        GeoTiffRasterSource src = GeoTiffRasterSource$.MODULE$.apply(
                GeoTiffPath$.MODULE$.apply(files.get(0)), Option.empty(), Option.empty());
        LayoutDefinition layout =
                LayoutDefinition$.MODULE$.apply(src.gridExtent().toRasterExtent(), TILE);
        CRS crs = src.crs();
        JavaRDD.fromRDD(
                        gtResult(sc, op, files),
                        ClassTag$.MODULE$.<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>>apply(
                                Tuple2.class))
                .foreach(kv -> SinglebandGeoTiff$.MODULE$
                        .apply(kv._2(), layout.mapTransform().keyToExtent(kv._1()), crs)
                        .write(dir + "/" + kv._1().col() + "_" + kv._1().row() + ".tif", false));
    }

    /**
     * GeoTrellis's layer summary as its users get it: the merged StreamingHistogram, its {@code statistics()} and its
     * {@code quantileBreaks(20)} (the breaks at 5 %, 10 %, ..., 100 %: p5, p50 and p95 among them; {@code Histogram}
     * itself has no percentile method). Its min and max are the merged histogram's: a merge keeps the first side's
     * seen extremes and only the bucket centroids of the other, so they need not be the layer's.
     */
    private static LayerStats geotrellisStats(SparkContext sc, String file) {
        Histogram<Object> h =
                package$.MODULE$.withStatsTileRDDMethods(gtLayer(sc, file), KEY).histogram();
        geotrellis.raster.summary.Statistics<Object> s = h.statistics().get();
        double[] breaks = (double[]) h.quantileBreaks(BREAKS);
        double[] p = new double[QUANTILES.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = breaks[(int) Math.round(QUANTILES[i] * BREAKS) - 1];
        }
        return new LayerStats(s.dataCells(), (Double) s.zmin(), (Double) s.zmax(), s.mean(), s.stddev(), p, Double.NaN);
    }

    // ------------------------------------------------------------------ values

    /** One side's summary of a layer; {@code bound} is the stated error of its percentiles (NaN: none stated). */
    private record LayerStats(
            long count, double min, double max, double mean, double stddev, double[] percentiles, double bound) {}

    /** Each value of the two summaries side by side, with its difference (relative for mean and stddev). */
    private static void compareStats(LayerStats ours, LayerStats gt) {
        System.out.printf(
                Locale.ROOT,
                "count: ours %d, GeoTrellis %d (%s)%n",
                ours.count(),
                gt.count(),
                ours.count() == gt.count() ? "equal" : "differ");
        printValue("min", ours.min(), gt.min(), false);
        printValue("max", ours.max(), gt.max(), false);
        printValue("mean", ours.mean(), gt.mean(), true);
        printValue("stddev", ours.stddev(), gt.stddev(), true);
        for (int i = 0; i < QUANTILES.length; i++) {
            printValue(
                    String.format(Locale.ROOT, "p%.0f (ours within ±%.3g)", QUANTILES[i] * 100, ours.bound()),
                    ours.percentiles()[i],
                    gt.percentiles()[i],
                    false);
        }
    }

    private static void printValue(String name, double ours, double gt, boolean relative) {
        double diff = Math.abs(ours - gt);
        System.out.printf(
                Locale.ROOT,
                "%s: ours %.12g, GeoTrellis %.12g (%s)%n",
                name,
                ours,
                gt,
                diff == 0
                        ? "equal"
                        : relative
                                ? String.format(Locale.ROOT, "relative difference %.3g", diff / Math.abs(ours))
                                : String.format(Locale.ROOT, "difference %.3g", diff));
    }

    // ------------------------------------------------------------------ cells

    /** The largest difference between the two results over one inner tile where both hold data. */
    private static void compare(SparkSession spark, String op, List<String> files) throws Exception {
        TileLayer ours = oursLayer(spark, op, files);
        int col = Math.min(1, ours.metadata().layout().tileLayout().layoutCols() - 1);
        int row = Math.min(1, ours.metadata().layout().tileLayout().layoutRows() - 1);
        Tile a = ours.rdd().lookup(new SpatialKey(col, row)).get(0);
        geotrellis.raster.Tile b = JavaPairRDD.fromRDD(
                        gtResult(spark.sparkContext(), op, files),
                        KEY,
                        ClassTag$.MODULE$.apply(geotrellis.raster.Tile.class))
                .lookup(new geotrellis.layer.SpatialKey(col, row))
                .get(0);
        double max = 0;
        long compared = 0;
        List<String> mismatched = new ArrayList<>();
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                double x = a.getDouble(c, r);
                double y = b.getDouble(c, r);
                if (Double.isNaN(x) != Double.isNaN(y)) {
                    if (mismatched.size() < 3) {
                        mismatched.add("(" + c + "," + r + ") ours " + x + " GeoTrellis " + y);
                    }
                } else if (!Double.isNaN(x)) {
                    max = Math.max(max, Math.abs(x - y));
                    compared++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "cells of tile (%d, %d): %d compared, max difference %.3g; NoData differs: %s%n",
                col,
                row,
                compared,
                max,
                mismatched.isEmpty() ? "nowhere" : mismatched);
    }
}
