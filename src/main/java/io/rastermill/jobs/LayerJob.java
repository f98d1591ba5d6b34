package io.rastermill.jobs;

import io.rastermill.core.focal.FocalKernel;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The shape every raster-to-raster job has: read the input as a layer (tiles of the output block
 * size, windows by byte range), transform it, write one GeoTIFF/COG from the executors, with a
 * progress line and Spark job groups named after the steps so the Spark UI reads well.
 */
final class LayerJob {

    private LayerJob() {}

    /** Reads band {@code band} (0-based) of {@code input}, applies {@code kernel}, writes {@code output}; prints a summary line. */
    static int runFocal(
            RastermillCommand parent,
            PrintWriter out,
            String input,
            String output,
            String label,
            FocalKernel kernel,
            int band,
            boolean quiet,
            OutputOptions write)
            throws IOException {
        GeoTiffWriteOptions options = write.toWriteOptions(kernel.resultCellType());
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        long start = System.nanoTime();
        sc.setJobGroup("rastermill " + label, "read " + input + " → " + label + " → write " + output, false);
        TileLayer dem = TileLayers.readGeoTiffs(
                spark,
                List.of(input),
                TileLayers.ReadOptions.defaults()
                        .withTileSize(options.blockSize())
                        .withBand(band));
        long tiles = dem.metadata().layout().layoutCols()
                * (long) dem.metadata().layout().layoutRows();
        LayerGeoTiffWriter.Result r;
        try (ProgressLine progress = ProgressLine.start(sc, label, tiles, quiet)) {
            LongAccumulator done = progress.tiles();
            TileLayer result = dem.focal(kernel).mapTiles(t -> {
                done.add(1);
                return t;
            });
            r = LayerGeoTiffWriter.write(result, output, options);
        } finally {
            sc.clearJobGroup();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                Locale.ROOT,
                "%s: wrote %s (%dx%d %s, %d level(s)%s) in %.1f s, %.1f Mpix/s%n",
                label,
                r.target(),
                r.width(),
                r.height(),
                kernel.resultCellType().name(),
                r.levels(),
                options.cog() ? ", COG" : "",
                seconds,
                (double) r.width() * r.height() / 1e6 / seconds);
        out.flush();
        return 0;
    }
}
