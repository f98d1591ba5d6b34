package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics and 256-bucket histograms against GDAL itself: small GeoTIFFs are written at test time with
 * GDAL's Python bindings ({@code /usr/bin/python3}, osgeo) from the same samples as our tiles, then read back
 * with {@code gdalinfo -stats -json} and {@code gdalinfo -hist -json} (PAM off, so no .aux.xml is reused).
 * Skipped, with the reason, when gdalinfo or the bindings are missing.
 */
class GdalCompatTest {
    private static final long SEED = 36_2L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITER = String.join(
            "\n",
            "import sys, numpy as np",
            "from osgeo import gdal",
            "raw, out, cols, rows, typ, nd = sys.argv[1:]",
            "a = np.fromfile(raw, dtype='<f8').reshape(int(rows), int(cols))",
            "ds = gdal.GetDriverByName('GTiff').Create(out, int(cols), int(rows), 1, gdal.GetDataTypeByName(typ))",
            "b = ds.GetRasterBand(1)",
            "if nd != 'none': b.SetNoDataValue(float(nd))",
            "b.WriteArray(a)",
            "ds = None");

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsGdal() throws Exception {
        assumeTrue(run("gdalinfo", "--version") != null, "gdalinfo is not on PATH; skipping the GDAL cross-check");
        assumeTrue(
                run("/usr/bin/python3", "-c", "from osgeo import gdal") != null,
                "GDAL's Python bindings (/usr/bin/python3, osgeo) are missing; skipping the GDAL cross-check");
        Files.writeString(dir.resolve("write.py"), WRITER);
    }

    /** One raster: our tile and the stored samples GDAL gets. */
    private record Case(String name, Tile tile, String gdalType, String noData, double[] stored) {}

