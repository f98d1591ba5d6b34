package io.rastermill.jobs;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.tiles.ColorRamp;
import io.rastermill.core.tiles.TileRange;
import io.rastermill.core.warp.Resampling;
import io.rastermill.spark.tiles.XyzTileOptions;
import io.rastermill.spark.tiles.XyzTiles;
import io.rastermill.spark.warp.GeoTiffWarp;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rastermill tiles SRC... DIR --zoom MIN-MAX}: an XYZ PNG pyramid in Web Mercator with the tile set
 * {@code gdal2tiles.py --xyz} writes; the work is {@link XyzTiles}'.
 */
@Command(
        name = "tiles",
        mixinStandardHelpOptions = true,
        description = "Write an XYZ web tile pyramid: DIR/{z}/{x}/{y}.png, 256x256 PNGs in Web Mercator (EPSG:3857),"
                + " transparent where there is no data; the tiles gdal2tiles.py --xyz writes for the same source and"
                + " zooms. Byte bands are shown as they are (1 band grey, 2 grey+alpha, 3 RGB, 4 RGBA); another"
                + " single band is scaled from its min..max (or --scale) to grey or a --color-ramp.")
final class TilesCommand extends RastermillSubcommand {
    private static final Pattern ZOOMS = Pattern.compile("(\\d{1,2})(?:-(\\d{1,2}))?");

    @Parameters(
            arity = "2..*",
            paramLabel = "FILE",
            description = "source GeoTIFFs (paths, URIs, directories, globs; later ones win), then the output"
                    + " directory (must not exist, unless --overwrite)")
    List<String> files;

    @Option(
            names = {"-z", "--zoom"},
            required = true,
            paramLabel = "MIN-MAX",
            description = "zoom levels, e.g. 0-12, or one level; the highest is warped from the sources, each lower"
                    + " one built from the one below")
    String zoom;

    @Mixin
    ResamplingOption method;

    @Option(
            names = "--color-ramp",
            paramLabel = "NAME",
            description = "colour a single band over its min..max (or --scale): grey, viridis, terrain")
    String colorRamp;

    @Option(
            names = "--scale",
            arity = "2",
            paramLabel = "V",
            description = "MIN MAX: the values mapped to the first and last colour (default: band 1's min and max)")
    double[] scale;

    @Mixin
    SourceCrsOptions source;

    @Option(
            names = "--max-tiles",
            paramLabel = "N",
            description = "refuse pyramids of more tiles than this (default: ${DEFAULT-VALUE})",
            defaultValue = "1000000")
    long maxTiles;

    @Option(
            names = {"-x", "--exclude"},
            description = "leave out fully transparent tiles (as gdal2tiles.py -x): at the top zoom every tile"
                    + " without a visible pixel, below it every tile none of whose children was written")
    boolean exclude;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        List<String> sources = new ArrayList<>(files.subList(0, files.size() - 1));
        String dir = files.get(files.size() - 1);
        XyzTileOptions options = options();
        Crs sourceCrs = source.sourceCrs();
        SparkSession spark = parent.spark().session();
        SparkContext sc = spark.sparkContext();
        GeoTiffWarp warp;
        try {
            warp = GeoTiffWarp.open(spark, sources, sourceCrs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tiles: " + e.getMessage(), e);
        }
        long total = 0;
        for (TileRange r : XyzTiles.ranges(XyzTiles.mercatorGrid(warp), options)) {
            total += r.count();
        }
        sc.setJobGroup("rastermill tiles", "tiles " + String.join(" ", sources) + " → " + dir, false);
        XyzTiles.Result r;
        try (ProgressLine progress = ProgressLine.start(sc, "tiles", total, quiet.quiet)) {
            r = XyzTiles.write(spark, warp, dir, options, progress.tiles());
        } finally {
            sc.clearJobGroup();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "tiles: wrote %s (%d tiles, zoom %d-%d, %s%s) in %.1f s%n",
                r.directory(),
                r.tiles(),
                options.minZoom(),
                options.maxZoom(),
                options.resampling().gdalName(),
                Double.isNaN(r.scaleMin())
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", %s over %.6g..%.6g",
                                options.ramp() == null
                                        ? "grey"
                                        : options.ramp().name().toLowerCase(Locale.ROOT),
                                r.scaleMin(),
                                r.scaleMax()),
                seconds);
        o.flush();
        return 0;
    }

    private XyzTileOptions options() {
        Matcher m = ZOOMS.matcher(zoom.trim());
        if (!m.matches()) {
            throw usage("--zoom must be MIN-MAX or one level (e.g. 0-12 or 10), not '" + zoom + "'");
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        try {
            XyzTileOptions o = XyzTileOptions.zooms(min, max)
                    .withResampling(method.orElse(Resampling.AVERAGE))
                    .withMaxError(source.maxError())
                    .withMaxTiles(maxTiles)
                    .withOverwrite(overwrite.overwrite)
                    .withExcludeTransparent(exclude);
            if (colorRamp != null) {
                o = o.withRamp(ColorRamp.parse(colorRamp));
            }
            return scale == null ? o : o.withScale(scale[0], scale[1]);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }
}
