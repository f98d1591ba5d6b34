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
 * </ul>
 * Each side reads the GeoTIFFs itself and writes its result: ours one Deflate GeoTIFF (predictor 3, no overviews),
 * GeoTrellis one GeoTIFF per tile with its GeoTiff writer at its default options (no compression: GeoTrellis has no
 * single-file Spark writer, and skipping compression only flatters it). Passes alternate; each run prints wall
 * seconds and process CPU seconds (all threads). Then the two results are compared on one inner tile.
 * Not a unit test; run by src/test/bench/geotrellis-bench.sh.
 * Usage: {@code GeoTrellisBench slope|ndvi OUTDIR PASSES FILE...} (slope: DEM; ndvi: RED NIR)
 */
public final class GeoTrellisBench {
    private static final int TILE = 512;
    private static final ClassTag<geotrellis.layer.SpatialKey> KEY =
            ClassTag$.MODULE$.apply(geotrellis.layer.SpatialKey.class);

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
