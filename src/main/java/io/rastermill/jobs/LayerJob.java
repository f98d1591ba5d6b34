package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

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
        LayerGeoTiffWriter.Result r;
        try {
            TileLayer dem = TileLayers.readGeoTiffs(
                    spark,
                    List.of(input),
                    TileLayers.ReadOptions.defaults()
                            .withTileSize(options.blockSize())
                            .withBand(band));
            r = write(sc, label, dem.focal(kernel), output, options, quiet);
        } finally {
            sc.clearJobGroup();
        }
        printWrote(out, label, r, kernel.resultCellType(), options, start);
        return 0;
    }

    /** Writes {@code layer} to {@code target} with a progress line of its tiles labelled {@code label}. */
    static LayerGeoTiffWriter.Result write(
            SparkContext sc, String label, TileLayer layer, String target, GeoTiffWriteOptions options, boolean quiet)
            throws IOException {
        long tiles = layer.metadata().layout().layoutCols()
                * (long) layer.metadata().layout().layoutRows();
        try (ProgressLine progress = ProgressLine.start(sc, label, tiles, quiet)) {
            return LayerGeoTiffWriter.write(progress.counted(layer), target, options);
        }
    }

    /**
     * Writes the layers {@code bands} makes (one per band, made inside the job group) to {@code target}, in the Spark job
     * group {@code rastermill LABEL} described by {@code job}, with a progress line of {@code tiles} tiles.
     */
    static LayerGeoTiffWriter.Result writeBands(
            SparkContext sc,
            String label,
            String job,
            long tiles,
            Supplier<List<TileLayer>> bands,
            RasterDescription description,
            String target,
            GeoTiffWriteOptions options,
            boolean quiet)
            throws IOException {
        sc.setJobGroup("rastermill " + label, job, false);
        try (ProgressLine progress = ProgressLine.start(sc, label, tiles, quiet)) {
            return LayerGeoTiffWriter.write(progress.counted(bands.get()), description, target, options);
        } finally {
            sc.clearJobGroup();
        }
    }

    /** The summary line of a one-band write: {@code label: wrote TARGET (WxH TYPE, N level(s)[, COG]) in S s, R Mpix/s}. */
    static void printWrote(
            PrintWriter out,
            String label,
            LayerGeoTiffWriter.Result r,
            CellType cellType,
            GeoTiffWriteOptions options,
            long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(
                Locale.ROOT,
                "%s: wrote %s (%dx%d %s, %d level(s)%s) in %.1f s, %.1f Mpix/s%n",
                label,
                r.target(),
                r.width(),
                r.height(),
                cellType.name(),
                r.levels(),
                options.cog() ? ", COG" : "",
                seconds,
                (double) r.width() * r.height() / 1e6 / seconds);
        out.flush();
    }
}
