package io.rastermill.jobs;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.Point;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rastermill warp SRC... DST}: reprojects, resamples and mosaics GeoTIFFs onto one grid like gdalwarp, whose
 * single-dash spellings it accepts ({@code -t_srs -s_srs -tr -te -ts -tap -r -srcnodata -dstnodata -ot -et}), and
 * writes the result like every layer job. The grid and sources are checked on the driver before any Spark job.
 */
@Command(name = "warp", mixinStandardHelpOptions = true,
        description = "Reproject, resample and mosaic GeoTIFFs onto one grid, like gdalwarp (its -t_srs, -s_srs, -tr,"
                + " -te, -ts, -tap, -r, -srcnodata, -dstnodata, -ot and -et work as they do there). Later sources"
                + " win where they have data.")
final class WarpCommand implements Callable<Integer> {
    /** Default --max-cells: 2^34 (16 Gi cells, 64 GiB of Float32). */
    static final long DEFAULT_MAX_CELLS = 1L << 34;
    private static final Pattern WKT_EPSG = Pattern.compile("(?i)AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]\\s*]\\s*$");

    @Parameters(arity = "2..*", paramLabel = "FILE",
            description = "source GeoTIFFs (paths, URIs, directories, globs), then the output GeoTIFF (written atomically)")
    List<String> files;

    @Option(names = {"-t_srs", "--target-crs"}, paramLabel = "CRS",
            description = "target CRS: EPSG:n, a PROJ string or WKT with an EPSG authority (default: the first source's)")
    String targetCrs;

    @Option(names = {"-s_srs", "--source-crs"}, paramLabel = "CRS", description = "CRS of every source, replacing the files'")
    String sourceCrs;

    @Option(names = {"-tr", "--resolution"}, arity = "2", paramLabel = "RES", description = "output cell size: xres yres")
    double[] resolution;

    @Option(names = {"-te", "--extent"}, arity = "4", paramLabel = "COORD",
            description = "output extent in the target CRS: xmin ymin xmax ymax")
    double[] extent;

    @Option(names = {"-te_srs", "--extent-crs"}, paramLabel = "CRS",
            description = "the CRS -te is given in (default: the target CRS); as gdalwarp, its lower-left and upper-right"
                    + " corners are transformed to the target CRS")
    String extentCrs;

    @Option(names = {"-ts", "--size"}, arity = "2", paramLabel = "N",
            description = "output size in cells: width height (0 for one of them keeps the aspect)")
    int[] size;

    @Option(names = {"-tap", "--align-pixels"}, description = "with -tr: snap the extent to multiples of the resolution")
    boolean tap;

