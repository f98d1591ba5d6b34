package io.rastermill.jobs;

import io.rastermill.spark.LocalSparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Assumptions.assumeTrue(WarpOracleTest.onPath("gdal2tiles.py") && Files.isExecutable(Path.of("/usr/bin/python3")),
                "gdal2tiles.py and /usr/bin/python3 with GDAL's bindings are needed (apt-get install gdal-bin python3-gdal)");
        WarpOracleTest.run("/usr/bin/python3", CliRun.projectHome().resolve("src/test/resources/tiles/make_tile_fixtures.py")
                .toString(), fixtures.toString());
    }

    @Test
    void utmGreyWithHoles(@TempDir Path dir) throws Exception {
        for (String method : List.of("average", "near", "bilinear")) {
            Agreement a = compare(dir, fixtures.resolve("utm_byte.tif"), "0-10", method);
            System.out.println("utm " + method + " " + a);
        }
    }

    @Test
    void geographicRgb(@TempDir Path dir) throws Exception {
        Agreement a = compare(dir, fixtures.resolve("geo_rgb.tif"), "3-9", "average");
        System.out.println("rgb " + a);
    }

    /** Both sides compared as pixels of every tile both write; the tile sets must be equal. */
    private static Agreement compare(Path dir, Path source, String zooms, String method, String... ours) throws Exception {
        Path gdal = dir.resolve("gdal-" + source.getFileName() + "-" + method);
        Path mine = dir.resolve("ours-" + source.getFileName() + "-" + method);
        WarpOracleTest.run("/usr/bin/python3", "/usr/bin/gdal2tiles.py", "--xyz", "-q", "--processes=1", "-w", "none",
                "-z", zooms, "-r", method, source.toString(), gdal.toString());
        List<String> cmd = new ArrayList<>(List.of("tiles", "--quiet", "--zoom", zooms, "-r", method));
        cmd.addAll(List.of(ours));
        cmd.addAll(List.of(source.toString(), mine.toString()));
        CliRun r = CliRun.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
        TreeSet<String> expected = pngs(gdal);
        TreeSet<String> actual = pngs(mine);
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual, source + " -r " + method + ": tile sets");
        Agreement a = new Agreement();
        for (String t : expected) {
            a.add(read(gdal.resolve(t)), read(mine.resolve(t)));
        }
        return a;
    }

    private static TreeSet<String> pngs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).map(p -> dir.relativize(p).toString())
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
                px[y * w + x] = v.length == 2 ? new int[]{v[0], v[0], v[0], v[1]}
                        : v.length == 4 ? v.clone() : new int[]{v[0], v[1], v[2], 255};
            }
        }
        return px;
    }

    /** Where both are opaque: differences; where gdal2tiles is clearly in or out (alpha 0 or 255): alpha agreement. */
    static final class Agreement {
        final List<Integer> diffs = new ArrayList<>();
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
            return String.format(Locale.ROOT, "%d opaque channels, %.3f identical, p50 %d p95 %d p99 %d max %d;"
                    + " alpha differs on %.4f of %d clear pixels", diffs.size(), identical(), quantile(0.5),
                    quantile(0.95), quantile(0.99), quantile(1), alphaDisagreement(), alphaCompared);
        }
    }
}
