package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill warp} against {@code gdalwarp -et 0} (the exact transformer) on small rasters made by
 * {@code src/test/resources/warp/make_warp_fixtures.py}: UTM, geographic, Lambert conformal conic (EPSG:2154), polar
 * stereographic (EPSG:3413), multi-band, NoData holes, a mosaic across the UTM 32/33 border, grids across the
 * antimeridian. Nearest and the
 * selecting methods must give at least 99 % identical cells, continuous kernels stay within 0.2 % of the data range
 * at the 99th percentile, and the default grid has gdalwarp's size and origin within one cell.
 */
class WarpOracleTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path fixtures;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                onPath("gdalwarp") && Files.isExecutable(Path.of("/usr/bin/python3")),
                "gdalwarp and /usr/bin/python3 with GDAL's bindings are needed (apt-get install gdal-bin python3-gdal)");
        run(
                "/usr/bin/python3",
                Path.of(CliRun.projectHome().toString(), "src/test/resources/warp/make_warp_fixtures.py")
                        .toString(),
                fixtures.toString());
    }

    /** gdalwarp's default grid and ours: same size within one cell, same origin within one cell. */
    @Test
    void defaultGridIsGdalwarps(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"EPSG:4326", "utm33"},
            {"EPSG:32633", "geo"},
            {"EPSG:4326", "lcc"},
            {"EPSG:3413", "arctic"},
            {"EPSG:32633", "zone32", "zone33"},
            {"EPSG:3857", "utm33"}
        };
        for (String[] c : cases) {
            Path gdal = dir.resolve("gdal-" + String.join("-", c).replace(':', '_') + ".tif");
            Path ours = dir.resolve("ours-" + String.join("-", c).replace(':', '_') + ".tif");
            List<String> src = new ArrayList<>();
            for (int i = 1; i < c.length; i++) {
                src.add(fixtures.resolve(c[i] + ".tif").toString());
            }
            gdalwarp(src, gdal, "-t_srs", c[0]);
            warp(src, ours, "-t_srs", c[0]);
            GeoTiffInfo g = info(gdal);
            GeoTiffInfo o = info(ours);
            String what = Arrays.toString(c) + ": gdal " + g.width() + "x" + g.height() + " "
                    + g.geoTransform().orElseThrow() + ", ours " + o.width() + "x" + o.height() + " "
                    + o.geoTransform().orElseThrow();
            assertTrue(Math.abs(g.width() - o.width()) <= 1 && Math.abs(g.height() - o.height()) <= 1, what);
            GeoTransform gt = g.geoTransform().orElseThrow();
            GeoTransform ot = o.geoTransform().orElseThrow();
            assertTrue(Math.abs(gt.originX() - ot.originX()) <= Math.abs(gt.pixelWidth()), what);
            assertTrue(Math.abs(gt.originY() - ot.originY()) <= Math.abs(gt.pixelHeight()), what);
            assertEquals(gt.pixelWidth(), ot.pixelWidth(), Math.abs(gt.pixelWidth()) * 0.01, what);
        }
    }

    @Test
    void everyMethodFromUtmToLatLon(@TempDir Path dir) throws Exception {
        for (String method : List.of(
                "near",
                "bilinear",
                "cubic",
                "cubicspline",
                "average",
                "min",
                "max",
                "med",
                "q1",
                "q3",
                "sum",
                "rms",
                "mode")) {
            compare(dir, "utm33", method, "EPSG:4326", 1);
        }
    }

    @Test
    void downsamplingWidensKernels(@TempDir Path dir) throws Exception {
        for (String method : List.of("bilinear", "cubic", "cubicspline", "average", "mode", "med")) {
            compare(dir, "utm33", method, "EPSG:4326", 3.3);
        }
    }

    /** Lanczos matches gdalwarp where the target is not coarser than the source (see the README for downsampling). */
    @Test
    void lanczosAtSourceResolution(@TempDir Path dir) throws Exception {
        compare(dir, "utm33", "lanczos", "EPSG:3857", 1);
        compare(dir, "utm33", "lanczos", "EPSG:32632", 1);
        compare(dir, "lcc", "lanczos", "EPSG:2154", 0.6); // 3 bands of Int16
    }

    @Test
    void geographicLambertAndPolarStereographic(@TempDir Path dir) throws Exception {
        for (String method : List.of("near", "bilinear", "average")) {
            compare(dir, "geo", method, "EPSG:32633", 1);
            compare(dir, "lcc", method, "EPSG:4326", 1);
            compare(dir, "arctic", method, "EPSG:3413", 1);
        }
    }

    @Test
    void modeOfClasses(@TempDir Path dir) throws Exception {
        compare(dir, "classes", "mode", "EPSG:4326", 1);
        compare(dir, "classes", "mode", "EPSG:4326", 2.5);
        compare(dir, "classes", "near", "EPSG:3857", 1);
    }

    @Test
    void mosaicAcrossTheUtmZoneBorderLaterSourceWins(@TempDir Path dir) throws Exception {
        compare(dir, List.of("zone32", "zone33"), "near", "EPSG:32633", 1);
        compare(dir, List.of("zone32", "zone33"), "bilinear", "EPSG:32633", 1);
        compare(dir, List.of("zone33", "zone32"), "near", "EPSG:4326", 1);
    }

    /** -te given in lat/lon for a UTM output: the same grid as gdalwarp's (its lower-left and upper-right corners) and cells. */
    @Test
    void extentInAnotherCrs(@TempDir Path dir) throws Exception {
        List<String> src = List.of(fixtures.resolve("utm33.tif").toString());
        String[] args = {
            "-t_srs",
            "EPSG:32633",
            "-te_srs",
            "EPSG:4326",
            "-te",
            "15.005",
            "48.005",
            "15.055",
            "48.03",
            "-tr",
            "45",
            "45",
            "-r",
            "near"
        };
        Path gdal = dir.resolve("gdal-te_srs.tif");
        Path ours = dir.resolve("ours-te_srs.tif");
        gdalwarp(src, gdal, args);
        warp(src, ours, args);
        GeoTiffInfo g = info(gdal);
        GeoTiffInfo o = info(ours);
        assertEquals(g.width(), o.width());
        assertEquals(g.height(), o.height());
        assertEquals(
                g.geoTransform().orElseThrow().originX(),
                o.geoTransform().orElseThrow().originX(),
                1e-6);
        assertEquals(
                g.geoTransform().orElseThrow().originY(),
                o.geoTransform().orElseThrow().originY(),
                1e-6);
        Agreement r = agreement(WholeRaster.band(gdal.toString(), 0), WholeRaster.band(ours.toString(), 0));
        assertTrue(r.withData > 100 && r.identical >= 0.99, r.toString());
        CliRun bad = CliRun.run(
                "warp",
                "--quiet",
                "-te_srs",
                "EPSG:4326",
                src.get(0),
                dir.resolve("x.tif").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("-te_srs needs -te"), bad.err());
    }

    /**
     * Across the antimeridian. A lon/lat source running past 180° into UTM 60N (proj4j alone would clamp its eastern
     * longitudes onto 180°), and UTM 60N across 180° into lon/lat: our default grid there is gdalwarp's for
     * {@code +lon_wrap=180} (gdalwarp 3.6's own default spans the globe with 201x1 cells), and so are the cells.
     */
    @Test
    void acrossTheAntimeridian(@TempDir Path dir) throws Exception {
        compare(dir, "past180", "near", "EPSG:32660", 1);
        List<String> src = List.of(fixtures.resolve("utm60.tif").toString());
        Path gdal = dir.resolve("gdal-utm60.tif");
        Path ours = dir.resolve("ours-utm60.tif");
        gdalwarp(src, gdal, "-t_srs", "+proj=longlat +datum=WGS84 +lon_wrap=180", "-r", "near");
        warp(src, ours, "-t_srs", "EPSG:4326", "-r", "near");
        GeoTransform gt = info(gdal).geoTransform().orElseThrow();
        GeoTiffInfo o = info(ours);
        GeoTransform ot = o.geoTransform().orElseThrow();
        GeoTiffInfo g = info(gdal);
        String what =
                "gdal " + g.width() + "x" + g.height() + " " + gt + ", ours " + o.width() + "x" + o.height() + " " + ot;
        assertTrue(Math.abs(g.width() - o.width()) <= 1 && Math.abs(g.height() - o.height()) <= 1, what);
        assertTrue(Math.abs(gt.originX() - ot.originX()) <= gt.pixelWidth(), what);
        assertTrue(Math.abs(gt.originY() - ot.originY()) <= Math.abs(gt.pixelHeight()), what);
        Path same = dir.resolve("ours-utm60-gdal-grid.tif");
        warp(
                src,
                same,
                "-t_srs",
                "EPSG:4326",
                "-r",
                "near",
                "-tr",
                num(gt.pixelWidth()),
                num(-gt.pixelHeight()),
                "-te",
                num(gt.originX()),
                num(gt.originY() + g.height() * gt.pixelHeight()),
                num(gt.originX() + g.width() * gt.pixelWidth()),
                num(gt.originY()));
        Agreement r = agreement(WholeRaster.band(gdal.toString(), 0), WholeRaster.band(same.toString(), 0));
        System.out.println("utm60 -> lon/lat across 180, nearest: " + r);
        assertTrue(r.withData > 1000 && r.identical >= 0.99, r.toString());
    }

    @Test
    void badInputIsOneLineExitOneAndNoOutput(@TempDir Path dir) throws Exception {
        String utm = fixtures.resolve("utm33.tif").toString();
        String[][] cases = {
            {"-t_srs", "EPSG:999999", utm},
            {"-t_srs", "+proj=nonsense", utm},
            {fixtures.resolve("nocrs.tif").toString()},
            {"-te", "10", "0", "0", "10", utm},
            {"-te", "0", "5", "10", "5", utm},
            {"--max-cells", "1000", utm},
            {utm, fixtures.resolve("twobands.tif").toString()},
            {dir.resolve("missing.tif").toString()}
        };
        String[] expected = {"EPSG:999999", "+proj=nonsense", "-s_srs", "-te", "-te", "1000", "band", "missing.tif"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i + ".tif");
            List<String> cmd = new ArrayList<>(List.of("warp", "--quiet"));
            cmd.addAll(List.of(cases[i]));
            cmd.add(out.toString());
            CliRun r = CliRun.run(cmd.toArray(String[]::new));
            String what = String.join(" ", cmd) + " -> " + r.exitCode() + ": " + r.err();
            assertEquals(1, r.exitCode(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("rastermill: ") && r.err().contains(expected[i]), what);
            String prefix = "out" + i;
            try (var listing = Files.list(dir)) {
                assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains(prefix)), what);
            }
        }
        // A source without a CRS warps once -s_srs gives it one.
        Path ok = dir.resolve("nocrs-assigned.tif");
        warp(List.of(fixtures.resolve("nocrs.tif").toString()), ok, "-s_srs", "EPSG:32633", "-t_srs", "EPSG:32633");
        assertEquals(20, info(ok).width());
    }

    /** Warps {@code sources} with gdalwarp -et 0 to its default grid (scaled), then ours onto the same grid. */
    private static void compare(Path dir, String source, String method, String crs, double scale) throws Exception {
        compare(dir, List.of(source), method, crs, scale);
    }

    private static void compare(Path dir, List<String> sources, String method, String crs, double scale)
            throws Exception {
        String name = String.join("+", sources) + "-" + method + "-" + crs.replace(':', '_') + "-" + scale;
        List<String> src = sources.stream()
                .map(s -> fixtures.resolve(s + ".tif").toString())
                .toList();
        Path grid = dir.resolve("grid-" + name + ".tif");
        gdalwarp(src, grid, "-t_srs", crs);
        GeoTiffInfo g = info(grid);
        GeoTransform t = g.geoTransform().orElseThrow();
        double xres = t.pixelWidth() * scale;
        double yres = -t.pixelHeight() * scale;
        int w = (int) Math.floor(g.width() / scale);
        int h = (int) Math.floor(g.height() / scale);
        String[] gridArgs = {
            "-t_srs",
            crs,
            "-tr",
            num(xres),
            num(yres),
            "-te",
            num(t.originX()),
            num(t.originY() - h * yres),
            num(t.originX() + w * xres),
            num(t.originY())
        };
        Path gdal = dir.resolve("gdal-" + name + ".tif");
        Path ours = dir.resolve("ours-" + name + ".tif");
        List<String> args = new ArrayList<>(List.of(gridArgs));
        args.addAll(List.of("-r", method));
        gdalwarp(src, gdal, args.toArray(String[]::new));
        warp(src, ours, args.toArray(String[]::new));
        GeoTiffInfo gi = info(gdal);
        GeoTiffInfo oi = info(ours);
        assertEquals(gi.width(), oi.width(), name);
        assertEquals(gi.height(), oi.height(), name);
        assertEquals(gi.bandCount(), oi.bandCount(), name);
        boolean selecting =
                List.of("near", "mode", "min", "max", "med", "q1", "q3").contains(method);
        for (int b = 0; b < gi.bandCount(); b++) {
            Tile a = WholeRaster.band(gdal.toString(), b);
            Tile o = WholeRaster.band(ours.toString(), b);
            Agreement r = agreement(a, o);
            String what = String.format(Locale.ROOT, "%s band %d: %s", name, b + 1, r);
            assertTrue(r.withData > 100, what);
            if (selecting) {
                assertTrue(r.identical >= 0.99, what);
            } else {
                assertTrue(r.noDataAgree >= 0.99, what);
                assertTrue(r.p99 <= 0.002 * r.range, what);
            }
        }
    }

    record Agreement(int withData, double identical, double noDataAgree, double p99, double range) {}

    static Agreement agreement(Tile gdal, Tile ours) {
        double[] a = gdal.toDoubleLane();
        double[] o = ours.toDoubleLane();
        int either = 0;
        int same = 0;
        int sameNoData = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] diffs = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            boolean da = !Double.isNaN(a[i]);
            boolean dOurs = !Double.isNaN(o[i]);
            if (!da && !dOurs) {
                continue;
            }
            either++;
            if (da == dOurs) {
                sameNoData++;
            }
            if (da && dOurs) {
                if (a[i] == o[i]) {
                    same++;
                }
                diffs[n++] = Math.abs(a[i] - o[i]);
                min = Math.min(min, a[i]);
                max = Math.max(max, a[i]);
            }
        }
        Arrays.sort(diffs, 0, n);
        double p99 = n == 0 ? Double.NaN : diffs[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)];
        return new Agreement(
                either,
                either == 0 ? 0 : (double) same / either,
                either == 0 ? 0 : (double) sameNoData / either,
                p99,
                max - min);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static GeoTiffInfo info(Path p) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(p.toString())) {
            return r.info();
        }
    }

    static void gdalwarp(List<String> sources, Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-et", "0"));
        cmd.addAll(List.of(args));
        cmd.addAll(sources);
        cmd.add(out.toString());
        run(cmd.toArray(String[]::new));
    }

    static void warp(List<String> sources, Path out, String... args) {
        List<String> cmd = new ArrayList<>(List.of("warp", "--quiet", "--no-cog"));
        cmd.addAll(List.of(args));
        cmd.addAll(sources);
        cmd.add(out.toString());
        CliRun r = CliRun.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
        assertFalse(r.out().isEmpty());
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + new String(out, StandardCharsets.UTF_8));
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
