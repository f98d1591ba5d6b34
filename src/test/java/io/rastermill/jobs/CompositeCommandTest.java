package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill composite} against numpy references ({@code src/test/resources/temporal/make_composite_fixtures.py}):
 * 30 two-band scenes on different grids overlapping the target partially, NoData holes and QA cloud bits
 * ({@code --mask "(B & 8) != 0"}), every reducer, equal cell for cell (the trend within 1e-9 relative, its sums being
 * formed differently); 32-cell tiles so that seams are crossed. Bad input: one line, exit 1 (2 for a malformed option), no output left.
 */
class CompositeCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path fixtures;

    private static final String MASK = "(B & 8) != 0";
    private static final String[] GRID = {
        "-b",
        "1",
        "-t_srs",
        "EPSG:32633",
        "-tr",
        "10",
        "10",
        "-te",
        "500000",
        "4999500",
        "500600",
        "5000000",
        "--block",
        "32"
    };

    @BeforeAll
    static void makeScenes() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/python3")),
                "/usr/bin/python3 with numpy and GDAL's bindings is needed (apt-get install python3-gdal python3-numpy)");
        WarpOracleTest.run(
                "/usr/bin/python3",
                CliRun.projectHome()
                        .resolve("src/test/resources/temporal/make_composite_fixtures.py")
                        .toString(),
                fixtures.toString());
    }

    @Test
    void everyReducerEqualsNumpy(@TempDir Path dir) throws Exception {
        for (String r : List.of("median", "mean", "min", "max", "count", "first", "last", "p10", "p90", "p2.5")) {
            Path out = dir.resolve(r + ".tif");
            composite(out, "--reduce", r, "--mask", MASK, "-ot", "Float64", "-dstnodata", "nan");
            assertSame(fixtures.resolve("ref/" + r + ".tif"), out, r, 0);
        }
    }

    @Test
    void trendIsTheLeastSquaresLinePerCell(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("trend.tif");
        composite(out, "--reduce", "trend", "--mask", MASK, "-ot", "Float64");
        assertSame(fixtures.resolve("ref/trend.tif"), out, "trend", 1e-9);
    }

    /** Default cell types: Float32 for the median (numpy's value rounded to float), UInt16 for count and last. */
    @Test
    void defaultCellTypes(@TempDir Path dir) throws Exception {
        Path median = dir.resolve("median32.tif");
        composite(median, "--reduce", "median", "--mask", MASK);
        assertEquals(CellType.FLOAT32.dataType(), info(median).cellType().dataType());
        Tile ref = WholeRaster.band(fixtures.resolve("ref/median.tif").toString(), 0);
        Tile ours = WholeRaster.band(median.toString(), 0);
        for (int i = 0; i < ref.size(); i++) {
            double e = ref.getDouble(i);
            assertEquals(Double.isNaN(e) ? e : (double) (float) e, ours.getDouble(i), "median cell " + i);
        }
        Path count = dir.resolve("count16.tif");
        composite(count, "--reduce", "count", "--mask", MASK);
        assertEquals(CellType.UINT16_RAW, info(count).cellType());
        assertSame(fixtures.resolve("ref/count.tif"), count, "count UInt16", 0);
        Path last = dir.resolve("last16.tif");
        composite(last, "--reduce", "last", "--mask", MASK);
        assertEquals(CellType.UINT16, info(last).cellType()); // the scenes' type, NoData 0
        assertSame(fixtures.resolve("ref/last.tif"), last, "last UInt16", 0);
    }

    /** Dates from a CSV, a name pattern and the TIFF tag agree; a time range keeps June only. */
    @Test
    void datesFromCsvPatternAndTagSelectTheSameScenes(@TempDir Path dir) throws Exception {
        String[][] datings = {
            {"--dates", fixtures.resolve("dates.csv").toString()}, {"--date-pattern", "_(?<date>\\d{8})\\.tif$"}, {}
        };
        for (String[] d : datings) {
            for (String r : d.length == 0 ? List.of("median", "trend") : List.of("median")) {
                Path out = dir.resolve("june-" + r + d.length + ".tif");
                List<String> args = new ArrayList<>(List.of(
                        "--reduce",
                        r,
                        "--mask",
                        MASK,
                        "-ot",
                        "Float64",
                        "-dstnodata",
                        "nan",
                        "--start",
                        "2024-06-01",
                        "--end",
                        "2024-06-30"));
                args.addAll(List.of(d));
                composite(out, args.toArray(String[]::new));
                assertSame(
                        fixtures.resolve("ref/june-" + r + ".tif"),
                        out,
                        String.join(" ", args),
                        r.equals("trend") ? 1e-9 : 0);
            }
        }
    }

    /**
     * Across CRSs, with an interpolating kernel: {@code last} of the scenes equals {@code warp}'s mosaic of the same
     * files in time order (later sources win where they have data), cell for cell.
     */
    @Test
    void lastIsWarpsMosaicInTimeOrder(@TempDir Path dir) throws Exception {
        List<String> byTime;
        try (var files = Files.list(fixtures.resolve("scenes"))) {
            byTime = files.map(Path::toString)
                    .sorted((a, b) -> a.substring(a.lastIndexOf('_')).compareTo(b.substring(b.lastIndexOf('_'))))
                    .toList();
        }
        String[] grid = {"-t_srs", "EPSG:4326", "-r", "bilinear", "-ot", "Float64", "-dstnodata", "nan", "--block", "32"
        };
        Path mosaic = dir.resolve("mosaic.tif");
        List<String> warp = new ArrayList<>(List.of("warp", "--quiet"));
        warp.addAll(List.of(grid));
        warp.addAll(byTime);
        warp.add(mosaic.toString());
        CliRun w = CliRun.run(warp.toArray(String[]::new));
        assertEquals(0, w.exitCode(), w.err());
        Path last = dir.resolve("last.tif");
        List<String> composite = new ArrayList<>(List.of("composite", "--quiet", "--reduce", "last", "-b", "1"));
        composite.addAll(List.of(grid));
        composite.add(fixtures.resolve("scenes").toString());
        composite.add(last.toString());
        CliRun c = CliRun.run(composite.toArray(String[]::new));
        assertEquals(0, c.exitCode(), c.err());
        Tile a = WholeRaster.band(mosaic.toString(), 0);
        Tile b = WholeRaster.band(last.toString(), 0);
        assertEquals(a.cols(), b.cols());
        assertEquals(a.rows(), b.rows());
        int withData = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.getDouble(i), b.getDouble(i), "cell " + i);
            withData += Double.isNaN(a.getDouble(i)) ? 0 : 1;
        }
        assertTrue(withData > a.size() / 2, withData + " of " + a.size());
    }

    @Test
    void badInputIsOneLineAndNoOutput(@TempDir Path dir) throws Exception {
        String scenes = fixtures.resolve("scenes").toString();
        String[][] cases = {
            {scenes, "--reduce", "median", "--start", "2030-01-01"},
            {scenes, fixtures.resolve("onebanded.tif").toString(), "--reduce", "median"},
            {scenes, "--reduce", "median", "--mask", "A +"},
            {scenes, "--reduce", "median", "--mask", "D == 1"},
            {scenes, "--reduce", "p120"},
            {scenes, "--reduce", "mode"},
            {scenes, "--reduce", "median", "--start", "June"},
            {scenes, "--reduce", "first", "--date-pattern", "_(\\d{6})_"},
            {dir.resolve("nothing-here").toString(), "--reduce", "max"}
        };
        String[] expected = {
            "no scene in", "band", "--mask", "D", "p120", "mode", "June", "does not match", "nothing-here"
        };
        int[] exit = {1, 1, 1, 1, 2, 2, 2, 1, 1}; // 2: a malformed option (message, then the usage), 1: bad input
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i + ".tif");
            List<String> cmd = new ArrayList<>(List.of("composite", "--quiet"));
            cmd.addAll(List.of(cases[i]));
            cmd.addAll(List.of(GRID));
            cmd.add(out.toString());
            CliRun r = CliRun.run(cmd.toArray(String[]::new));
            String what = String.join(" ", cmd) + " -> " + r.exitCode() + ": " + r.err();
            assertEquals(exit[i], r.exitCode(), what);
            String first = r.err().strip().lines().findFirst().orElse("");
            assertTrue(first.contains(expected[i]), what);
            if (exit[i] == 1) {
                assertEquals(1, r.err().strip().lines().count(), what);
                assertTrue(first.startsWith("rastermill: "), what);
            }
            String prefix = "out" + i;
            try (var listing = Files.list(dir)) {
                assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains(prefix)), what);
            }
        }
    }

    private static void composite(Path out, String... args) {
        List<String> cmd = new ArrayList<>(
                List.of("composite", "--quiet", fixtures.resolve("scenes").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of(GRID));
        cmd.add(out.toString());
        CliRun r = CliRun.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
    }

    /** Same size, band count and cells: NaN where the reference is NaN, else equal within {@code rel} relative. */
    private static void assertSame(Path reference, Path ours, String what, double rel) throws IOException {
        MultibandTile ref = WholeRaster.allBands(reference.toString());
        MultibandTile got = WholeRaster.allBands(ours.toString());
        assertEquals(ref.bandCount(), got.bandCount(), what);
        assertEquals(ref.cols(), got.cols(), what);
        assertEquals(ref.rows(), got.rows(), what);
        int withData = 0;
        for (int b = 0; b < ref.bandCount(); b++) {
            Tile e = ref.band(b);
            Tile a = got.band(b);
            for (int i = 0; i < e.size(); i++) {
                double x = e.getDouble(i);
                double y = a.getDouble(i);
                String cell = what + " band " + (b + 1) + " cell (" + i % e.cols() + ", " + i / e.cols() + ")";
                if (Double.isNaN(x)) {
                    assertTrue(Double.isNaN(y), cell + ": expected NoData, got " + y);
                } else {
                    withData++;
                    assertEquals(x, y, rel * Math.max(1, Math.abs(x)), cell);
                }
            }
        }
        assertTrue(withData > ref.cols() * ref.rows() / 2, what + ": only " + withData + " cells with data");
    }

    private static GeoTiffInfo info(Path p) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(p.toString())) {
            return r.info();
        }
    }
}
