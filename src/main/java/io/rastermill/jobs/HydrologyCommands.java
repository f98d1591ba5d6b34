package io.rastermill.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.hydro.Hydrology;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The hydrology commands: {@code fill}, {@code flowdir}, {@code flowacc}, {@code basins},
 * {@code watershed}, {@code streams}, and {@code hydrology} for fill → flowdir → flowacc → basins
 * in one job. Each reads its input as a layer, runs the tiled algorithms of
 * {@link Hydrology} (per-tile pass, perimeter graph on the driver, per-tile finish) and writes
 * GeoTIFF/COGs from the executors. Errors in the input stop the job before anything is written.
 */
final class HydrologyCommands {
    private HydrologyCommands() {}

    /** What every hydrology command has: output options, band, quiet, and how it reads and writes. */
    abstract static class Base extends RastermillSubcommand {
        private static final String HYDRO_LOGGER = "io.rastermill.spark.hydro";

        @Mixin
        OutputOptions output;

        @Mixin
        BandOption band;

        @Mixin
        QuietOption quiet;

        long start;

        /** The command's name, naming its Spark job group and summary line. */
        String label() {
            return spec.name();
        }

        abstract Integer run(SparkSession spark, PrintWriter out) throws IOException;

        @Override
        public Integer call() throws IOException {
            band.number();
            output.blockSize();
            SparkSession spark = parent.spark().session();
            SparkContext sc = spark.sparkContext();
            start = System.nanoTime();
            sc.setJobGroup("rastermill " + label(), "rastermill " + label(), false);
            Level hydroLog = LogManager.getLogger(HYDRO_LOGGER).getLevel();
            if (parent.debug()) {
                Configurator.setLevel(HYDRO_LOGGER, Level.DEBUG); // the driver graphs' sizes and heap
            }
            try {
                return run(spark, spec.commandLine().getOut());
            } finally {
                Configurator.setLevel(HYDRO_LOGGER, hydroLog);
                sc.clearJobGroup();
            }
        }

        /** Reads {@code input} as a layer of the output block size; a multi-band file needs --band. */
        TileLayer read(SparkSession spark, String input) throws IOException {
            if (!band.given()) {
                requireSingleBand(input, spark.sparkContext().hadoopConfiguration());
            }
            return TileLayers.readGeoTiffs(
                    spark,
                    List.of(input),
                    TileLayers.ReadOptions.defaults()
                            .withTileSize(output.blockSize())
                            .withBand(band.index()));
        }

