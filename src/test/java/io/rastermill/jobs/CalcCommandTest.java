package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill calc} end to end: NDVI against gdal_calc.py on a red/nir pair made here with GDAL
 * (skipped, visibly, without GDAL's Python), the output options, and the errors users will meet.
 */
class CalcCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    /** Writes red.tif and nir.tif: 300 x 200 UInt16, NoData 0, EPSG:32633, seeded values and holes. */
    private static final String MAKE_PAIR = String.join(
            "\n",
            "import sys, numpy as np",
            "from osgeo import gdal, osr",
            "d = sys.argv[1]",
            "rng = np.random.default_rng(42)",
            "srs = osr.SpatialReference(); srs.ImportFromEPSG(32633)",
            "for name, lo, hi, tile in (('red', 1, 3000, 64), ('nir', 1, 9000, 128)):",
            "    a = rng.integers(lo, hi, size=(200, 300)).astype(np.uint16)",
            "    a[rng.random((200, 300)) < 0.05] = 0",
            "    ds = gdal.GetDriverByName('GTiff').Create(f'{d}/{name}.tif', 300, 200, 1, gdal.GDT_UInt16,",
            "        ['TILED=YES', f'BLOCKXSIZE={tile}', f'BLOCKYSIZE={tile}', 'COMPRESS=DEFLATE'])",
            "    ds.SetGeoTransform((500000, 10, 0, 5000000, 0, -10)); ds.SetProjection(srs.ExportToWkt())",
            "    b = ds.GetRasterBand(1); b.SetNoDataValue(0); b.WriteArray(a); ds = None",
            "");

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                System.err.println(String.join(" ", cmd) + " failed: " + out);
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The help lists every op of the catalog with its doc, so a new op is documented where users look. */
    @Test
    void helpListsEveryLocalOp() {
        CliRun help = CliRun.run("calc", "--help");
        assertEquals(0, help.exitCode(), help.err());
        String text = squeeze(help.out()); // picocli wraps long lines, also after a '.'
        for (LocalOp op : LocalOps.all()) {
            assertTrue(
                    text.contains(squeeze(op.signature())) && text.contains(squeeze(op.doc())),
                    op.name() + " in\n" + help.out());
        }
        assertTrue(
                text.contains(squeeze("a // b, floorDivide(a, b)  —  a / b rounded toward negative infinity")),
                help.out());
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void ndviEqualsGdalCalc() throws Exception {
        Path script = dir.resolve("make_pair.py");
        Files.writeString(script, MAKE_PAIR);
        boolean made = run("/usr/bin/python3", script.toString(), dir.toString());
        Assumptions.assumeTrue(made, "SKIPPED: /usr/bin/python3 with GDAL and numpy is not available");
        Path ref = dir.resolve("ndvi_gdal.tif");
        boolean gdal = run(
                "gdal_calc.py",
                "-A",
                dir.resolve("red.tif").toString(),
                "-B",
                dir.resolve("nir.tif").toString(),
                "--calc=(B.astype(float)-A)/(B.astype(float)+A)",
                "--type=Float32",
                "--NoDataValue=-9999",
                "--outfile=" + ref,
                "--quiet");
        Assumptions.assumeTrue(gdal, "SKIPPED: gdal_calc.py is not available");

        Path ours = dir.resolve("ndvi.tif");
        CliRun calc = CliRun.run(
                "calc",
                "--expr",
                "(B - A) / (B + A)",
                "-A",
                dir.resolve("red.tif").toString(),
                "-B",
                dir.resolve("nir.tif").toString(),
                ours.toString(),
                "--type",
                "Float32",
                "--block",
                "64",
                "--quiet");
        assertEquals(0, calc.exitCode(), calc.err());
        assertTrue(calc.out().startsWith("calc: wrote "), calc.out());
        Tile g = WholeRaster.firstBand(ref);
        Tile o = WholeRaster.firstBand(ours);
        assertEquals("float32", o.cellType().name());
        assertEquals(g.size(), o.size());
        double worst = 0;
        int data = 0;
        for (int i = 0; i < g.size(); i++) {
            double a = g.getDouble(i);
            double b = o.getDouble(i);
            assertEquals(Double.isNaN(a), Double.isNaN(b), "NoData at cell " + i);
            if (!Double.isNaN(a)) {
                worst = Math.max(worst, Math.abs(a - b));
                data++;
            }
        }
        assertTrue(data > 50000 && data < g.size(), "cells with data: " + data);
        assertTrue(worst <= 1e-6, "max |ours - gdal_calc| = " + worst);
    }

    @Test
    void typesNoDataAndBands() throws Exception {
        String f = GdalFixtures.named("uint16_3b_pixel_deflate_p2_tile16").tif().toString();
        Path out = dir.resolve("mask.tif");
        // a named input (--input NAME=FILE) and a letter one (-A FILE) together
        CliRun run = CliRun.run(
                "calc",
                "--expr",
                "A > third",
                "-A",
                f,
                "--input",
                "third=" + f,
                "--band",
                "third=3",
                out.toString(),
                "--block",
                "16",
                "--quiet",
                "--no-cog");
        assertEquals(0, run.exitCode(), run.err());
        Tile t = WholeRaster.firstBand(out);
        assertEquals("uint8ud255", t.cellType().name(), "0/1 results default to Byte with NoData 255");
        Tile a = WholeRaster.firstBand(f);
        Tile b = WholeRaster.band(f, 2);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(a.get(i) > b.get(i) ? 1 : 0, t.get(i), "cell " + i);
        }
        Path scaled = dir.resolve("scaled.tif");
        CliRun s = CliRun.run(
                "calc",
                "--expr",
                "where(A > 30000, nodata, A / 7)",
                "-A",
                f,
                scaled.toString(),
                "--type",
                "Int16",
                "--nodata",
                "-1",
                "--block",
                "16",
                "--quiet");
        assertEquals(0, s.exitCode(), s.err());
        Tile st = WholeRaster.firstBand(scaled);
        assertEquals("int16ud-1", st.cellType().name());
        for (int i = 0; i < st.size(); i++) {
            int v = a.get(i);
            assertEquals(v > 30000 ? Integer.MIN_VALUE : (int) (v / 7.0), st.get(i), "cell " + i);
        }
    }

    @Test
    void errorsAreClearAndWriteNothing() {
        String u16 = GdalFixtures.named("uint16_zstd_p2_strip_nd0").tif().toString();
        String latlon = GdalFixtures.named("uint16_packbits_strip").tif().toString();
        Path out = dir.resolve("never.tif");
        CliRun syntax = CliRun.run("calc", "--expr", "(B - A)) / 2", "-A", u16, "-B", u16, out.toString());
        assertEquals(1, syntax.exitCode());
        assertEquals(
                "rastermill: calc: unexpected ')' at column 8 in \"(B - A)) / 2\"",
                syntax.err().strip());
        CliRun unknown = CliRun.run("calc", "--expr", "A + C", "-A", u16, "-B", u16, out.toString());
        assertEquals(
                "rastermill: calc: unknown name 'C' (the inputs are A, B) at column 5 in \"A + C\"",
                unknown.err().strip());
        CliRun grid = CliRun.run("calc", "--expr", "A + B", "-A", u16, "-B", latlon, out.toString());
        assertEquals(1, grid.exitCode());
        assertEquals(
                "rastermill: calc: cannot combine B (" + latlon + ") with A (" + u16
                        + "): CRS EPSG:4326 vs EPSG:32633 (resampling is not supported)",
                grid.err().strip());
        CliRun band = CliRun.run("calc", "--expr", "A", "-A", u16, "--band", "A=2", out.toString());
        assertEquals(1, band.exitCode());
        assertTrue(
                band.err().startsWith("rastermill: calc: input -A: ")
                        && band.err().contains("band 2 does not exist"),
                band.err());
        CliRun badNoData =
                CliRun.run("calc", "--expr", "A", "-A", u16, "--type", "Byte", "--nodata", "-9999", out.toString());
        assertEquals(2, badNoData.exitCode());
        assertTrue(badNoData.err().contains("--nodata -9999 is not a value of uint8 (0 to 255)"), badNoData.err());
        CliRun noInput = CliRun.run("calc", "--expr", "1", out.toString());
        assertEquals(2, noInput.exitCode());
        assertFalse(Files.exists(out));
    }
}