    @Option(names = {"-r", "--method"}, paramLabel = "METHOD", defaultValue = "near",
            description = "near | bilinear | cubic | cubicspline | lanczos | average | mode | min | max | med | q1 | q3"
                    + " | sum | rms (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = {"-srcnodata", "--src-nodata"}, paramLabel = "V", description = "NoData of every source (a number or nan)")
    String srcNoData;

    @Option(names = {"-dstnodata", "--dst-nodata"}, paramLabel = "V",
            description = "NoData of the output (a number, nan, or None for no NoData; default: the source's)")
    String dstNoData;

    @Option(names = {"-ot", "--type"}, paramLabel = "TYPE",
            description = "output data type: Byte, Int8, UInt16, Int16, Int32, Float32, Float64 (default: the source's)")
    String type;

    @Option(names = {"-et", "--error-threshold"}, paramLabel = "PIXELS",
            description = "largest error of the interpolated transform, in source pixels; 0 transforms every cell"
                    + " exactly (default: " + WarpOptions.DEFAULT_MAX_ERROR + ")")
    Double errorThreshold;

    @Option(names = "--max-cells", paramLabel = "N",
            description = "refuse output grids of more cells than this (default: " + DEFAULT_MAX_CELLS + ")")
    long maxCells = DEFAULT_MAX_CELLS;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Mixin
    OutputOptions output;

    @ParentCommand
    RastermillCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<String> sources = new ArrayList<>(files.subList(0, files.size() - 1));
        String out = files.get(files.size() - 1);
        Resampling resampling;
        try {
            resampling = Resampling.parse(method);
        } catch (IllegalArgumentException e) {
            throw usage("-r: " + e.getMessage());
        }
        Crs target = targetCrs == null ? null : crs("-t_srs", targetCrs);
        Crs source = sourceCrs == null ? null : crs("-s_srs", sourceCrs);
        OptionalDouble srcNd = srcNoData == null ? OptionalDouble.empty() : OptionalDouble.of(number("-srcnodata", srcNoData));
        if (extentCrs != null && extent == null) {
            throw usage("-te_srs needs -te");
        }
        Crs teCrs = extentCrs == null ? null : crs("-te_srs", extentCrs);
        Extent te = extent == null ? null : extent(extent);
        TargetGridSpec gridSpec = gridSpec(target, te); // checks the grid options before Spark starts
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        GeoTiffWarp warp = GeoTiffWarp.open(spark, sources, source);
        if (teCrs != null) {
            Crs to = target != null ? target : warp.sources().get(0).grid().crs();
            // As gdalwarp (GDAL 3.6): the lower-left and upper-right corners are transformed, nothing else.
            CrsTransform t = CrsTransform.between(teCrs, to);
            Point ll = t.transform(te.xmin(), te.ymin());
            Point ur = t.transform(te.xmax(), te.ymax());
            if (!(Double.isFinite(ll.x()) && Double.isFinite(ll.y()) && Double.isFinite(ur.x()) && Double.isFinite(ur.y()))) {
                throw new IllegalArgumentException("warp: -te in " + teCrs + " has corners with no coordinates in " + to);
            }
            gridSpec = gridSpec(target, new Extent(ll.x(), ll.y(), ur.x(), ur.y()));
        }
        WarpGrid grid = gridOrError(warp, gridSpec);
        CellType ct = cellType(warp.sources().get(0).cellType());
        WarpOptions options = WarpOptions.of(resampling).withCellType(ct).withSourceNoData(srcNd)
                .withTileSize(output.blockSize())
                .withMaxError(errorThreshold == null ? WarpOptions.DEFAULT_MAX_ERROR : errorThreshold);
        GeoTiffWriteOptions writeOptions = output.toWriteOptions(ct);
        RasterDescription description;
        try {
            description = warp.describe(grid, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warp: -t_srs " + grid.crs() + ": " + e.getMessage(), e);
        }
        String label = "warp";
        sc.setJobGroup("rastermill warp", "warp " + String.join(" ", sources) + " → write " + out, false);
        long tiles = (long) warp.tileCount(grid, options.tileSize()) * warp.bandCount();
        LayerGeoTiffWriter.Result r;
        try (ProgressLine progress = ProgressLine.start(sc, label, tiles, quiet)) {
            LongAccumulator done = progress.tiles();
            List<TileLayer> bands = new ArrayList<>();
            for (TileLayer band : warp.warp(grid, options)) {
                bands.add(band.mapTiles(t -> {
                    done.add(1);
                    return t;
                }));
            }
            r = LayerGeoTiffWriter.write(bands, description, out, writeOptions);
        } finally {
            sc.clearJobGroup();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "warp: wrote %s (%dx%d, %d band(s) %s, %s, %s, %d level(s)%s) in %.1f s, %.1f Mpix/s%n",
                r.target(), r.width(), r.height(), r.bandCount(), ct.name(), grid.crs(), resampling.gdalName(),
                r.levels(), writeOptions.cog() ? ", COG" : "", seconds, (double) r.width() * r.height() / 1e6 / seconds);
        o.flush();
        return 0;
    }

    private TargetGridSpec gridSpec(Crs target, Extent te) {
        try {
            return new TargetGridSpec(target, resolution == null ? null : new CellSize(resolution[0], resolution[1]), te,
                    size == null ? 0 : size[0], size == null ? 0 : size[1], tap, maxCells);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warp: " + e.getMessage(), e);
        }
    }

    private static WarpGrid gridOrError(GeoTiffWarp warp, TargetGridSpec spec) {
        try {
            return warp.targetGrid(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warp: " + e.getMessage(), e);
        }
    }

    /** EPSG:n, a PROJ string, or WKT whose outermost AUTHORITY is EPSG; an unknown one is an input error. */
    static Crs crs(String option, String text) {
        String t = text.trim();
        try {
            if (t.startsWith("PROJCS[") || t.startsWith("GEOGCS[") || t.startsWith("PROJCRS[") || t.startsWith("GEOGCRS[")) {
                Matcher m = WKT_EPSG.matcher(t);
                if (!m.find()) {
                    throw new IllegalArgumentException("WKT without an EPSG authority is not supported");
                }
                return Crs.epsg(Integer.parseInt(m.group(1)));
            }
            return Crs.fromString(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warp: " + option + " '" + text + "': " + e.getMessage(), e);
        }
    }

    private static Extent extent(double[] te) {
        if (!(te[0] < te[2]) || !(te[1] < te[3])) {
            throw new IllegalArgumentException("warp: -te " + te[0] + " " + te[1] + " " + te[2] + " " + te[3]
                    + " is empty or inverted: xmin must be less than xmax and ymin less than ymax");
        }
        return new Extent(te[0], te[1], te[2], te[3]);
    }

    private double number(String option, String v) {
        String s = v.trim();
        try {
            return s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw usage(option + " must be a number or nan, not '" + v + "'");
        }
    }

    /** -ot and -dstnodata over the first source's cell type. */
    private CellType cellType(CellType sourceType) {
        DataType dt = sourceType.dataType();
        if (type != null) {
            dt = CalcCommand.gdalDataType(type);
            if (dt == null) {
                throw usage("-ot must be Byte, Int8, UInt16, Int16, Int32, Float32 or Float64, not '" + type + "'");
            }
        }
        OptionalDouble nd = sourceType.noDataValue();
        if (dstNoData != null) {
            nd = dstNoData.trim().equalsIgnoreCase("none") ? OptionalDouble.empty()
                    : OptionalDouble.of(number("-dstnodata", dstNoData));
        }
        if (nd.isPresent() && Double.isNaN(nd.getAsDouble()) && !dt.isFloatingPoint()) {
            throw usage("-dstnodata nan needs a floating point output type");
        }
        try {
            return CellType.withNoData(dt, nd);
        } catch (IllegalArgumentException e) {
            throw usage("-dstnodata " + dstNoData + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
