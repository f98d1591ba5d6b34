package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffTranslate;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import io.rastermill.spark.write.SparkGeoTiffTranslate;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill translate IN OUT}: re-encodes a GeoTIFF (compression, predictor, block size,
 * COG layout, BigTIFF, overviews) block by block in bounded memory, like {@code gdal_translate}
 * with GTiff/COG creation options. Runs on Spark (bands read as layers by the executors, one file
 * written from them), or with {@code --no-spark} in this JVM on {@code --threads} threads.
 * Output defaults: DEFLATE, predictor by cell type, 512 blocks, COG with automatic overviews.
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Re-encode a GeoTIFF block by block in bounded memory: compression, predictor, block size,"
                + " Cloud-Optimized layout, BigTIFF and overviews.")
final class TranslateCommand extends RastermillSubcommand {

    @Parameters(index = "0", paramLabel = "IN", description = "input GeoTIFF (path or URI)")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output GeoTIFF (path or URI); written atomically")
    String out;

    @Mixin
    OutputOptions output;

    @Option(names = "--no-spark", description = "re-encode in this JVM without Spark, on --threads threads")
    boolean noSpark;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "with --no-spark: threads reading and encoding blocks" + " (default: cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (threads != null && !noSpark) {
            throw usage("--threads goes with --no-spark; on Spark, parallelism is the executors' cores");
        }
        if (!noSpark) {
            return onSpark();
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw usage("--threads must be at least 1");
        }
        Configuration conf = parent.settings().hadoopConfiguration();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        long start = System.nanoTime();
        try (GeoTiffReader reader = GeoTiffReader.open(in, conf)) {
            CellType ct = reader.info().cellType();
            GeoTiffWriteOptions options = output.toWriteOptions(ct);
            GeoTiffTranslate.Result r = GeoTiffTranslate.translate(reader, out, options, pool, conf);
            printWrote(
                    r.target(),
                    r.width(),
                    r.height(),
                    ct,
                    r.blocks() + " blocks of " + options.blockSize(),
                    r.levels(),
                    options,
                    r.bigTiff(),
                    start,
                    "");
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** The parallel path: bands read as layers on the executors, one file written from them. */
    private int onSpark() throws IOException {
        long start = System.nanoTime();
        CellType ct;
        try (GeoTiffReader reader = GeoTiffReader.open(in)) {
            ct = reader.info().cellType();
        }
        GeoTiffWriteOptions options = output.toWriteOptions(ct);
        SparkSession spark = parent.spark().session();
        spark.sparkContext().setJobGroup("rastermill translate", "read " + in + " → write " + out, false);
        LayerGeoTiffWriter.Result r;
        try {
            r = SparkGeoTiffTranslate.translate(spark, in, out, options);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        printWrote(
                r.target(),
                r.width(),
                r.height(),
                ct,
                r.bandCount() + " band(s), blocks of " + options.blockSize(),
                r.levels(),
                options,
                r.bigTiff(),
                start,
                " on Spark");
        return 0;
    }

    /** The summary line of either path; {@code layout} says how the file is cut, {@code where} where it ran. */
    private void printWrote(
            String target,
            int width,
            int height,
            CellType ct,
            String layout,
            int levels,
            GeoTiffWriteOptions options,
            boolean bigTiff,
            long start,
            String where) {
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "wrote %s: %dx%d %s, %s, %d level(s)%s%s, %.1f s (%.1f Mpix/s)%s%n",
                target,
                width,
                height,
                ct.name(),
                layout,
                levels,
                options.cog() ? ", COG" : "",
                bigTiff ? ", BigTIFF" : "",
                seconds,
                (double) width * height / 1e6 / seconds,
                where);
        o.flush();
    }
}
