package io.rastermill.jobs;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcSyntaxException;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.temporal.TimeWindow;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.temporal.Composite;
import io.rastermill.spark.temporal.Scene;
import io.rastermill.spark.temporal.SceneDating;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill composite SRC... OUT --reduce R}: scenes warped onto one grid (warp's gdalwarp flags) and reduced
 * per cell across time. Parses only; the work is {@link Composite}'s.
 */
@Command(
        name = "composite",
        mixinStandardHelpOptions = true,
        description = "Reduce a series of scenes per cell across time onto one grid: a median composite, a maximum,"
                + " a per-cell trend. Scenes are warped as by 'warp' (its -t_srs, -tr, -te, -r... flags), NoData and"
                + " masked cells are skipped, and the scenes are ordered by time (--dates, --date-pattern, else the"
                + " TIFF DateTime tag, else a yyyymmdd / yyyy-mm-dd date in the file name).")
final class CompositeCommand extends RastermillSubcommand {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "scene GeoTIFFs (paths, URIs, directories, globs), then the output GeoTIFF (written atomically)")
    List<String> files;

    @Option(
            names = "--reduce",
            paramLabel = "R",
            required = true,
            description = "median | mean | min | max | count | first | last | pNN (numpy's linear percentile, e.g."
                    + " p90) | trend (bands slope per day, intercept at the first scene, r2, count). With several"
                    + " input bands, each is reduced: output band = input band x reducer band. Output type unless -ot:"
                    + " Float32 (NaN NoData); count UInt16; min, max, first, last the scenes' own.")
    String reduce;

    @Option(
            names = {"-b", "--band"},
            paramLabel = "N",
            description = "a band of the scenes to reduce, 1-based; repeat for several (default: every band)")
    List<Integer> bands;

    @Option(
            names = "--mask",
            paramLabel = "EXPR",
            description = "calc expression over each scene's own bands (A, B, C... for bands 1, 2, 3...): cells where"
                    + " it is true (or NoData) are dropped, e.g. \"A == 65535\" or \"(C & 8) != 0\". It reads raw values:"
                    + " the files' NoData is not applied to it.")
    String mask;

    @Mixin
    QuietOption quiet;

    @Option(
            names = "--layer",
            paramLabel = "CATALOG",
            description = "reduce the space-time layer --name/--zoom of this GeoTrellis catalog instead of scene files"
                    + " (then the only file is OUT): its scenes are on one grid, so the warp flags do not apply")
    String layer;

    @Mixin
    LayerNameOptions layerName;

    @Option(
            names = "--window",
            paramLabel = "W",
            description = "month | year: one composite per calendar window (UTC) holding scenes, each written to OUT"
                    + " suffixed _YYYY-MM or _YYYY (out.tif -> out_2024-06.tif)")
    String window;

    @Mixin
    SceneDatingOptions dating;

    @Mixin
    TimeRangeOptions range;

    @Mixin
    GridOptions grid;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        TemporalReducer reducer;
        try {
            reducer = TemporalReducer.parse(reduce);
        } catch (IllegalArgumentException e) {
            throw usage("--reduce: " + e.getMessage());
        }
        TimeWindow windows;
        try {
            windows = window == null ? null : TimeWindow.parse(window);
        } catch (IllegalArgumentException e) {
            throw usage("--window: " + e.getMessage());
        }
        if (layer != null) {
            return new LayerCompositeRun(this, reducer, windows).run(started);
        }
        if (files.size() < 2) {
            throw usage("give the scenes, then the output GeoTIFF");
        }
        List<String> sources = new ArrayList<>(files.subList(0, files.size() - 1));
        String out = files.get(files.size() - 1);
        CalcExpression maskExpr = null;
        if (mask != null) {
            try {
                maskExpr = CalcExpression.parse(mask);
            } catch (CalcSyntaxException e) {
                throw new IllegalArgumentException("composite: --mask \"" + mask + "\": " + e.getMessage(), e);
            }
        }
        Instant from = range.from();
        Instant until = range.until();
        SceneDating sceneDating = dating.sceneDating();
        grid.resampling(); // a bad -r: refused before Spark starts
        TargetGridSpec gridSpec = grid.gridSpec();

        SparkSession spark = parent.spark().session();
        Composite all = Composite.open(spark, sources, sceneDating, grid.sourceCrs());
        if (from != null || until != null) {
            all = all.between(from, until);
        }
        if (windows == null) {
            return reduceScenes(all, reducer, maskExpr, gridSpec, out, started);
        }
        List<Instant> times = new ArrayList<>();
        for (Scene s : all.scenes()) {
            times.add(
                    s.time()
                            .orElseThrow(
                                    () -> new IllegalArgumentException(
                                            s.uri()
                                                    + ": no date (no TIFFTAG_DATETIME, none in the name), which --window needs; give --dates or --date-pattern")));
        }
        for (Instant w : windows.starts(times)) {
            reduceScenes(
                    all.between(w, windows.end(w)),
                    reducer,
                    maskExpr,
                    gridSpec,
                    SeriesOutputs.suffixed(out, windows.label(w)),
                    System.nanoTime());
        }
        return 0;
    }

    /** One composite of {@code composite}'s scenes, written to {@code out}. */
    private Integer reduceScenes(
            Composite composite,
            TemporalReducer reducer,
            CalcExpression maskExpr,
            TargetGridSpec gridSpec,
            String out,
            long started)
            throws IOException {
        SparkContext sc = parent.spark().session().sparkContext();
        Resampling resampling = grid.resampling();
        Composite.Prepared scenes = composite.prepare();
        if (maskExpr != null) {
            try {
                scenes.checkMask(maskExpr);
            } catch (CalcSyntaxException e) {
                throw new IllegalArgumentException(
                        "composite: --mask \"" + mask + "\" over scenes of " + scenes.bandCount() + " band(s) (A.."
                                + (char) ('A' + Math.min(scenes.bandCount(), 26) - 1) + "): " + e.getMessage(),
                        e);
            }
        }
        int[] selected = selectedBands(scenes.bandCount());
        WarpGrid target;
        try {
            target = scenes.targetGrid(gridSpec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("composite: " + e.getMessage(), e);
        }
        CellType ct = grid.cellType(reducer.defaultCellType(scenes.sourceCellType()));
        WarpOptions options = grid.warpOptions(ct, output.blockSize());
        GeoTiffWriteOptions writeOptions = output.toWriteOptions(ct);
        RasterDescription description =
                grid.describe(target, () -> scenes.describe(target, reducer, options, selected.length));
        int sceneCount = composite.scenes().size();
        LayerGeoTiffWriter.Result r = LayerJob.writeBands(
                sc,
                "composite",
                "composite " + reducer + " of " + sceneCount + " scene(s) → write " + out,
                (long) scenes.tileCount(target, options.tileSize()) * description.bandCount(),
                () -> scenes.reduce(target, reducer, options, maskExpr, selected),
                description,
                out,
                writeOptions,
                quiet.quiet);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "composite: wrote %s (%s of %d scene(s), %dx%d, %d band(s) %s, %s, %s) in %.1f s%n",
                r.target(),
                reducer,
                sceneCount,
                r.width(),
                r.height(),
                r.bandCount(),
                ct.name(),
                target.crs(),
                resampling.gdalName(),
                seconds);
        o.flush();
        return 0;
    }

    /** {@code -b} as 0-based bands, checked against the scenes' (or layer's) band count; every band without it. */
    int[] selectedBands(int bandCount) {
        if (bands == null) {
            return IntStream.range(0, bandCount).toArray();
        }
        int[] out = new int[bands.size()];
        for (int i = 0; i < out.length; i++) {
            int b = bands.get(i);
            if (b < 1 || b > bandCount) {
                throw usage("-b " + b + ": the " + (layer == null ? "scenes have" : "layer has") + " bands 1.."
                        + bandCount);
            }
            out[i] = b - 1;
        }
        return out;
    }
}
