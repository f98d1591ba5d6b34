package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.reclass.ClassBreaks;
import io.rastermill.core.reclass.ReclassMap;
import io.rastermill.core.reclass.ReclassOp;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.Statistics;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill reclass IN OUT}: reclassifies cells by a map ({@code --map "0-10:1,10-20:2,else:NODATA"})
 * or by class breaks computed from the raster first ({@code --classes N --breaks quantile|equal-interval},
 * a Spark reduction), and writes the result like every layer job (output options, progress line,
 * atomic write).
 */
@Command(
        name = "reclass",
        mixinStandardHelpOptions = true,
        description = "Reclassify cells: --map \"LO-HI:NEW,VALUE:NEW,nodata:NEW,else:NEW|NODATA\" (ranges half-open"
                + " [LO,HI), * for an open end, first match wins, unmatched -> else or NoData), or --classes N with"
                + " --breaks quantile|equal-interval computed from the raster.")
final class ReclassCommand extends RastermillSubcommand {
    /** Bins of the float histogram quantile breaks are read from: error ≤ (max − min) / 2^17. */
    static final int FLOAT_BREAK_BINS = 1 << 16;

    @Parameters(index = "0", paramLabel = "IN", description = "input GeoTIFF(s): a path, URI, directory or glob")
    String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output GeoTIFF (path or URI); written atomically")
    String output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Rules rules;

    static final class Rules {
        @Option(
                names = "--map",
                paramLabel = "MAP",
                description = "rules LO-HI:NEW, VALUE:NEW, nodata:NEW, else:NEW (NEW may be NODATA)")
        String map;

        @Option(
                names = "--classes",
                paramLabel = "N",
                description = "N classes numbered 1..N from class breaks (see --breaks)")
        Integer classes;
    }

    @Option(
            names = "--breaks",
            paramLabel = "METHOD",
            defaultValue = "quantile",
            description =
                    "with --classes: quantile (nearest-rank, exact for integer rasters) or equal-interval (default: quantile)")
    String breaks;

    @Option(
            names = "--type",
            paramLabel = "CELLTYPE",
            description = "output cell type (GeoTrellis name, e.g. uint8, int16, float32); default int16, int32 or"
                    + " float32 by the targets")
    String type;

    @Mixin
    BandOption band;

    @Mixin
    QuietOption quiet;

    @Mixin
    OutputOptions write;

    @Override
    public Integer call() throws IOException {
        ReclassMap map = null;
        if (rules.map != null) {
            try {
                map = ReclassMap.parse(rules.map);
            } catch (IllegalArgumentException e) {
                throw usage("--map: " + e.getMessage());
            }
        } else if (rules.classes < 2) {
            throw usage("--classes needs at least 2, got " + rules.classes);
        }
        String method = breaks.toLowerCase(Locale.ROOT);
        if (!method.equals("quantile") && !method.equals("equal-interval")) {
            throw usage("--breaks must be quantile or equal-interval, not '" + breaks + "'");
        }
        int bandIndex = band.index();
        CellType chosen = null;
        if (type != null) {
            try {
                chosen = CellType.parse(type);
            } catch (IllegalArgumentException e) {
                throw usage("--type: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        long start = System.nanoTime();
        int block = write.blockSize();
        TileLayer in = TileLayers.readGeoTiffs(
                spark,
                List.of(input),
                TileLayers.ReadOptions.defaults().withTileSize(block).withBand(bandIndex));
        boolean persisted = false;
        try {
            if (map == null) {
                in = in.persist(StorageLevel.MEMORY_AND_DISK_SER());
                persisted = true;
                sc.setJobGroup("rastermill reclass", "class breaks of " + input, false);
                double[] b = breaks(in, method, rules.classes, out);
                map = ReclassMap.fromBreaks(b);
                out.printf(Locale.ROOT, "reclass: %s breaks %s -> --map \"%s\"%n", method, Arrays.toString(b), map);
            }
            ReclassOp op;
            try {
                op = chosen == null ? ReclassOp.of(map) : ReclassOp.of(map, chosen);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            GeoTiffWriteOptions options = write.toWriteOptions(op.cellType());
            sc.setJobGroup("rastermill reclass", "read " + input + " → reclass → write " + output, false);
            ReclassOp kernel = op;
            LayerGeoTiffWriter.Result r = LayerJob.write(
                    sc, "reclass", in.mapTiles(kernel::apply, op.cellType()), output, options, quiet.quiet);
            LayerJob.printWrote(out, "reclass", r, op.cellType(), options, start);
            return 0;
        } finally {
            if (persisted) {
                in.rdd().unpersist(false);
            }
            sc.clearJobGroup();
        }
    }

    /** Class breaks by a reduction over the layer. */
    static double[] breaks(TileLayer layer, String method, int classes, PrintWriter out) {
        Statistics stats = layer.reduce(new CellStatistics());
        if (stats.dataCells() == 0) {
            throw new IllegalArgumentException("cannot compute class breaks: the raster has no data cells");
        }
        if (method.equals("equal-interval")) {
            return ClassBreaks.equalInterval(stats, classes);
        }
        if (!layer.metadata().cellType().isFloatingPoint()) {
            return ClassBreaks.quantile(layer.reduce(new IntHistogram()), classes);
        }
        DoubleHistogram h = layer.reduce(DoubleHistogram.over(stats, FLOAT_BREAK_BINS));
        out.printf(Locale.ROOT, "reclass: quantile breaks of float data are within ±%.3g%n", h.errorBound());
        return ClassBreaks.quantile(h, classes);
    }
}