        private static void requireSingleBand(String input, Configuration conf) throws IOException {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p) || !fs.getFileStatus(p).isFile()) {
                return; // directories and globs: the layer reader checks bands file by file
            }
            try (GeoTiffReader r = GeoTiffReader.open(input, conf)) {
                int bands = r.info().bandCount();
                if (bands > 1) {
                    throw new IllegalArgumentException(input + " has " + bands + " bands; choose one with --band N");
                }
            }
        }

        /** Writes {@code layer} to {@code target} with a progress line, and prints the summary line. */
        void write(SparkSession spark, PrintWriter out, TileLayer layer, String target, String what)
                throws IOException {
            CellType ct = layer.metadata().cellType();
            GeoTiffWriteOptions options = output.toWriteOptions(ct);
            LayerGeoTiffWriter.Result r =
                    LayerJob.write(spark.sparkContext(), what, layer, target, options, quiet.quiet);
            LayerJob.printWrote(out, what, r, ct, options, start);
        }
    }

    /** IN OUT: one input layer in, one GeoTIFF out. */
    abstract static class OneToOne extends Base {
        @Parameters(index = "1", paramLabel = "OUT", description = TerrainCommands.OUT_DESCRIPTION)
        String out;

        abstract String input();

        /** The layer to write, from the input layer. */
        abstract TileLayer apply(SparkSession spark, TileLayer in) throws IOException;

        @Override
        Integer run(SparkSession spark, PrintWriter console) throws IOException {
            write(spark, console, apply(spark, read(spark, input())), out, label());
            return 0;
        }
    }

    /** DEM OUT. */
    abstract static class FromDem extends OneToOne {
        @Parameters(index = "0", paramLabel = "DEM", description = TerrainCommands.DEM_DESCRIPTION)
        String dem;

        @Override
        String input() {
            return dem;
        }
    }

    /** FLOWDIR OUT. */
    abstract static class FromFlowDir extends OneToOne {
        @Parameters(index = "0", paramLabel = "FLOWDIR", description = "D8 flow directions (ESRI codes, NoData 255)")
        String flowdir;

        @Override
        String input() {
            return flowdir;
        }
    }

    @Command(
            name = "fill",
            mixinStandardHelpOptions = true,
            description =
                    "Depression filling: the minimal depression-free surface (priority-flood, 8-connected); raster"
                            + " edges and NoData are outlets. Same cell type as DEM.")
    static final class Fill extends FromDem {
        @Override
        TileLayer apply(SparkSession spark, TileLayer in) {
            return Hydrology.fill(in);
        }
    }

    @Command(
            name = "flowdir",
            mixinStandardHelpOptions = true,
            description =
                    "D8 flow directions (ESRI codes 1 E, 2 SE, 4 S, ... 128 NE; Byte, NoData 255) of the filled DEM;"
                            + " flats drain along shortest paths to their lower edge.")
    static final class FlowDir extends FromDem {
        @Override
        TileLayer apply(SparkSession spark, TileLayer in) {
            return Hydrology.flowDirections(Hydrology.fill(in));
        }
    }

    @Command(
            name = "flowacc",
            mixinStandardHelpOptions = true,
            description =
                    "Flow accumulation of D8 codes: upstream cells excluding the cell itself (Float64), or the sum"
                            + " of --weights over them.")
    static final class FlowAcc extends FromFlowDir {
        @Option(
                names = "--weights",
                paramLabel = "RASTER",
                description = "weights on the same grid (NoData counts as 0)")
        String weights;

        @Override
        TileLayer apply(SparkSession spark, TileLayer dirs) throws IOException {
            TileLayer w = weights == null
                    ? null
                    : TileLayers.readGeoTiffs(
                            spark,
                            List.of(weights),
                            TileLayers.ReadOptions.defaults().withTileSize(output.blockSize()));
            if (w != null) {
                try {
                    Hydrology.requireSameGrid(dirs, w, "--weights " + weights);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " (" + flowdir + ")");
                }
            }
            return Hydrology.flowAccumulation(dirs, w);
        }
    }

    @Command(
            name = "basins",
            mixinStandardHelpOptions = true,
            description =
                    "Drainage basins: every cell labelled by the outlet it drains to (the outlet's cell index + 1,"
                            + " row-major; Int32, or Float64 beyond 2^31 cells).")
    static final class Basins extends FromFlowDir {
        @Override
        TileLayer apply(SparkSession spark, TileLayer dirs) {
            return Hydrology.basins(dirs);
        }
    }

    @Command(
            name = "watershed",
            mixinStandardHelpOptions = true,
            description =
                    "Watersheds of pour points (CSV x,y[,id] or GeoJSON Points with an optional id property, in the"
                            + " raster's CRS): each cell labelled with the first pour point downstream, NoData if none.")
    static final class Watershed extends FromFlowDir {
        @Option(
                names = "--points",
                paramLabel = "FILE",
                required = true,
                description = "pour points: .csv or .geojson/.json")
        String points;

        @Override
        TileLayer apply(SparkSession spark, TileLayer dirs) throws IOException {
            Map<Long, Long> cells = PourPoints.read(points, spark.sparkContext().hadoopConfiguration(), dirs);
            return Hydrology.watersheds(dirs, cells);
        }
    }

    @Command(
            name = "streams",
            mixinStandardHelpOptions = true,
            description = "Stream cells: flow accumulation >= --threshold (Byte 1, NoData 0 elsewhere).")
    static final class Streams extends OneToOne {
        @Parameters(index = "0", paramLabel = "FLOWACC", description = "flow accumulation raster")
        String flowacc;

        @Option(
                names = "--threshold",
                paramLabel = "N",
                required = true,
                description = "smallest accumulation of a stream cell")
        double threshold;

        @Override
        String input() {
            return flowacc;
        }

        @Override
        TileLayer apply(SparkSession spark, TileLayer acc) {
            return Hydrology.streams(acc, threshold);
        }
    }

    @Command(
            name = "hydrology",
            mixinStandardHelpOptions = true,
            description = "fill → flowdir → flowacc → basins in one job, reading the DEM once: writes filled.tif,"
                    + " flowdir.tif, flowacc.tif, basins.tif (and streams.tif with --threshold) into OUTDIR.")
    static final class All extends Base {
        @Parameters(index = "0", paramLabel = "DEM", description = TerrainCommands.DEM_DESCRIPTION)
        String dem;

        @Parameters(index = "1", paramLabel = "OUTDIR", description = "output directory (created if missing)")
        String outDir;

        @Option(names = "--threshold", paramLabel = "N", description = "also write streams.tif: accumulation >= N")
        Double threshold;

        @Override
        Integer run(SparkSession spark, PrintWriter console) throws IOException {
            Path dir = new Path(outDir);
            dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(dir);
            // The DEM is read twice by the fill (summary, finish), from the file: cheaper than caching it. Each
            // persisted step is released once the steps that read it have run, so the cache holds at most two.
            TileLayer filled = Hydrology.fill(read(spark, dem));
            write(spark, console, filled, child(dir, "filled.tif"), "fill");
            TileLayer dirs = Hydrology.flowDirections(filled);
            write(spark, console, dirs, child(dir, "flowdir.tif"), "flowdir");
            Hydrology.release(filled);
            Hydrology.Drainage drainage = Hydrology.drainage(dirs, null);
            TileLayer acc = threshold == null
                    ? drainage.accumulation()
                    : drainage.accumulation().persist(StorageLevel.MEMORY_AND_DISK_SER());
            write(spark, console, acc, child(dir, "flowacc.tif"), "flowacc");
            write(spark, console, drainage.basins(), child(dir, "basins.tif"), "basins");
            Hydrology.release(dirs);
            if (threshold != null) {
                write(spark, console, Hydrology.streams(acc, threshold), child(dir, "streams.tif"), "streams");
                Hydrology.release(acc);
            }
            return 0;
        }

        private static String child(Path dir, String name) {
            return new Path(dir, name).toString();
        }
    }

    /** Pour points from CSV ({@code x,y[,id]}, header optional) or GeoJSON Points, as raster cell index → id. */
    static final class PourPoints {
        private PourPoints() {}

        static Map<Long, Long> read(String file, Configuration conf, TileLayer layer) throws IOException {
            Path p = new Path(file);
            byte[] bytes;
            try (InputStream in = p.getFileSystem(conf).open(p)) {
                bytes = in.readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<double[]> pts = new ArrayList<>();
            String lower = file.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json") || lower.endsWith(".geojson")) {
                JsonNode root = new ObjectMapper().readTree(text);
                int n = 0;
                for (JsonNode f : root.path("features")) {
                    n++;
                    JsonNode g = f.path("geometry");
                    if (!"Point".equals(g.path("type").asText())) {
                        throw new IllegalArgumentException(file + ": feature " + n + " is not a Point");
                    }
                    JsonNode id = f.path("properties").path("id");
                    pts.add(new double[] {
                        g.path("coordinates").path(0).asDouble(),
                        g.path("coordinates").path(1).asDouble(),
                        id.isNumber() ? id.asLong() : n
                    });
                }
            } else {
                int line = 0;
                for (String row : text.split("\\R")) {
                    line++;
                    if (row.isBlank() || row.startsWith("#")) {
                        continue;
                    }
                    String[] f = row.split(",");
                    try {
                        pts.add(new double[] {
                            Double.parseDouble(f[0].trim()),
                            Double.parseDouble(f[1].trim()),
                            f.length > 2 ? Long.parseLong(f[2].trim()) : pts.size() + 1
                        });
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                        if (line == 1) {
                            continue; // a header
                        }
                        throw new IllegalArgumentException(file + ": line " + line + " is not x,y[,id]: " + row);
                    }
                }
            }
            if (pts.isEmpty()) {
                throw new IllegalArgumentException(file + ": no pour points");
            }
            LayoutDefinition layout = layer.metadata().layout();
            Extent e = layout.extent();
            Map<Long, Long> cells = new LinkedHashMap<>();
            for (double[] pt : pts) {
                long col =
                        (long) Math.floor((pt[0] - e.xmin()) / layout.cellSize().width());
                long row =
                        (long) Math.floor((e.ymax() - pt[1]) / layout.cellSize().height());
                if (col < 0 || row < 0 || col >= layer.cols() || row >= layer.rows()) {
                    throw new IllegalArgumentException(
                            file + ": pour point " + pt[0] + "," + pt[1] + " is outside the raster");
                }
                if (pt[2] <= 0) {
                    throw new IllegalArgumentException(file + ": pour point ids must be positive, got " + (long) pt[2]);
                }
                cells.put(row * layer.cols() + col, (long) pt[2]);
            }
            return cells;
        }
    }
}
