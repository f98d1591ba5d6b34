package io.rastermill.jobs;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcOutputType;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.calc.CalcSyntaxException;
import io.rastermill.core.cell.CellType;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.layer.LayerCalc;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rastermill calc --expr "(B - A) / (B + A)" -A red.tif -B nir.tif OUT}: a cell-by-cell
 * formula over aligned rasters, in the spirit of {@code gdal_calc.py}. The expression is parsed and
 * typed once ({@link CalcExpression}); the inputs' grids are checked on the driver (CRS, cell size,
 * alignment, extent; errors name both files); then the executors read every input's tiles, evaluate
 * the expression per tile over primitive lanes and write one GeoTIFF/COG.
 */
@Command(
        name = "calc",
        description =
                "Map algebra: evaluate an expression over aligned rasters A..Z, cell by cell, as gdal_calc.py does.")
final class CalcCommand extends RastermillSubcommand {

    @Option(
            names = "--expr",
            required = true,
            paramLabel = "EXPR",
            description = "the expression, e.g. \"(B - A) / (B + A)\" (see README: Map algebra)")
    String expr;

    @Parameters(index = "0", paramLabel = "OUT", description = "output GeoTIFF (path or URI); written atomically")
    String out;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "output data type: Byte, Int8, UInt16, Int16, Int32, Float32, Float64 (or a GeoTrellis cell"
                    + " type name such as float32ud-9999.0); default by the expression: Float64, Int32, or Byte (0/1)")
    String type;

    @Option(
            names = "--nodata",
            paramLabel = "V",
            description = "output NoData value (nan for NaN); default: NaN for floats, 255 Byte, 65535 UInt16, the"
                    + " minimum for signed types")
    String nodata;

    @Option(
            names = "--band",
            paramLabel = "NAME=N",
            description = "band of an input, 1-based (default 1), e.g. A=2;" + " repeatable")
    Map<String, Integer> bands = new LinkedHashMap<>();

    @Mixin
    QuietOption quiet;

    // Not mixinStandardHelpOptions: its -V (version) is input V here, and the clash disabled --help.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Mixin
    OutputOptions output;

    /**
     * Takes the spec (also injected as {@link #spec}), adds the options -A ... -Z (gdal_calc's spelling of {@code --input A=FILE}) and
     * lists the language's operators and functions, from the op catalog, below the options.
     */
    @Spec
    void addInputOptions(CommandSpec commandSpec) {
        for (char c = 'A'; c <= 'Z'; c++) {
            String name = String.valueOf(c);
            commandSpec.addOption(OptionSpec.builder("-" + name)
                    .paramLabel("FILE")
                    .type(String.class)
                    .hidden(c > 'B')
                    .description("input " + name + ": a GeoTIFF path, URI, directory or glob"
                            + (c == 'B' ? " (-C ... -Z likewise)" : ""))
                    .setter(new ISetter() {
                        @Override
                        public <T> T set(T value) {
                            if (value != null) {
                                input(name, (String) value);
                            }
                            return null;
                        }
                    })
                    .build());
        }
        List<String> lines = new ArrayList<>();
        for (String line : CalcExpression.reference()) {
            lines.add("  " + line.replace("%", "%%"));
        }
        commandSpec
                .usageMessage()
                .footerHeading("%nOperators and functions (the local ops; NoData in gives NoData unless"
                        + " the op says otherwise):%n")
                .footer(String.join("%n", lines));
    }

    private final Map<String, String> inputs = new TreeMap<>();

    @Option(
            names = "--input",
            paramLabel = "NAME=FILE",
            description = "an input by name, e.g. --input nir=nir.tif with"
                    + " --expr \"(nir - red) / (nir + red)\"; repeatable; -A FILE is --input A=FILE")
    Map<String, String> namedInputs = new LinkedHashMap<>();

    private void input(String name, String file) {
        if (inputs.put(name, file) != null) {
            throw usage("input -" + name + " is given twice");
        }
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        for (Map.Entry<String, String> e : namedInputs.entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw usage(
                        "--input " + e.getKey() + "=...: a name is letters, digits and _, not starting with a digit");
            }
            input(e.getKey(), e.getValue());
        }
        if (inputs.isEmpty()) {
            throw usage("give at least one input, e.g. -A red.tif");
        }
        CalcExpression expression;
        try {
            expression = CalcExpression.parse(expr);
        } catch (CalcSyntaxException e) {
            throw new IllegalArgumentException("calc: " + e.getMessage(), e);
        }
        for (String name : bands.keySet()) {
            if (!inputs.containsKey(name)) {
                throw usage("--band " + name + "=" + bands.get(name) + ": there is no input -" + name);
            }
            if (bands.get(name) < 1) {
                throw usage("--band " + name + " is 1-based, got " + bands.get(name));
            }
        }
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        int blockSize = output.blockSize();
        List<LayerCalc.Input> layers = new ArrayList<>();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            int band = bands.getOrDefault(e.getKey(), 1);
            TileLayer layer;
            try {
                layer = TileLayers.readGeoTiffs(
                        spark,
                        List.of(e.getValue()),
                        TileLayers.ReadOptions.defaults()
                                .withTileSize(blockSize)
                                .withBand(band - 1));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("calc: input -" + e.getKey() + ": " + ex.getMessage(), ex);
            }
            layers.add(new LayerCalc.Input(e.getKey(), e.getValue(), layer));
        }
        CalcProgram program;
        try {
            program = LayerCalc.compile(expression, layers);
        } catch (CalcSyntaxException e) {
            throw new IllegalArgumentException("calc: " + e.getMessage(), e);
        }
        CellType resultType = resultType(program);
        GeoTiffWriteOptions options = output.toWriteOptions(resultType);
        TileLayer result;
        try {
            result = LayerCalc.run(program, layers, resultType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("calc") ? e.getMessage() : "calc: " + e.getMessage(), e);
        }
        sc.setJobGroup("rastermill calc", "calc " + expr + " → write " + out, false);
        LayerGeoTiffWriter.Result r;
        try {
            r = LayerJob.write(sc, "calc", result, out, options, quiet.quiet);
        } finally {
            sc.clearJobGroup();
        }
        LayerJob.printWrote(spec.commandLine().getOut(), "calc", r, resultType, options, start);
        return 0;
    }

    /** --type and --nodata, or the expression's default. */
    CellType resultType(CalcProgram program) {
        try {
            return CalcOutputType.resolve(program.defaultCellType(), type, nodata);
        } catch (IllegalArgumentException e) {
            // the core names the value; the user typed an option
            String message = e.getMessage();
            throw usage(
                    message.startsWith("NoData")
                            ? "--nodata" + message.substring("NoData".length())
                            : "--type" + message.substring("output type".length()));
        }
    }
}