    private static List<Case> cases() {
        Random rnd = new Random(SEED);
        List<Case> out = new ArrayList<>();
        // Float32 with NoData -9999
        {
            int cols = 37, rows = 23;
            double[] stored = new double[cols * rows];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = rnd.nextInt(10) == 0 ? -9999 : (float) (50 + rnd.nextGaussian() * 100);
            }
            float[] f = new float[stored.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) stored[i];
            }
            out.add(new Case(
                    "float32-nodata",
                    Tiles.ofFloats(CellType.parse("float32ud-9999.0"), cols, rows, f),
                    "Float32",
                    "-9999",
                    stored));
        }
        // UInt16 without NoData
        {
            int cols = 41, rows = 17;
            double[] stored = new double[cols * rows];
            int[] lane = new int[stored.length];
            for (int i = 0; i < lane.length; i++) {
                lane[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : 1000 + rnd.nextInt(300);
                stored[i] = lane[i];
            }
            out.add(new Case(
                    "uint16", Tiles.fromIntLane(CellType.UINT16_RAW, cols, rows, lane), "UInt16", "none", stored));
        }
        // Int16 with NoData -32768
        {
            int cols = 29, rows = 31;
            double[] stored = new double[cols * rows];
            int[] lane = new int[stored.length];
            for (int i = 0; i < lane.length; i++) {
                lane[i] = rnd.nextInt(8) == 0 ? NoData.INT : rnd.nextInt(20000) - 10000;
                stored[i] = lane[i] == NoData.INT ? Short.MIN_VALUE : lane[i];
            }
            out.add(new Case(
                    "int16-nodata", Tiles.fromIntLane(CellType.INT16, cols, rows, lane), "Int16", "-32768", stored));
        }
        // Int32 with NoData -2147483648, wide range
        {
            int cols = 23, rows = 11;
            double[] stored = new double[cols * rows];
            int[] lane = new int[stored.length];
            for (int i = 0; i < lane.length; i++) {
                lane[i] = rnd.nextInt(9) == 0 ? NoData.INT : rnd.nextInt(2_000_000_001) - 1_000_000_000;
                stored[i] = lane[i];
            }
            out.add(new Case(
                    "int32-nodata",
                    Tiles.fromIntLane(CellType.INT32, cols, rows, lane),
                    "Int32",
                    "-2147483648",
                    stored));
        }
        // Float64 with NaN NoData, heavy-tailed values
        {
            int cols = 31, rows = 19;
            double[] stored = new double[cols * rows];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = rnd.nextInt(7) == 0 ? Double.NaN : Math.pow(1 - rnd.nextDouble(), -1 / 1.5);
            }
            out.add(new Case(
                    "float64-nan", Tiles.ofDoubles(CellType.FLOAT64, cols, rows, stored), "Float64", "nan", stored));
        }
        // Byte without NoData
        {
            int cols = 19, rows = 13;
            double[] stored = new double[cols * rows];
            int[] lane = new int[stored.length];
            for (int i = 0; i < lane.length; i++) {
                lane[i] = 30 + rnd.nextInt(120);
                stored[i] = lane[i];
            }
            out.add(new Case("byte", Tiles.fromIntLane(CellType.UINT8_RAW, cols, rows, lane), "Byte", "none", stored));
        }
        return out;
    }

    @Test
    void statisticsEqualGdalinfoStats() throws Exception {
        for (Case c : cases()) {
            Path tif = write(c);
            JsonNode md =
                    gdalinfo("-stats", tif).get("bands").get(0).get("metadata").get("");
            Statistics s = Summaries.statistics(c.tile);
            String where = c.name + " (" + tif + ")";
            CellStatisticsTest.assertClose(md.get("STATISTICS_MINIMUM").asDouble(), s.min(), 1e-9, where + " min");
            CellStatisticsTest.assertClose(md.get("STATISTICS_MAXIMUM").asDouble(), s.max(), 1e-9, where + " max");
            CellStatisticsTest.assertClose(md.get("STATISTICS_MEAN").asDouble(), s.mean(), 1e-9, where + " mean");
            CellStatisticsTest.assertClose(md.get("STATISTICS_STDDEV").asDouble(), s.stddev(), 1e-9, where + " stddev");
            double validPercent = 100.0 * s.dataCells() / (s.dataCells() + s.noDataCells());
            assertEquals(
                    md.get("STATISTICS_VALID_PERCENT").asDouble(),
                    validPercent,
                    0.0051,
                    where + " valid % (GDAL prints 2 decimals)");
        }
    }

    @Test
    void histogramsEqualGdalinfoHist() throws Exception {
        for (Case c : cases()) {
            Path tif = write(c);
            JsonNode hist = gdalinfo("-hist", tif).get("bands").get(0).get("histogram");
            long[] gdalCounts = new long[hist.get("count").asInt()];
            for (int i = 0; i < gdalCounts.length; i++) {
                gdalCounts[i] = hist.get("buckets").get(i).asLong();
            }
            Bins ours = c.tile.cellType().isFloatingPoint()
                    ? DoubleHistogram.gdalDefault(Summaries.statistics(c.tile))
                            .add(c.tile)
                            .toBins()
                    : Summaries.histogram(c.tile).toGdalBins(c.tile.cellType().dataType());
            String where = c.name + " (" + tif + ")";
            CellStatisticsTest.assertClose(hist.get("min").asDouble(), ours.lo(), 1e-12, where + " lo");
            CellStatisticsTest.assertClose(hist.get("max").asDouble(), ours.hi(), 1e-12, where + " hi");
            assertArrayEquals(gdalCounts, ours.counts(), where + " bucket counts");
        }
    }

    private static Path write(Case c) throws Exception {
        Path raw = dir.resolve(c.name + ".f64");
        ByteBuffer buf = ByteBuffer.allocate(c.stored.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : c.stored) {
            buf.putDouble(v);
        }
        Files.write(raw, buf.array());
        Path tif = dir.resolve(c.name + ".tif");
        String err = run(
                "/usr/bin/python3",
                dir.resolve("write.py").toString(),
                raw.toString(),
                tif.toString(),
                Integer.toString(c.tile.cols()),
                Integer.toString(c.tile.rows()),
                c.gdalType,
                c.noData);
        assertTrue(err != null && Files.exists(tif), "writing " + tif + " with GDAL failed");
        return tif;
    }

    private static JsonNode gdalinfo(String flag, Path tif) throws Exception {
        String out = run("gdalinfo", "--config", "GDAL_PAM_ENABLED", "NO", flag, "-json", tif.toString());
        assertTrue(out != null, "gdalinfo " + flag + " -json " + tif + " failed");
        return JSON.readTree(out);
    }

    /** Stdout of the command, or null if it could not start or exited non-zero. */
    private static String run(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
