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
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.warp.WarpOptions;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * gdalwarp's grid and resampling options (a picocli mixin) shared by the commands that warp sources onto one grid
 * ({@code warp}, {@code composite}): {@code -t_srs -s_srs -tr -te -ts -tap -r -srcnodata -dstnodata -ot -et
 * --max-cells}. Errors name the option and start with the command's name.
 */
final class GridOptions {
    /** Default --max-cells: 2^34 (16 Gi cells, 64 GiB of Float32). */
    static final long DEFAULT_MAX_CELLS = 1L << 34;

    @Option(
            names = {"-t_srs", "--target-crs"},
            paramLabel = "CRS",
            description =
                    "target CRS: EPSG:n, a PROJ string or WKT with an EPSG authority (default: the first source's)")
    String targetCrs;

    @Mixin
    SourceCrsOptions source;

    @Option(
            names = {"-tr", "--resolution"},
            arity = "2",
            paramLabel = "RES",
            description = "output cell size: xres yres")
    double[] resolution;

    @Option(
            names = {"-te", "--extent"},
            arity = "4",
            paramLabel = "COORD",
            description = "output extent in the target CRS: xmin ymin xmax ymax")
    double[] extent;

    @Option(
            names = {"-te_srs", "--extent-crs"},
            paramLabel = "CRS",
            description =
                    "the CRS -te is given in (default: the target CRS); as gdalwarp, its lower-left and upper-right"
                            + " corners are transformed to the target CRS")
    String extentCrs;

    @Option(
            names = {"-ts", "--size"},
            arity = "2",
            paramLabel = "N",
            description = "output size in cells: width height (0 for one of them keeps the aspect)")
    int[] size;

    @Option(
            names = {"-tap", "--align-pixels"},
            description = "with -tr: snap the extent to multiples of the resolution")
    boolean tap;

    @Mixin
    ResamplingOption method;

    @Option(
            names = {"-srcnodata", "--src-nodata"},
            paramLabel = "V",
            description = "NoData of every source (a number or nan)")
    String srcNoData;

    @Option(
            names = {"-dstnodata", "--dst-nodata"},
            paramLabel = "V",
            description = "NoData of the output (a number, nan, or None for no NoData; default: the source's)")
    String dstNoData;

    @Option(
            names = {"-ot", "--type"},
            paramLabel = "TYPE",
            description =
                    "output data type: Byte, Int8, UInt16, Int16, Int32, Float32, Float64 (default: the source's)")
    String type;

    @Option(
            names = "--max-cells",
            paramLabel = "N",
            description = "refuse output grids of more cells than this (default: " + DEFAULT_MAX_CELLS + ")")
    long maxCells = DEFAULT_MAX_CELLS;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code -r}, else nearest neighbour (gdalwarp's default). */
    Resampling resampling() {
        return method.orElse(Resampling.NEAREST);
    }

    /** {@code -s_srs}, or null for the files' own. */
    Crs sourceCrs() {
        return source.sourceCrs();
    }

    /** {@code -t_srs -tr -te -ts -tap --max-cells} as a grid spec (null parts: gdalwarp's defaults). */
    TargetGridSpec gridSpec() {
        if (extentCrs != null && extent == null) {
            throw usage("-te_srs needs -te");
        }
        return gridSpec(extent == null ? null : extent(extent));
    }

    /**
     * The grid spec once the sources are open: with {@code -te_srs}, -te's lower-left and upper-right corners are
     * transformed to the target CRS ({@code sourcesCrs} without -t_srs), nothing else, as gdalwarp 3.6 does.
     */
    TargetGridSpec gridSpec(Crs sourcesCrs) {
        if (extentCrs == null) {
            return gridSpec();
        }
        Crs teCrs = crs("-te_srs", extentCrs);
        Crs to = targetCrs != null ? crs("-t_srs", targetCrs) : sourcesCrs;
        Extent te = extent(extent);
        CrsTransform t = CrsTransform.between(teCrs, to);
        Point ll = t.transform(te.xmin(), te.ymin());
        Point ur = t.transform(te.xmax(), te.ymax());
        if (!(Double.isFinite(ll.x())
                && Double.isFinite(ll.y())
                && Double.isFinite(ur.x())
                && Double.isFinite(ur.y()))) {
            throw new IllegalArgumentException(
                    command() + ": -te in " + teCrs + " has corners with no coordinates in " + to);
        }
        return gridSpec(new Extent(ll.x(), ll.y(), ur.x(), ur.y()));
    }

    private TargetGridSpec gridSpec(Extent te) {
        Crs target = targetCrs == null ? null : crs("-t_srs", targetCrs);
        try {
            return new TargetGridSpec(
                    target,
                    resolution == null ? null : new CellSize(resolution[0], resolution[1]),
                    te,
                    size == null ? 0 : size[0],
                    size == null ? 0 : size[1],
                    tap,
                    maxCells);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(command() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The output file's description from {@code describe}; its refusal (a target CRS a GeoTIFF cannot hold) is an
     * input error naming the command and {@code -t_srs}.
     */
    RasterDescription describe(WarpGrid target, Supplier<RasterDescription> describe) {
        try {
            return describe.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(command() + ": -t_srs " + target.crs() + ": " + e.getMessage(), e);
        }
    }

    /** {@code -r -srcnodata -et} with {@code cellType} and {@code tileSize}. */
    WarpOptions warpOptions(CellType cellType, int tileSize) {
        OptionalDouble srcNd =
                srcNoData == null ? OptionalDouble.empty() : OptionalDouble.of(number("-srcnodata", srcNoData));
        return WarpOptions.of(resampling())
                .withCellType(cellType)
                .withSourceNoData(srcNd)
                .withTileSize(tileSize)
                .withMaxError(source.maxError());
    }

    /** EPSG:n, a PROJ string, or WKT whose outermost AUTHORITY is EPSG; an unknown one is an input error. */
    Crs crs(String option, String text) {
        return parseCrs(command(), option, text);
    }

    /** {@link #crs} for a command that has no grid options of its own (tiles' {@code -s_srs}). */
    static Crs parseCrs(String command, String option, String text) {
        try {
            return Crs.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(command + ": " + option + " '" + text + "': " + e.getMessage(), e);
        }
    }

    private Extent extent(double[] te) {
        if (!(te[0] < te[2]) || !(te[1] < te[3])) {
            throw new IllegalArgumentException(command() + ": -te " + te[0] + " " + te[1] + " " + te[2] + " " + te[3]
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

    /** {@code -ot} and {@code -dstnodata} over {@code defaultType} (the type the command gives without them). */
    CellType cellType(CellType defaultType) {
        DataType dt = defaultType.dataType();
        if (type != null) {
            dt = DataType.fromGdalName(type)
                    .orElseThrow(() -> usage(
                            "-ot must be Byte, Int8, UInt16, Int16, Int32, Float32 or Float64, not '" + type + "'"));
        }
        OptionalDouble nd = defaultType.noDataValue();
        if (dstNoData != null) {
            nd = dstNoData.trim().equalsIgnoreCase("none")
                    ? OptionalDouble.empty()
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

    private String command() {
        return spec.name();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
