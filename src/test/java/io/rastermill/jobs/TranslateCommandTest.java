package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill translate}, on Spark (the default) and in one JVM ({@code --no-spark}): cells
 * survive any re-encoding; bad input leaves nothing behind.
 */
class TranslateCommandTest {
    private static org.apache.spark.sql.SparkSession spark;

    @org.junit.jupiter.api.BeforeAll
    static void start() {
        spark = new io.rastermill.spark.RastermillSpark(io.rastermill.spark.RastermillSpark.localDefaults()
                        .with("spark.master", "local[2]", io.rastermill.spark.SettingSource.COMMAND_LINE))
                .session();
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        spark.stop();
        org.apache.spark.sql.SparkSession.clearActiveSession();
        org.apache.spark.sql.SparkSession.clearDefaultSession();
    }

    @Test
    void reEncodingKeepsEveryCellTheGeoreferencingAndTheNoData(@TempDir Path dir) throws IOException {
        List<GdalFixture> picks = GdalFixtures.supported().stream()
                .filter(f -> f.overviewCount() == 0 && f.hasGeoTransform())
                .limit(12)
                .toList();
        String[][] settings = {
            {"--compress", "zstd", "--predictor", "yes", "--block", "16", "--cog"},
            {"--compress", "lzw", "--block", "32", "--no-spark"},
            {"--compress", "none", "--bigtiff", "yes"},
            {
                "--compress",
                "deflate",
                "--level",
                "1",
                "--predictor",
                "yes",
                "--overviews",
                "2",
                "--no-spark",
                "--threads",
                "3"
            }
        };
        int i = 0;
        for (GdalFixture f : picks) {
            String[] s = settings[i++ % settings.length];
            Path out = dir.resolve(f.name() + ".tif");
            String[] args = new String[s.length + 3];
            args[0] = "translate";
            System.arraycopy(s, 0, args, 1, s.length);
            args[s.length + 1] = f.tif().toString();
            args[s.length + 2] = out.toString();
            CliRun run = CliRun.run(args);
            assertEquals(0, run.exitCode(), f.name() + ": " + run.err());
            assertTrue(run.out().startsWith("wrote "), run.out());
            MultibandTile expected = WholeRaster.allBands(f.tif().toString());
            MultibandTile got = WholeRaster.allBands(out.toString());
            assertEquals(expected, got, f.name() + " " + String.join(" ", s));
            try (GeoTiffReader a = GeoTiffReader.open(f.tif().toString());
                    GeoTiffReader b = GeoTiffReader.open(out.toString())) {
                assertEquals(a.info().cellType(), b.info().cellType());
                assertEquals(a.info().geoTransform(), b.info().geoTransform());
                assertEquals(a.info().epsg(), b.info().epsg());
                assertArrayEquals(
                        new int[] {
                            Integer.parseInt(
                                    s[Math.max(0, List.of(s).indexOf("--block")) + 1].matches("\\d+")
                                            ? s[List.of(s).indexOf("--block") + 1]
                                            : "512")
                        },
                        new int[] {b.info().blockWidth()});
                if (List.of(s).contains("zstd")) {
                    assertEquals(Compression.ZSTD, b.info().compression());
                }
            }
        }
        assertTrue(i >= 8, "enough fixtures exercised: " + i);
    }

    @Test
    void cogOutputsPassGdalsValidator(@TempDir Path dir) throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/python3"))
                        && run("/usr/bin/python3", "-c", "import osgeo_utils.samples.validate_cloud_optimized_geotiff")
                                == 0,
                "GDAL's Python utilities are not installed (bash .ci/run installs python3-gdal)");
        GdalFixture f = GdalFixtures.named("cog_int16_deflate_bs32");
        Path out = dir.resolve("cog.tif");
        CliRun r = CliRun.run(
                "translate",
                "--cog",
                "--block",
                "16",
                "--predictor",
                "yes",
                f.tif().toString(),
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(
                0,
                run("/usr/bin/python3", "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff", out.toString()),
                "validate_cloud_optimized_geotiff " + out);
    }

    @Test
    void badArgumentsAreUsageErrorsAndBadInputLeavesNoOutput(@TempDir Path dir) throws IOException {
        GdalFixture f = GdalFixtures.named("cog_int16_deflate_bs32");
        Path out = dir.resolve("out.tif");
        CliRun jpeg = CliRun.run("translate", "--compress", "jpeg", f.tif().toString(), out.toString());
        assertEquals(2, jpeg.exitCode());
        assertTrue(jpeg.err().contains("--compress"), jpeg.err());
        CliRun p3 = CliRun.run("translate", "--predictor", "3", f.tif().toString(), out.toString());
        assertEquals(2, p3.exitCode());
        assertTrue(p3.err().contains("predictor 3"), p3.err());
        CliRun missing = CliRun.run("translate", dir.resolve("nope.tif").toString(), out.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nope.tif"), missing.err());

        // A file whose pixel data is damaged past its header: the read fails mid-way, no output appears.
        byte[] bytes = Files.readAllBytes(f.tif());
        for (int k = bytes.length - 2000; k < bytes.length; k++) {
            bytes[k] = (byte) (k * 31);
        }
        Path damaged = dir.resolve("damaged.tif");
        Files.write(damaged, bytes);
        CliRun broken = CliRun.run("translate", damaged.toString(), out.toString());
        assertEquals(1, broken.exitCode(), broken.out());
        assertTrue(broken.err().contains("damaged.tif"), broken.err());
        assertFalse(Files.exists(out), "no output after a failure");
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("damaged.tif"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        if (rc != 0) {
            System.out.println(String.join(" ", cmd) + ":\n" + out);
        }
        return rc;
    }
}
