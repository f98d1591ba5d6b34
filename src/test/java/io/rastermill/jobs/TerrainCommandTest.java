package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsOp;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terrain commands end to end on Spark (read → focal with halos → parallel COG write) against
 * gdaldem 3.6.2's outputs for the same options (src/test/fixtures/focal: cases.tsv lists the exact
 * gdaldem command of every reference): every cell within 1e-4, NoData where gdaldem has NoData.
 */
class TerrainCommandTest {
    // The commands attach to this session instead of starting one per run.
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(TerrainCommandTest.class
                    .getResource("/io/rastermill/core/focal/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGdaldemCaseAgreesThroughTheCommandLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(fixture("cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String name = f[0];
            String dem = f[1];
            String mode = f[2].toLowerCase();
            List<String> options = new ArrayList<>(
                    List.of(f[3].trim().isEmpty() ? new String[0] : f[3].trim().split(" ")));
            if (mode.equals("slope") && options.contains("-z")) {
                // gdaldem slope accepts -z and ignores it; ours applies it (an extension), so leave it out here
                int i = options.indexOf("-z");
                options.remove(i + 1);
                options.remove(i);
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path out = dir.resolve(name + ".tif");
                List<String> args = new ArrayList<>(
                        List.of(mode, fixture(dem + ".tif").toString(), out.toString(), "--block", "16", "--quiet"));
                args.addAll(options);
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().startsWith(mode + ": wrote "), run.out());
                compare(WholeRaster.firstBand(fixture(name + ".tif")), WholeRaster.firstBand(out), name);
            }));
        }
        return tests.stream();
    }

    static void compare(Tile gdal, Tile ours, String what) {
        assertEquals(gdal.cols(), ours.cols(), what);
        assertEquals(gdal.rows(), ours.rows(), what);
        double worst = 0;
        for (int r = 0; r < gdal.rows(); r++) {
            for (int c = 0; c < gdal.cols(); c++) {
                double a = gdal.getDouble(c, r);
                double b = ours.getDouble(c, r);
                assertEquals(Double.isNaN(a), Double.isNaN(b), what + ": NoData at (" + c + "," + r + ")");
                if (!Double.isNaN(a)) {
                    worst = Math.max(worst, Math.abs(a - b));
                }
            }
        }
        assertTrue(worst <= 1e-4, what + ": max |difference| " + worst);
    }

    @Test
    void focalStatisticsAndConventionsRunAndBadArgumentsAreUsageErrors() throws IOException {
        Path out = dir.resolve("median.tif");
        CliRun median = CliRun.run(
                "focal",
                "median",
                fixture("dem_f32.tif").toString(),
                out.toString(),
                "--radius",
                "2",
                "--shape",
                "circle",
                "--block",
                "32",
                "--quiet");
        assertEquals(0, median.exitCode(), median.err());
        assertEquals("float64", readCellType(out));

        Path gt = dir.resolve("gt.tif");
        CliRun hillshade = CliRun.run(
                "hillshade",
                fixture("dem_f32.tif").toString(),
                gt.toString(),
                "--convention",
                "geotrellis",
                "--block",
                "32",
                "--quiet");
        assertEquals(0, hillshade.exitCode(), hillshade.err());
        assertEquals("int16", readCellType(gt), "GeoTrellis hillshade is int16");

        CliRun badAlg = CliRun.run(
                "slope", fixture("dem_f32.tif").toString(), dir.resolve("x.tif").toString(), "--alg", "Sobel");
        assertEquals(2, badAlg.exitCode());
        assertTrue(badAlg.err().contains("--alg"), badAlg.err());
        CliRun gtPercent = CliRun.run(
                "slope",
                fixture("dem_f32.tif").toString(),
                dir.resolve("x.tif").toString(),
                "--convention",
                "geotrellis",
                "-p");
        assertEquals(2, gtPercent.exitCode(), gtPercent.err());
        CliRun missing = CliRun.run(
                "slope",
                dir.resolve("nope.tif").toString(),
                dir.resolve("x.tif").toString(),
                "--quiet");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nope.tif"), missing.err());
        assertFalse(Files.exists(dir.resolve("x.tif")));
    }

    /** The annulus and weights options reach the kernel the catalog makes of the same text (tiles of 16: seams). */
    @Test
    void focalAnnulusAndWeightsFromTheCommandLineEqualTheKernelOnTheWholeRaster() throws IOException {
        Tile dem = WholeRaster.firstBand(fixture("dem_f32.tif"));
        String[][] cases = {
            {"mean", "--shape", "annulus", "--inner", "1", "--radius", "3"},
            {"sum", "--shape", "weighted", "--radius", "1", "--weights", "0,1,0,1,-4,1,0,1,0"}
        };
        String[] options = {
            "stat=mean shape=annulus inner=1 radius=3", "stat=sum shape=weighted radius=1 weights=0,1,0,1,-4,1,0,1,0"
        };
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("focal-shape-" + i + ".tif");
            List<String> args = new ArrayList<>(
                    List.of("focal", cases[i][0], fixture("dem_f32.tif").toString(), out.toString()));
            args.addAll(List.of(cases[i]).subList(1, cases[i].length));
            args.addAll(List.of("--block", "16", "--quiet"));
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            Tile expected = FocalOps.applyWhole(FocalStatsOp.FOCAL.kernel(options[i]), dem, new CellSize(1, 1));
            compare(expected, WholeRaster.firstBand(out), options[i]);
        }
        CliRun inner = CliRun.run(
                "focal",
                "mean",
                fixture("dem_f32.tif").toString(),
                dir.resolve("y.tif").toString(),
                "--radius",
                "2",
                "--inner",
                "1");
        assertEquals(2, inner.exitCode(), inner.err());
        assertTrue(inner.err().contains("focal: inner is for shape=annulus, not square"), inner.err());
    }

    private static String readCellType(Path p) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(p.toString())) {
            return r.info().cellType().name();
        }
    }
}
