package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.zonal.ZonalFixtures;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rastermill reclass}: cells against rules applied by hand, class breaks against NumPy. */
class ReclassCommandTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @Test
    void mapRulesCellByCell(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("classes.tif");
        CliRun run = CliRun.run(
                "reclass",
                ZonalFixtures.file("values_int16.tif").toString(),
                out.toString(),
                "--map",
                "*-0:1,0-1000:2,1000-2000:3,2000:9,2000-*:4,nodata:0",
                "--block",
                "64",
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Tile in = ZonalFixtures.read("values_int16.tif");
        Tile res = WholeRaster.firstBand(out);
        assertEquals(CellType.INT16, res.cellType());
        int twoThousands = 0;
        for (int i = 0; i < in.size(); i++) {
            int v = in.get(i);
            int expected = v == NoData.INT ? 0 : v < 0 ? 1 : v < 1000 ? 2 : v < 2000 ? 3 : v == 2000 ? 9 : 4;
            twoThousands += v == 2000 ? 1 : 0;
            assertEquals(expected, res.get(i), "cell " + i + " value " + v);
        }
        assertTrue(twoThousands > 0, "the fixture has cells equal to 2000 (first match wins)");
    }

    @Test
    void floatRasterToFloatTargetsWithNoDataTarget(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("f.tif");
        CliRun run = CliRun.run(
                "reclass",
                ZonalFixtures.file("values_float32.tif").toString(),
                out.toString(),
                "--map",
                "*-50:0.5,50-150:NODATA,else:2.25",
                "--block",
                "64",
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Tile in = ZonalFixtures.read("values_float32.tif");
        Tile res = WholeRaster.firstBand(out);
        assertTrue(res.cellType().isFloatingPoint());
        for (int i = 0; i < in.size(); i++) {
            double v = in.getDouble(i);
            double expected = Double.isNaN(v) ? Double.NaN : v < 50 ? 0.5 : v < 150 ? Double.NaN : 2.25;
            assertEquals(expected, res.getDouble(i), "cell " + i + " value " + v);
        }
    }

    @Test
    void classBreaksEqualNumpy(@TempDir Path tmp) throws IOException {
        JsonNode ref = ZonalFixtures.reference().get("breaks");
        String[][] cases = {
            {"int16", "quantile", "quantile5"},
            {"int16", "equal-interval", "equal5"},
            {"float32", "equal-interval", "equal5"},
            {"float32", "quantile", "quantile5"}
        };
        for (String[] c : cases) {
            Path out = tmp.resolve(c[0] + c[1] + ".tif");
            CliRun run = CliRun.run(
                    "reclass",
                    ZonalFixtures.file("values_" + c[0] + ".tif").toString(),
                    out.toString(),
                    "--classes",
                    "5",
                    "--breaks",
                    c[1],
                    "--block",
                    "64",
                    "--quiet",
                    "--type",
                    "uint8",
                    "--no-cog");
            assertEquals(0, run.exitCode(), run.err());
            Matcher m = Pattern.compile("breaks \\[([^]]*)]").matcher(run.out());
            assertTrue(m.find(), run.out());
            String[] got = m.group(1).split(", ");
            JsonNode expected = ref.get(c[0]).get(c[2]);
            assertEquals(4, got.length);
            double bound = c[0].equals("float32") && c[1].equals("quantile") ? 250.0 / (1 << 17) : 0;
            for (int i = 0; i < 4; i++) {
                double e = expected.get(i).asDouble();
                assertEquals(e, Double.parseDouble(got[i]), Math.max(bound, 1e-9 * Math.abs(e)), String.join(" ", c));
            }
            Tile res = WholeRaster.firstBand(out);
            Tile in = ZonalFixtures.read("values_" + c[0] + ".tif");
            for (int i = 0; i < in.size(); i += 97) {
                double v = in.getDouble(i);
                int cls = 1;
                while (cls <= 4 && v >= Double.parseDouble(got[cls - 1])) {
                    cls++;
                }
                assertEquals(Double.isNaN(v) ? NoData.INT : cls, res.get(i), String.join(" ", c) + " cell " + i);
            }
        }
    }

    @Test
    void badMapsAreUsageErrorsNamingTheItem(@TempDir Path tmp) {
        Path out = tmp.resolve("x.tif");
        CliRun run = CliRun.run(
                "reclass", ZonalFixtures.file("values_int16.tif").toString(), out.toString(), "--map", "0-10:1,10-x:2");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("item 2") && run.err().contains("10-x"), run.err());
        CliRun fit = CliRun.run(
                "reclass",
                ZonalFixtures.file("values_int16.tif").toString(),
                out.toString(),
                "--map",
                "0-10:300",
                "--type",
                "uint8");
        assertEquals(2, fit.exitCode());
        assertTrue(fit.err().contains("300") && fit.err().contains("uint8"), fit.err());
        CliRun both = CliRun.run(
                "reclass",
                ZonalFixtures.file("values_int16.tif").toString(),
                out.toString(),
                "--map",
                "0-10:1",
                "--classes",
                "3");
        assertEquals(2, both.exitCode());
        assertFalse(Files.exists(out));
    }
}
