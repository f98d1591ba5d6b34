package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space-time layers from the command line: {@code layer write --space-time} of dated scenes (times from a CSV),
 * {@code layer list} with the time range, {@code layer read --start/--end} one GeoTIFF per scene, and {@code composite
 * --layer} / {@code --window} against numpy-style references computed here from the scenes' cells (NoData skipped;
 * the median of an even count is the mean of the middle two). Scenes: 11 UInt16 48×32 rasters on one grid with 15 %
 * NoData holes, two of them on the same day (so they share a Z index and a tile file), written with 16-cell tiles.
 */
class SpaceTimeCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static Path fx;

    private static final int W = 48;
    private static final int H = 32;
    private static final String[] TIMES = {
        "2024-05-03T10:30:00",
        "2024-05-17T10:30:00",
        "2024-05-29T09:15:00",
        "2024-06-02T10:30:00",
        "2024-06-10T08:00:00",
        "2024-06-10T14:45:00",
        "2024-06-21T10:30:00",
        "2024-06-30T23:59:00",
        "2024-07-01T00:00:00",
        "2024-07-14T10:30:00",
        "2024-07-28T10:30:00"
    };
    /** Each scene's cells, NaN for NoData, by time. */
    private static final Map<Instant, double[]> SCENES = new LinkedHashMap<>();

    @BeforeAll
    static void writeScenes() throws Exception {
        Files.createDirectories(fx.resolve("scenes"));
        Files.createDirectories(fx.resolve("other"));
        Random rnd = new Random(23);
        List<String> csv = new ArrayList<>(List.of("path,time"));
        for (int i = 0; i < TIMES.length; i++) {
            short[] v = new short[W * H];
            double[] d = new double[W * H];
            for (int k = 0; k < v.length; k++) {
                v[k] = rnd.nextDouble() < 0.15 ? 0 : (short) (1000 + 50 * i + rnd.nextInt(900));
                d[k] = v[k] == 0 ? Double.NaN : v[k];
            }
            String name = "st_" + TIMES[i].substring(0, 10).replace("-", "") + "_" + TIMES[i].substring(11, 13)
                    + TIMES[i].substring(14, 16) + ".tif";
            scene(fx.resolve("scenes").resolve(name), v, 500_000);
            csv.add(name + "," + TIMES[i]);
            SCENES.put(Instant.parse(TIMES[i] + "Z"), d);
        }
        scene(fx.resolve("other").resolve("st_20240801_1030.tif"), new short[W * H], 500_010); // another grid
        csv.add("st_20240801_1030.tif,2024-08-01T10:30:00");
        Files.write(fx.resolve("dates.csv"), csv);
    }

    private static void scene(Path path, short[] v, double x0) throws IOException {
        scene(path, x0, v);
    }

    /** A UInt16 scene of {@code bands} (NoData 0) on the 10 m grid whose upper left corner is ({@code x0}, 5e6). */
    private static void scene(Path path, double x0, short[]... bands) throws IOException {
        RasterDescription d = RasterDescription.of(W, H, bands.length, CellType.UINT16)
                .withTransform(new GeoTransform(x0, 10, 0, 5_000_000, 0, -10))
                .withEpsg(32633);
        try (GeoTiffWriter w = GeoTiffWriter.create(
                path.toString(), d, GeoTiffWriteOptions.builder().blockSize(16).build())) {
            for (int r = 0; r < H / 16; r++) {
                for (int c = 0; c < W / 16; c++) {
                    Tile[] tiles = new Tile[bands.length];
                    for (int b = 0; b < bands.length; b++) {
                        short[] block = new short[256];
                        for (int y = 0; y < 16; y++) {
                            System.arraycopy(bands[b], (r * 16 + y) * W + c * 16, block, y * 16, 16);
                        }
                        tiles[b] = Tiles.ofShorts(CellType.UINT16, 16, 16, block);
                    }
                    w.writeBlock(c, r, MultibandTile.of(tiles));
                }
            }
            w.finish();
        }
    }

    private static String writeLayer(Path dir) {
        String cat = dir.resolve("catalog").toString();
        CliRun w = CliRun.run(
                "layer",
                "write",
                "--space-time",
                fx.resolve("scenes").toString(),
                cat,
                "--name",
                "st",
                "--tile-size",
                "16",
                "--dates",
                fx.resolve("dates.csv").toString());
        assertEquals(0, w.exitCode(), w.err());
        assertTrue(
                w.out()
                        .contains(
                                "66 tile(s) of 16x16 uint16, 1 band(s), time 2024-05-03T10:30:00Z .. 2024-07-28T10:30:00Z, 60 file(s),"
                                        + " zorder index by day"),
                w.out());
        return cat;
    }

    @Test
    void writeListAndReadScenesBetweenDates(@TempDir Path dir) throws IOException {
        String cat = writeLayer(dir);
        // 11 scenes x 6 tiles, but the two scenes of 2024-06-10 share each key's day bin: 60 files
        try (Stream<Path> files = Files.list(Path.of(cat, "st", "0"))) {
            assertEquals(60, files.count());
        }
        CliRun list = CliRun.run("layer", "list", cat);
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(
                "st\t0\tuint16\tTile\t3x2 tiles of 16x16\tkeys 0,0 - 2,1\tzorder\t"
                        + "time 2024-05-03T10:30:00Z .. 2024-07-28T10:30:00Z\n",
                list.out().replace("\r", ""));

        Path out = dir.resolve("read").resolve("scene.tif");
        Files.createDirectories(out.getParent());
        CliRun r = CliRun.run(
                "layer",
                "read",
                cat,
                out.toString(),
                "--name",
                "st",
                "--zoom",
                "0",
                "--start",
                "2024-06-10",
                "--end",
                "2024-06-30",
                "--no-cog");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = List.of(
                "scene_20240610T080000Z.tif",
                "scene_20240610T144500Z.tif",
                "scene_20240621T103000Z.tif",
                "scene_20240630T235900Z.tif");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(
                    expected,
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String f : expected) {
            Instant t = Instant.parse(f.substring(6, 10) + "-" + f.substring(10, 12) + "-" + f.substring(12, 14) + "T"
                    + f.substring(15, 17) + ":" + f.substring(17, 19) + ":00Z");
            assertArrayEquals(
                    SCENES.get(t),
                    WholeRaster.band(out.getParent().resolve(f).toString(), 0).toDoubleLane(),
                    f);
        }
    }

    @Test
    void compositeOfALayerPerMonthAndInARangeEqualsNumpy(@TempDir Path dir) throws IOException {
        String cat = writeLayer(dir);
        Path out = dir.resolve("median.tif");
        CliRun c = CliRun.run(
                "composite",
                "--quiet",
                "--layer",
                cat,
                "--name",
                "st",
                "--reduce",
                "median",
                "--window",
                "month",
                "-ot",
                "Float64",
                "--no-cog",
                out.toString());
        assertEquals(0, c.exitCode(), c.err());
        for (String month : List.of("2024-05", "2024-06", "2024-07")) {
            double[] got = WholeRaster.band(
                            dir.resolve("median_" + month + ".tif").toString(), 0)
                    .toDoubleLane();
            assertArrayEquals(reference(t -> t.toString().startsWith(month), SpaceTimeCommandTest::median), got, month);
        }
        // --start/--end: a date alone for --end covers its whole day, so 2024-07-01T00:00 is in; max keeps UInt16
        Path max = dir.resolve("max.tif");
        CliRun m = CliRun.run(
                "composite",
                "--quiet",
                "--layer",
                cat,
                "--name",
                "st",
                "--reduce",
                "max",
                "--start",
                "2024-05-10",
                "--end",
                "2024-07-01",
                max.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertTrue(m.out().contains("max of 8 scene(s) 2024-05-17T10:30:00Z .. 2024-07-01T00:00:00Z"), m.out());
        assertArrayEquals(
                reference(
                        t -> !t.isBefore(Instant.parse("2024-05-10T00:00:00Z"))
                                && t.isBefore(Instant.parse("2024-07-02T00:00:00Z")),
                        v -> Arrays.stream(v).max().orElse(Double.NaN)),
                WholeRaster.band(max.toString(), 0).toDoubleLane());
    }

    @Test
    void compositeOfSceneFilesPerYearWindowEqualsNumpy(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("mean.tif");
        CliRun c = CliRun.run(
                "composite",
                "--quiet",
                fx.resolve("scenes").toString(),
                "--dates",
                fx.resolve("dates.csv").toString(),
                "--reduce",
                "mean",
                "--window",
                "year",
                "-ot",
                "Float64",
                "--block",
                "16",
                out.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertFalse(Files.exists(out));
        double[] ref = reference(t -> true, v -> Arrays.stream(v).sum() / v.length);
        double[] got =
                WholeRaster.band(dir.resolve("mean_2024.tif").toString(), 0).toDoubleLane();
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], got[i], 1e-9 * Math.abs(ref[i]), "cell " + i);
        }
    }

    @Test
    void badInputIsOneLineAndWritesNothing(@TempDir Path dir) throws IOException {
        String cat = dir.resolve("catalog").toString();
        CliRun grids = CliRun.run(
                "layer",
                "write",
                "--space-time",
                fx.resolve("scenes").toString(),
                fx.resolve("other").toString(),
                cat,
                "--name",
                "st",
                "--tile-size",
                "16",
                "--dates",
                fx.resolve("dates.csv").toString());
        assertEquals(1, grids.exitCode(), grids.err());
        assertTrue(
                grids.err().contains("st_20240801_1030.tif")
                        && grids.err().contains("warp the scenes onto one grid first"),
                grids.err());
        assertFalse(Files.exists(Path.of(cat, "attributes")), "no layer written");

        CliRun several = CliRun.run(
                "layer",
                "write",
                fx.resolve("scenes/st_20240503_1030.tif").toString(),
                fx.resolve("scenes/st_20240517_1030.tif").toString(),
                cat,
                "--name",
                "x");
        assertEquals(2, several.exitCode(), several.err());
        assertTrue(several.err().contains("add --space-time"), several.err());
        CliRun resolution = CliRun.run(
                "layer",
                "write",
                "--space-time",
                fx.resolve("scenes").toString(),
                cat,
                "--name",
                "x",
                "--time-resolution",
                "fortnight");
        assertEquals(2, resolution.exitCode(), resolution.err());
        assertTrue(
                resolution.err().contains("--time-resolution: unknown time resolution 'fortnight'"), resolution.err());

        String good = writeLayer(dir.resolve("good"));
        CliRun outside = CliRun.run(
                "layer",
                "read",
                good,
                dir.resolve("none.tif").toString(),
                "--name",
                "st",
                "--zoom",
                "0",
                "--start",
                "2025-01-01");
        assertEquals(1, outside.exitCode(), outside.err());
        assertTrue(
                outside.err().contains("misses the layer's 2024-05-03T10:30:00Z .. 2024-07-28T10:30:00Z"),
                outside.err());
        CliRun window = CliRun.run(
                "composite",
                "--layer",
                good,
                "--name",
                "st",
                "--reduce",
                "max",
                "--window",
                "week",
                dir.resolve("w.tif").toString());
        assertEquals(2, window.exitCode(), window.err());
        assertTrue(window.err().contains("--window: unknown window 'week'"), window.err());
        CliRun mask = CliRun.run(
                "composite",
                "--layer",
                good,
                "--name",
                "st",
                "--reduce",
                "max",
                "--mask",
                "A > 3",
                dir.resolve("m.tif").toString());
        assertEquals(2, mask.exitCode(), mask.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tif")), "no output written");
        }
    }

    @Test
    void multibandScenesMakeAMultibandLayerThatReadsAndCompositesPerBand(@TempDir Path dir) throws IOException {
        // four two-band scenes dated by their names; band 2 has its own values and holes
        Path scenes = dir.resolve("mb-scenes");
        Files.createDirectories(scenes);
        Random rnd = new Random(31);
        String[] days = {"20240601", "20240615", "20240702", "20240716"};
        List<double[][]> cells = new ArrayList<>(); // [scene][band][cell], NaN for NoData
        for (String day : days) {
            short[][] v = new short[2][W * H];
            double[][] d = new double[2][W * H];
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < W * H; k++) {
                    v[b][k] = rnd.nextDouble() < 0.2 ? 0 : (short) (100 * (b + 1) + rnd.nextInt(5000));
                    d[b][k] = v[b][k] == 0 ? Double.NaN : v[b][k];
                }
            }
            scene(scenes.resolve("mb_" + day + ".tif"), 500_000, v);
            cells.add(d);
        }
        String cat = dir.resolve("catalog").toString();
        CliRun w = CliRun.run(
                "layer", "write", "--space-time", scenes.toString(), cat, "--name", "mb", "--tile-size", "16");
        assertEquals(0, w.exitCode(), w.err());
        assertTrue(w.out().contains("24 tile(s) of 16x16 uint16, 2 band(s), time 2024-06-01T00:00:00Z"), w.out());
        CliRun list = CliRun.run("layer", "list", cat);
        assertTrue(list.out().startsWith("mb\t0\tuint16\tMultibandTile\t"), list.out());

        // layer read: one two-band GeoTIFF per scene
        Path out = dir.resolve("read").resolve("mb.tif");
        Files.createDirectories(out.getParent());
        CliRun r = CliRun.run(
                "layer",
                "read",
                cat,
                out.toString(),
                "--name",
                "mb",
                "--zoom",
                "0",
                "--start",
                "2024-07-01",
                "--no-cog");
        assertEquals(0, r.exitCode(), r.err());
        for (int s = 2; s < 4; s++) {
            String f = out.getParent().resolve("mb_" + days[s] + "T000000Z.tif").toString();
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(cells.get(s)[b], WholeRaster.band(f, b).toDoubleLane(), f + " band " + (b + 1));
            }
        }

        // composite --layer: every band (output band = input band), or the one -b picks
        Path all = dir.resolve("max.tif");
        CliRun c = CliRun.run(
                "composite", "--quiet", "--layer", cat, "--name", "mb", "--reduce", "max", "--no-cog", all.toString());
        assertEquals(0, c.exitCode(), c.err());
        Path second = dir.resolve("max2.tif");
        CliRun c2 = CliRun.run(
                "composite",
                "--quiet",
                "--layer",
                cat,
                "--name",
                "mb",
                "--reduce",
                "max",
                "-b",
                "2",
                "--no-cog",
                second.toString());
        assertEquals(0, c2.exitCode(), c2.err());
        for (int b = 0; b < 2; b++) {
            double[] want = new double[W * H];
            for (int k = 0; k < want.length; k++) {
                want[k] = Double.NaN;
                for (double[][] sc : cells) {
                    if (!Double.isNaN(sc[b][k]) && (Double.isNaN(want[k]) || sc[b][k] > want[k])) {
                        want[k] = sc[b][k];
                    }
                }
            }
            assertArrayEquals(want, WholeRaster.band(all.toString(), b).toDoubleLane(), "band " + (b + 1));
            if (b == 1) {
                assertArrayEquals(want, WholeRaster.band(second.toString(), 0).toDoubleLane(), "-b 2");
            }
        }
        CliRun bad = CliRun.run(
                "composite",
                "--layer",
                cat,
                "--name",
                "mb",
                "--reduce",
                "max",
                "-b",
                "3",
                dir.resolve("x.tif").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("-b 3: the layer has bands 1..2"), bad.err());
    }

    /** Per cell, {@code reduce} of the values (NoData skipped) of the scenes {@code taken} selects; NaN where none. */
    private static double[] reference(Predicate<Instant> taken, ToDoubleFunction<double[]> reduce) {
        double[] out = new double[W * H];
        for (int i = 0; i < out.length; i++) {
            List<Double> values = new ArrayList<>();
            for (Map.Entry<Instant, double[]> s : SCENES.entrySet()) {
                if (taken.test(s.getKey()) && !Double.isNaN(s.getValue()[i])) {
                    values.add(s.getValue()[i]);
                }
            }
            out[i] = values.isEmpty()
                    ? Double.NaN
                    : reduce.applyAsDouble(
                            values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** numpy's median: the middle value, or the mean of the middle two. */
    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
