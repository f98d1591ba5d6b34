package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill warp SRC... DST}: reprojects, resamples and mosaics GeoTIFFs onto one grid like gdalwarp, whose
 * single-dash spellings it accepts ({@code -t_srs -s_srs -tr -te -ts -tap -r -srcnodata -dstnodata -ot -et}), and
 * writes the result like every layer job. The grid and sources are checked on the driver before any Spark job.
 */
@Command(
        name = "warp",
        mixinStandardHelpOptions = true,
        description = "Reproject, resample and mosaic GeoTIFFs onto one grid, like gdalwarp (its -t_srs, -s_srs, -tr,"
                + " -te, -ts, -tap, -r, -srcnodata, -dstnodata, -ot and -et work as they do there). Later sources"
                + " win where they have data.")
final class WarpCommand extends RastermillSubcommand {
    @Parameters(
            arity = "2..*",
            paramLabel = "FILE",
            description =
                    "source GeoTIFFs (paths, URIs, directories, globs), then the output GeoTIFF (written atomically)")
    List<String> files;

    @Mixin
    QuietOption quiet;

    @Mixin
    GridOptions grid;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<String> sources = new ArrayList<>(files.subList(0, files.size() - 1));
        String out = files.get(files.size() - 1);
        Resampling resampling = grid.resampling();
        TargetGridSpec gridSpec = grid.gridSpec();
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        GeoTiffWarp warp = GeoTiffWarp.open(spark, sources, grid.sourceCrs());
        gridSpec = grid.gridSpec(warp.sources().get(0).grid().crs());
        WarpGrid target = gridOrError(warp, gridSpec);
        CellType ct = grid.cellType(warp.sources().get(0).cellType());
        WarpOptions options = grid.warpOptions(ct, output.blockSize());
        GeoTiffWriteOptions writeOptions = output.toWriteOptions(ct);
        RasterDescription description = grid.describe(target, () -> warp.describe(target, options));
        LayerGeoTiffWriter.Result r = LayerJob.writeBands(
                sc,
                "warp",
                "warp " + String.join(" ", sources) + " → write " + out,
                (long) warp.tileCount(target, options.tileSize()) * warp.bandCount(),
                () -> warp.warp(target, options),
                description,
                out,
                writeOptions,
                quiet.quiet);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "warp: wrote %s (%dx%d, %d band(s) %s, %s, %s, %d level(s)%s) in %.1f s, %.1f Mpix/s%n",
                r.target(),
                r.width(),
                r.height(),
                r.bandCount(),
                ct.name(),
                target.crs(),
                resampling.gdalName(),
                r.levels(),
                writeOptions.cog() ? ", COG" : "",
                seconds,
                (double) r.width() * r.height() / 1e6 / seconds);
        o.flush();
        return 0;
    }

    private static WarpGrid gridOrError(GeoTiffWarp warp, TargetGridSpec spec) {
        try {
            return warp.targetGrid(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warp: " + e.getMessage(), e);
        }
    }
}
