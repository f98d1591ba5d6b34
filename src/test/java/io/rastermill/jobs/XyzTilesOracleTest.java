package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill tiles} against {@code gdal2tiles.py --xyz} on rasters made by
 * {@code src/test/resources/tiles/make_tile_fixtures.py} (UTM and geographic, grey, RGB and Float32, NoData holes):
 * the same tile set at every zoom, and where both tiles are opaque the pixel values close.
 */
class XyzTilesOracleTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path fixtures;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                WarpOracleTest.onPath("gdal2tiles.py") && Files.isExecutable(Path.of("/usr/bin/python3")),
                "gdal2tiles.py and /usr/bin/python3 with GDAL's bindings are needed (apt-get install gdal-bin python3-gdal)");
        WarpOracleTest.run(
                "/usr/bin/python3",
                CliRun.projectHome()
                        .resolve("src/test/resources/tiles/make_tile_fixtures.py")
                        .toString(),
                fixtures.toString());
    }

    /**
     * Measured: p99 3 levels (of 255), max 5 (average, bilinear) and 6 (near); alpha differs on 0.1 % (average) to
     * 0.5 % (near) of the pixels gdal2tiles makes clearly transparent or opaque. gdal2tiles warps to a native
     * EPSG:3857 grid first and resamples that to each tile; we warp from the source to each tile directly.
     */
    @Test
    void utmGreyWithHolesEveryZoomFromZero(@TempDir Path dir) throws Exception {
        compare(dir, fixtures.resolve("utm_byte.tif"), "0-10", "average").check(3, 6, 0.005);
        compare(dir, fixtures.resolve("utm_byte.tif"), "9-10", "near").check(3, 8, 0.01);
        compare(dir, fixtures.resolve("utm_byte.tif"), "9-10", "bilinear").check(3, 6, 0.005);
    }

    /** Three Byte bands as RGB, transparent outside the footprint. Measured: p99 5, max 10, alpha 0.6 %. */
    @Test
    void geographicRgb(@TempDir Path dir) throws Exception {
        compare(dir, fixtures.resolve("geo_rgb.tif"), "5-9", "average").check(6, 12, 0.01);
    }

    /**
     * A Float32 band (gdal2tiles refuses it): gdal2tiles tiles {@code gdal_translate -ot Byte -scale MIN MAX 1 255
     * -a_nodata 0}, we tile the floats with the --scale range that gives the same bytes.
     */
    @Test
    void float32ScaledToGrey(@TempDir Path dir) throws Exception {
        double[] v = WholeRaster.band(fixtures.resolve("geo_float.tif").toString(), 0)
                .toDoubleLane();
        double min = Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElseThrow();
        double max = Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElseThrow();
        Path bytes = dir.resolve("geo_float_byte.tif");
        WarpOracleTest.run(
                "gdal_translate",
                "-q",
                "-ot",
                "Byte",
                "-scale",
                num(min),
                num(max),
                "1",
                "255",
                "-a_nodata",
                "0",
                fixtures.resolve("geo_float.tif").toString(),
                bytes.toString());
        double lo = min - (max - min) / 254;
        double hi = lo + 255 * (max - min) / 254;
        compare(dir, bytes, fixtures.resolve("geo_float.tif"), "6-9", "average", List.of(), "--scale", num(lo), num(hi))
                .check(6, 12, 0.01); // measured: p99 5, max 10, alpha 0.4 %
    }

    /** The whole lat/lon world, poles included: cut at ±85.05° as gdal2tiles cuts it; zoom 2 is every tile. */
    @Test
    void worldBeyondMercatorsLatitudes(@TempDir Path dir) throws Exception {
        compare(dir, fixtures.resolve("world.tif"), "0-2", "near").check(0, 0, 0.01);
    }

    /**
     * Sources across the antimeridian (UTM 60N, and lon/lat 170°E..190°E). gdal2tiles 3.6 tiles gdalwarp's default
     * EPSG:3857 grid, which for such a source spans the globe (158 x 1 cells of 253 km for the UTM one, 149 x 13 of
     * 269 km for the lon/lat one): it writes every tile of the rows the source meets and fills them from that coarse
     * grid (for the UTM source only tile column 0 gets pixels, one stretched grid row). We write the same tile set;
     * the pixels are checked against gdalwarp straight into each tile next to 180°, and every other tile must be
     * transparent (a column at the antipode of the source's centre once got the whole source in each pixel).
     */
    @Test
    void acrossTheAntimeridian(@TempDir Path dir) throws Exception {
        // zooms 3-5 and 5 (128 tiles, every one warped): enough to cross 180° on both sides, few enough to be quick
        String[][] cases = {{"utm60_am.tif", "3-5"}, {"geo_am.tif", "5"}};
        for (String[] c : cases) {
            String name = c[0];
            Path source = fixtures.resolve(name);
            compare(dir, source, c[1], "average"); // asserts the tile sets; gdal2tiles' pixels are not a reference here
            Path mine = dir.resolve("ours-" + name + "-average");
            Agreement a = new Agreement();
            a.what = name + " against gdalwarp per tile";
            for (String t : pngs(mine)) {
                String[] zxy = t.replace(".png", "").split("/");
                int z = Integer.parseInt(zxy[0]);
                int x = Integer.parseInt(zxy[1]);
                int y = Integer.parseInt(zxy[2]);
                int[][] ours = read(mine.resolve(t));
                if (x != 0 && x != (1 << z) - 1) {
                    assertTrue(
                            Arrays.stream(ours).allMatch(p -> p[3] == 0),
                            name + ": tile " + t + " far from 180° has pixels");
                } else if (z == 5) {
                    a.add(gdalwarpTile(dir, source, z, x, y), ours);
                }
            }
            a.check(1, 2, 0.001); // measured on both: p99 0, max 1, alpha equal on every clear pixel
        }
    }

    /** RGBA pixels of {@code gdalwarp -r average} from the source straight into XYZ tile z/x/y (grey + alpha). */
    private static int[][] gdalwarpTile(Path dir, Path source, int z, int x, int y) throws Exception {
        double size = 2 * Math.PI * 6378137 / (1 << z);
        double xmin = -Math.PI * 6378137 + x * size;
        double ymax = Math.PI * 6378137 - y * size;
        Path tif = dir.resolve("ref-" + z + "-" + x + "-" + y + ".tif");
        Path png = dir.resolve("ref-" + z + "-" + x + "-" + y + ".png");
        WarpOracleTest.run(
                "gdalwarp",
                "-q",
                "-overwrite",
                "-et",
                "0",
                "-r",
                "average",
                "-t_srs",
                "EPSG:3857",
                "-te",
                num(xmin),
                num(ymax - size),
                num(xmin + size),
                num(ymax),
                "-ts",
                "256",
                "256",
                "-dstalpha",
                source.toString(),
                tif.toString());
        WarpOracleTest.run("gdal_translate", "-q", "-of", "PNG", tif.toString(), png.toString());
        return read(png);
    }

    @Test
    void badInputIsOneLineAndNoOutput(@TempDir Path dir) throws Exception {
        String utm = fixtures.resolve("utm_byte.tif").toString();
        String rgb = fixtures.resolve("geo_rgb.tif").toString();
        Path noCrs = fixtures.resolve("nocrs.tif");
        Files.createDirectories(dir.resolve("exists"));
        String[][] cases = {
            {"--zoom", "9-5", utm, "a"},
            {"--zoom", "x", utm, "b"},
            {"--zoom", "0-31", utm, "c"},
            {"--zoom", "5", "-r", "sum", utm, "d"},
            {"--zoom", "5", "--color-ramp", "rainbow", utm, "e"},
            {"--zoom", "5", "--color-ramp", "viridis", rgb, "f"},
            {"--zoom", "0-12", "--max-tiles", "10", utm, "g"},
            {"--zoom", "5", noCrs.toString(), "h"},
            {"--zoom", "5", utm, "exists"}
        };
        String[] expected = {
            "--zoom", "--zoom", "--zoom", "sum", "rainbow", "single band", "--max-tiles", "-s_srs", "--overwrite"
        };
        int[] exit = {2, 2, 2, 2, 2, 1, 1, 1, 1};
        for (int i = 0; i < cases.length; i++) {
            List<String> cmd = new ArrayList<>(List.of("tiles", "--quiet"));
            cmd.addAll(List.of(cases[i]));
            cmd.set(cmd.size() - 1, dir.resolve(cmd.get(cmd.size() - 1)).toString());
            CliRun r = CliRun.run(cmd.toArray(String[]::new));
            String what = String.join(" ", cmd) + " -> " + r.exitCode() + ": " + r.err();
            assertEquals(exit[i], r.exitCode(), what);
            assertTrue(r.err().contains(expected[i]), what);
            if (exit[i] == 1) {
                assertEquals(1, r.err().strip().lines().count(), what);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(
                    List.of("exists"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> left = Files.list(dir.resolve("exists"))) {
            assertEquals(0, left.count());
        }
        // The source without a CRS tiles once -s_srs gives it one.
        Path ok = dir.resolve("assigned");
        CliRun r =
                CliRun.run("tiles", "--quiet", "--zoom", "7", "-s_srs", "EPSG:32633", noCrs.toString(), ok.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(pngs(ok).size(), 2, pngs(ok).toString());
    }

    /**
     * {@code -x} on both sides: fully transparent tiles left out at every zoom. The lon/lat source across 180° at
     * zooms 3-5: of the 192 tiles of the full set (the rows it meets, all around the globe), gdal2tiles keeps 18
     * (8 at zoom 5); the tile sets must be equal. Its pixels are no reference there (see acrossTheAntimeridian);
     * that the kept tiles are the same as without -x is XyzTilesExcludeTest's.
     */
    @Test
    void excludeTransparentAsGdal2tiles(@TempDir Path dir) throws Exception {
        Path source = fixtures.resolve("geo_am.tif");
        compare(dir, source, source, "3-5", "average", List.of("-x"), "-x");
        assertEquals(18, pngs(dir.resolve("ours-geo_am.tif-average")).size());
    }

    /** Both sides compared as pixels of every tile both write; the tile sets must be equal. */
    private static Agreement compare(Path dir, Path source, String zooms, String method) throws Exception {
        return compare(dir, source, source, zooms, method, List.of());
    }

    /**
     * gdal2tiles on {@code theirs} with the extra flags {@code gdal}, ours on {@code source} with {@code ours}
     * options.
     */
    private static Agreement compare(
            Path dir, Path theirs, Path source, String zooms, String method, List<String> gdal, String... ours)
            throws Exception {
        Path reference = dir.resolve("gdal-" + source.getFileName() + "-" + method);
        Path mine = dir.resolve("ours-" + source.getFileName() + "-" + method);
        List<String> g2t = new ArrayList<>(List.of(
                "/usr/bin/python3",
                "/usr/bin/gdal2tiles.py",
                "--xyz",
                "-q",
                "--processes=1",
                "-w",
                "none",
                "-z",
                zooms,
                "-r",
                method));
        g2t.addAll(gdal);
        g2t.addAll(List.of(theirs.toString(), reference.toString()));
        WarpOracleTest.run(g2t.toArray(String[]::new));
        List<String> cmd = new ArrayList<>(List.of("tiles", "--quiet", "--zoom", zooms, "-r", method));
        cmd.addAll(List.of(ours));
        cmd.addAll(List.of(source.toString(), mine.toString()));
        CliRun r = CliRun.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
        TreeSet<String> expected = pngs(reference);
        TreeSet<String> actual = pngs(mine);
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual, source + " -r " + method + ": tile sets");
        Agreement a = new Agreement();
        for (String t : expected) {
            a.add(read(reference.resolve(t)), read(mine.resolve(t)));
        }
        a.what = source.getFileName() + " -r " + method + " --zoom " + zooms;
        return a;
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static TreeSet<String> pngs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png"))
                    .map(p -> dir.relativize(p).toString())
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }

    /** RGBA pixels of a PNG (grey + alpha expanded). */
    static int[][] read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int[][] px = new int[w * h][];
        int[] v = new int[r.getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, v);
                px[y * w + x] = v.length == 2
                        ? new int[] {v[0], v[0], v[0], v[1]}
                        : v.length == 4 ? v.clone() : new int[] {v[0], v[1], v[2], 255};
            }
        }
        return px;
    }

    /** Where both are opaque: differences; where gdal2tiles is clearly in or out (alpha 0 or 255): alpha agreement. */
    static final class Agreement {
        final List<Integer> diffs = new ArrayList<>();
        String what;
        long alphaCompared;
        long alphaDiffer;

        void add(int[][] gdal, int[][] ours) {
            for (int i = 0; i < gdal.length; i++) {
                int ga = gdal[i][3];
                int oa = ours[i][3];
                if (ga == 0 || ga == 255) {
                    alphaCompared++;
                    if ((ga == 255) != (oa == 255) && (ga == 0) != (oa == 0)) {
                        alphaDiffer++;
                    }
                }
                if (ga == 255 && oa == 255) {
                    for (int c = 0; c < 3; c++) {
                        diffs.add(Math.abs(gdal[i][c] - ours[i][c]));
                    }
                }
            }
        }

        /** At least 10 000 opaque channels compared, and the differences and alpha disagreement within bounds. */
        void check(int p99, int max, double alpha) {
            System.out.println("tiles vs gdal2tiles, " + what + ": " + this);
            assertTrue(diffs.size() > 10_000, what + ": " + this);
            assertTrue(quantile(0.99) <= p99 && quantile(1) <= max, what + ": " + this);
            assertTrue(alphaDisagreement() <= alpha, what + ": " + this);
        }

        int quantile(double q) {
            Integer[] d = diffs.toArray(Integer[]::new);
            Arrays.sort(d);
            return d.length == 0 ? -1 : d[Math.min(d.length - 1, (int) Math.ceil(q * d.length) - 1)];
        }

        double identical() {
            return diffs.stream().filter(d -> d == 0).count() / (double) diffs.size();
        }

        double alphaDisagreement() {
            return alphaCompared == 0 ? 0 : alphaDiffer / (double) alphaCompared;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d opaque channels, %.3f identical, p50 %d p95 %d p99 %d max %d;"
                            + " alpha differs on %.4f of %d clear pixels",
                    diffs.size(),
                    identical(),
                    quantile(0.5),
                    quantile(0.95),
                    quantile(0.99),
                    quantile(1),
                    alphaDisagreement(),
                    alphaCompared);
        }
    }
}
