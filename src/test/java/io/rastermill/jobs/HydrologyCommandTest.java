package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.hydro.HydroFixtures;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hydrology commands end to end on Spark (read → per-tile pass → driver graph → per-tile finish
 * → COG), against plain whole-raster references, at tile sizes 16, 64 and 512.
 */
class HydrologyCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    static final int W = 150;
    static final int H = 121;

    /** Writes one or more bands as a GeoTIFF (EPSG:32633, 30 m cells, origin 500000, 4000000). */
    static Path tif(String name, CellType ct, double[]... bands) throws IOException {
        Path p = dir.resolve(name);
        RasterDescription d = new RasterDescription(
                        W, H, bands.length, ct, java.util.Optional.empty(), java.util.OptionalInt.empty(), false)
                .withTransform(new GeoTransform(500000, 30, 0, 4000000, 0, -30))
                .withEpsg(32633);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(32)
                .cog(false)
                .overviews(0)
                .build();
        Tile[] tiles = new Tile[bands.length];
        for (int i = 0; i < bands.length; i++) {
            tiles[i] = ArrayTile.fromDoubleLane(ct, W, H, bands[i].clone());
        }
        MultibandTile raster = MultibandTile.of(tiles);
        try (GeoTiffWriter w = GeoTiffWriter.create(p.toString(), d, o)) {
            for (int r = 0; r < w.blocksDown(); r++) {
                for (int c = 0; c < w.blocksAcross(); c++) {
                    w.writeBlock(
                            c,
                            r,
                            raster.crop(c * 32, r * 32, Math.min(W, c * 32 + 32) - 1, Math.min(H, r * 32 + 32) - 1));
                }
            }
            w.finish();
        }
        return p;
    }

    static double[] read(Path p) throws IOException {
        return WholeRaster.firstBand(p).toDoubleLane();
    }

    static void assertSame(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual[i]) != 0) {
                throw new AssertionError(
                        what + ": cell (" + i % W + "," + i / W + ") expected " + expected[i] + " got " + actual[i]);
            }
        }
    }

    static CliRun run(String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void hydrologyEqualsTheWholeRasterReferencesForEveryTileSize() throws IOException {
        double[] z = HydroFixtures.dem(W, H, 3, 2, true);
        for (CellType ct : List.of(CellType.FLOAT32, CellType.INT16)) {
            Path dem = tif("dem-" + ct.name() + ".tif", ct, z);
            double[] zin = read(dem);
            double[] filled = HydroFixtures.referenceFill(zin, W, H);
            int[] code = HydroFixtures.referenceDirections(filled, W, H);
            double[][] ref = HydroFixtures.referenceRouting(code, W, H);
            // every tile size for float cells; integer cells once (the algorithms run in the double lane)
            for (int block : ct.isFloatingPoint() ? new int[] {16, 64, 512} : new int[] {64}) {
                Path out = dir.resolve("hydro-" + ct.name() + "-" + block);
                CliRun r = run(
                        "hydrology",
                        dem.toString(),
                        out.toString(),
                        "--block",
                        String.valueOf(block),
                        "--quiet",
                        "--threshold",
                        "50");
                assertTrue(r.out().contains("basins: wrote"), r.out());
                String what = ct.name() + " block " + block;
                assertSame(filled, read(out.resolve("filled.tif")), "fill " + what);
                double[] dirs = read(out.resolve("flowdir.tif"));
                double[] refDirs = new double[code.length];
                for (int i = 0; i < code.length; i++) {
                    refDirs[i] = code[i] == 255 ? Double.NaN : code[i];
                }
                assertSame(refDirs, dirs, "flowdir " + what);
                assertSame(ref[0], read(out.resolve("flowacc.tif")), "flowacc " + what);
                assertSame(ref[1], read(out.resolve("basins.tif")), "basins " + what);
                double[] streams = read(out.resolve("streams.tif"));
                for (int i = 0; i < streams.length; i++) {
                    assertEquals(ref[0][i] >= 50, streams[i] == 1, "streams at " + i);
                }
            }
        }
    }

    @Test
    void theSingleStepCommandsAgreeWithTheJob() throws IOException {
        double[] z = HydroFixtures.dem(W, H, 9, 0, true);
        Path dem = tif("dem-steps.tif", CellType.FLOAT64, z);
        double[] filled = HydroFixtures.referenceFill(z, W, H);
        run("fill", dem.toString(), dir.resolve("f.tif").toString(), "--block", "32", "--quiet");
        assertSame(filled, read(dir.resolve("f.tif")), "fill");
        run("flowdir", dem.toString(), dir.resolve("d.tif").toString(), "--block", "48", "--quiet");
        int[] code = HydroFixtures.referenceDirections(filled, W, H);
        double[][] ref = HydroFixtures.referenceRouting(code, W, H);
        run("flowacc", dir.resolve("d.tif").toString(), dir.resolve("a.tif").toString(), "--block", "16", "--quiet");
        assertSame(ref[0], read(dir.resolve("a.tif")), "flowacc");
        run("basins", dir.resolve("d.tif").toString(), dir.resolve("b.tif").toString(), "--block", "64", "--quiet");
        assertSame(ref[1], read(dir.resolve("b.tif")), "basins");
        // weights of 2 everywhere double the counts
        double[] two = new double[W * H];
        java.util.Arrays.fill(two, 2);
        Path weights = tif("weights.tif", CellType.FLOAT32, two);
        run(
                "flowacc",
                dir.resolve("d.tif").toString(),
                dir.resolve("aw.tif").toString(),
                "--weights",
                weights.toString(),
                "--block",
                "16",
                "--quiet");
        double[] aw = read(dir.resolve("aw.tif"));
        for (int i = 0; i < aw.length; i++) {
            assertEquals(Double.isNaN(ref[0][i]) ? Double.NaN : 2 * ref[0][i], aw[i], "weighted at " + i);
        }
        // a pour point on the outlet of the largest basin labels exactly that basin
        int outlet = 0;
        for (int i = 0; i < ref[0].length; i++) {
            if (!Double.isNaN(ref[0][i]) && (Double.isNaN(ref[0][outlet]) || ref[0][i] > ref[0][outlet])) {
                outlet = i;
            }
        }
        Path csv = dir.resolve("points.csv");
        Files.writeString(
                csv,
                "x,y,id\n" + (500000 + 30 * (outlet % W) + 15) + "," + (4000000 - 30 * (outlet / W) - 15) + ",7\n");
        run(
                "watershed",
                dir.resolve("d.tif").toString(),
                dir.resolve("ws.tif").toString(),
                "--points",
                csv.toString(),
                "--block",
                "32",
                "--quiet");
        double[] ws = read(dir.resolve("ws.tif"));
        double[] basins = read(dir.resolve("b.tif"));
        int inside = 0;
        for (int i = 0; i < ws.length; i++) {
            boolean upstream = HydroFixtures.drainsThrough(code, W, H, i, outlet);
            assertEquals(upstream ? 7.0 : Double.NaN, ws[i], "watershed at " + i);
            inside += upstream ? 1 : 0;
            if (upstream) {
                assertEquals(basins[outlet], basins[i]);
            }
        }
        assertEquals((int) ref[0][outlet] + 1, inside, "the watershed holds the outlet's upstream cells and itself");
    }

    @Test
    void badInputIsAOneLineErrorAndNoOutput() throws IOException {
        double[] z = HydroFixtures.dem(W, H, 5, 0, false);
        Path twoBands = tif("two-bands.tif", CellType.FLOAT32, z, z);
        Path out = dir.resolve("never.tif");
        CliRun r = CliRun.run("fill", twoBands.toString(), out.toString(), "--quiet");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("has 2 bands; choose one with --band N"), r.err());
        assertFalse(Files.exists(out));
        run("fill", twoBands.toString(), dir.resolve("band2.tif").toString(), "--band", "2", "--quiet");

        double[] codes = new double[W * H];
        java.util.Arrays.fill(codes, 1);
        codes[5 * W + 7] = 3;
        Path bad = tif("bad-codes.tif", CellType.UINT8, codes);
        r = CliRun.run("flowacc", bad.toString(), out.toString(), "--block", "32", "--quiet");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("flow direction 3 at cell (7, 5) is not an ESRI D8 code"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));

        java.util.Arrays.fill(codes, 1);
        Path good = tif("good-codes.tif", CellType.UINT8, codes);
        // a weights raster on another grid: the same size, shifted 10 cells east
        r = CliRun.run(
                "flowacc",
                good.toString(),
                out.toString(),
                "--weights",
                shifted(z).toString(),
                "--quiet");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is not on the flow directions' grid"), r.err());
        assertFalse(Files.exists(out));
    }

    static Path shifted(double[] z) throws IOException {
        Path p = dir.resolve("shifted.tif");
        RasterDescription d = RasterDescription.of(W, H, 1, CellType.FLOAT32)
                .withTransform(new GeoTransform(500300, 30, 0, 4000000, 0, -30))
                .withEpsg(32633);
        try (GeoTiffWriter w = GeoTiffWriter.create(
                p.toString(),
                d,
                GeoTiffWriteOptions.builder()
                        .blockSize(256)
                        .cog(false)
                        .overviews(0)
                        .build())) {
            w.writeBlock(0, 0, MultibandTile.of(ArrayTile.fromDoubleLane(CellType.FLOAT32, W, H, z.clone())));
            w.finish();
        }
        return p;
    }
}
