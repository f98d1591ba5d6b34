package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rastermill stats} against {@code gdalinfo -stats -hist -json} and against sorted cells. */
class StatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @Test
    void statisticsAndHistogramEqualGdalinfo() throws Exception {
        assumeTrue(hasGdalinfo(), "gdalinfo is not installed (bash .ci/run installs gdal-bin)");
        for (String name : List.of(
                "cog_int16_deflate_bs32", "ovr_float32_deflate_p3_tile16_avg", "ovr_uint16_lzw_strip_be_nearest")) {
            GdalFixture f = GdalFixtures.named(name);
            CliRun run = CliRun.run("stats", f.tif().toString(), "--json", "--histogram", "--tile-size", "16");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode ours = JSON.readTree(run.out());
            JsonNode gdal = gdalinfo(f.tif().toString()).get("bands").get(0);
            // gdalinfo's "mean"/"stdDev" keys are rounded to 3 decimals; its metadata has full precision
            JsonNode md = gdal.get("metadata").get("");
            for (String[] k : new String[][] {
                {"minimum", "STATISTICS_MINIMUM"},
                {"maximum", "STATISTICS_MAXIMUM"},
                {"mean", "STATISTICS_MEAN"},
                {"stdDev", "STATISTICS_STDDEV"}
            }) {
                double g = Double.parseDouble(md.get(k[1]).asText());
                assertEquals(g, ours.get(k[0]).asDouble(), 1e-9 * Math.max(1, Math.abs(g)), name + " " + k[0]);
            }
            JsonNode gh = gdal.get("histogram");
            assertEquals(
                    gh.get("count").asInt(), ours.get("histogram").get("count").asInt(), name);
            double gmin = gh.get("min").asDouble();
            double gmax = gh.get("max").asDouble();
            assertEquals(
                    gmin,
                    ours.get("histogram").get("min").asDouble(),
                    1e-12 * Math.max(1, Math.abs(gmin)),
                    name + " histogram min");
            assertEquals(
                    gmax,
                    ours.get("histogram").get("max").asDouble(),
                    1e-12 * Math.max(1, Math.abs(gmax)),
                    name + " histogram max");
            assertEquals(gh.get("buckets"), ours.get("histogram").get("buckets"), name + " buckets");
        }
    }

    @Test
    void integerPercentilesAreExactAndFloatOnesWithinTheirBound() throws IOException {
        for (String name : List.of("cog_int16_deflate_bs32", "ovr_float32_deflate_p3_tile16_avg")) {
            GdalFixture f = GdalFixtures.named(name);
            double[] cells;
            try (GeoTiffReader r = GeoTiffReader.open(f.tif().toString())) {
                cells = Arrays.stream(r.readBand(new GridBounds(0, 0, f.width() - 1, f.height() - 1), 0, 0)
                                .toDoubleLane())
                        .filter(v -> !Double.isNaN(v))
                        .sorted()
                        .toArray();
            }
            CliRun run =
                    CliRun.run("stats", f.tif().toString(), "--json", "--percentiles", "5,50,95", "--tile-size", "16");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode ours = JSON.readTree(run.out());
            double bound = ours.get("percentileMaxError").asDouble();
            for (int p : new int[] {5, 50, 95}) {
                long rank = (long) Math.ceil(p / 100.0 * cells.length);
                double exact = cells[(int) Math.max(0, rank - 1)];
                double got = ours.get("percentiles").get(Integer.toString(p)).asDouble();
                assertTrue(
                        Math.abs(got - exact) <= bound + 1e-9,
                        name + " p" + p + ": " + got + " vs " + exact + " ± " + bound);
            }
            assertEquals(name.startsWith("cog_int16"), bound == 0, "exact for integers");
        }
        CliRun bad = CliRun.run(
                "stats", GdalFixtures.named("cog_int16_deflate_bs32").tif().toString(), "--percentiles", "150");
        assertEquals(2, bad.exitCode());
    }

    private static boolean hasGdalinfo() {
        try {
            return new ProcessBuilder("gdalinfo", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static JsonNode gdalinfo(String file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "gdalinfo", "-json", "-stats", "-hist", "--config", "GDAL_PAM_ENABLED", "NO", file)
                .redirectErrorStream(false)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "gdalinfo " + file);
        return JSON.readTree(out);
    }
}
