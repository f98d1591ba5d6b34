package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.zonal.ZonalFixtures;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.spark.LocalSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rastermill zonal} against the NumPy/GDAL reference of the zonal fixtures, and its errors. */
class ZonalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REF = ZonalFixtures.reference();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    private static String f(String name) {
        return ZonalFixtures.file(name).toString();
    }

    private static void assertRow(String what, JsonNode ref, JsonNode row, double bound) {
        assertEquals(ref.get("count").asLong(), row.get("count").asLong(), what + " count");
        assertEquals(ref.get("nodata").asLong(), row.get("nodata").asLong(), what + " nodata");
        if (ref.get("count").asLong() == 0) {
            assertTrue(row.get("mean").isNull(), what + " mean of no data is null");
            return;
        }
        for (String k : List.of("sum", "mean", "min", "max", "stddev")) {
            double e = ref.get(k).asDouble();
            assertEquals(e, row.get(k).asDouble(), 1e-9 * Math.max(1, Math.abs(e)), what + " " + k);
        }
        assertEquals(ref.get("median").asDouble(), row.get("median").asDouble(), bound, what + " median");
        assertEquals(ref.get("p90").asDouble(), row.get("p90").asDouble(), bound, what + " p90");
    }

    @Test
    void zoneRasterJsonEqualsNumpy() throws Exception {
        CliRun run = CliRun.run(
                "zonal",
                f("values_int16.tif"),
                f("zones_uint16.tif"),
                "--stats",
                "count,nodata,sum,mean,min,max,stddev,median,p90",
                "--json",
                "--tile-size",
                "64");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        JsonNode ref = REF.get("zones").get("int16");
        assertEquals(ref.size(), out.get("rows").size());
        assertTrue(out.get("percentilesExact").asBoolean());
        for (JsonNode row : out.get("rows")) {
            assertTrue(row.get("zone").isInt(), "zone raster ids are JSON numbers");
            String zone = row.get("zone").asText();
            assertRow("zone " + zone, ref.get(zone), row, 0);
        }
    }

    @Test
    void polygonsAllTouchedOnFloatsWithinThePrintedBound() throws Exception {
        CliRun run = CliRun.run(
                "zonal",
                f("values_float32.tif"),
                "--polygons",
                f("polygons.geojson"),
                "--id-field",
                "name",
                "--all-touched",
                "--stats",
                "count,nodata,sum,mean,min,max,stddev,median,p90",
                "--json",
                "--tile-size",
                "64");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        JsonNode ref = REF.get("polygons").get("allTouched").get("float32");
        assertEquals(31, out.get("rows").size());
        for (JsonNode row : out.get("rows")) {
            String id = row.get("zone").asText();
            double bound = row.get("percentileMaxError").asDouble();
            assertTrue(bound < 0.1, id + " bound " + bound);
            assertRow(id, ref.get(id), row, bound);
        }
    }

    @Test
    void csvToAFileAndToStdoutAndTheDefaultTable(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("zones.csv");
        CliRun run = CliRun.run(
                "zonal",
                f("values_int16.tif"),
                f("zones_uint16.tif"),
                "--csv",
                csv.toString(),
                "--stats",
                "count,mean,p90",
                "--tile-size",
                "64");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("zone,count,mean,p90", lines.get(0));
        JsonNode ref = REF.get("zones").get("int16");
        assertEquals(ref.size() + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            JsonNode r = ref.get(c[0]);
            assertEquals(r.get("count").asLong(), Long.parseLong(c[1]), line);
            if (r.get("count").asLong() > 0) {
                assertEquals(
                        r.get("mean").asDouble(),
                        Double.parseDouble(c[2]),
                        1e-9 * Math.abs(r.get("mean").asDouble()),
                        line);
                assertEquals(r.get("p90").asDouble(), Double.parseDouble(c[3]), line);
            } else {
                assertEquals("", c[2], "no data: empty field");
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        CliRun stdout =
                CliRun.run("zonal", f("values_int16.tif"), f("zones_uint16.tif"), "--csv", "-", "--tile-size", "64");
        assertEquals(0, stdout.exitCode(), stdout.err());
        assertTrue(stdout.out().startsWith("zone,count,sum,mean,min,max,stddev\n"), stdout.out());
        CliRun table = CliRun.run(
                "zonal",
                f("values_int16.tif"),
                "--polygons",
                f("polygons.geojson"),
                "--id-field",
                "name",
                "--stats",
                "count,median",
                "--tile-size",
                "64");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("Percentiles: nearest rank, exact"), table.out());
        String zone3 = table.out()
                .lines()
                .filter(l -> l.startsWith("zone-03 "))
                .findFirst()
                .orElseThrow();
        JsonNode r3 = REF.get("polygons").get("centre").get("int16").get("zone-03");
        assertEquals(
                List.of("zone-03", r3.get("count").asText(), Long.toString((long)
                        r3.get("median").asDouble())),
                List.of(zone3.trim().split("\\s+")),
                table.out());
    }

    @Test
    void errorsNameTheFileOrArgument(@TempDir Path tmp) throws Exception {
        String other = GdalFixtures.named("cog_int16_deflate_bs32").tif().toString();
        CliRun grid = CliRun.run("zonal", f("values_int16.tif"), other);
        assertEquals(1, grid.exitCode());
        assertTrue(
                grid.err().contains("values_int16.tif")
                        && grid.err().contains("cog_int16_deflate_bs32.tif")
                        && grid.err().contains("not on the same grid"),
                grid.err());

        CliRun stat = CliRun.run("zonal", f("values_int16.tif"), f("zones_uint16.tif"), "--stats", "count,mode");
        assertEquals(2, stat.exitCode());
        assertTrue(stat.err().contains("'mode'"), stat.err());

        CliRun both = CliRun.run("zonal", f("values_int16.tif"));
        assertEquals(2, both.exitCode());

        Path unknown = tmp.resolve("unknown-crs.geojson");
        Files.writeString(
                unknown,
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        + "\"urn:ogc:def:crs:EPSG::999999\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10,50],[11,50],[11,51],[10,50]]]}}]}");
        CliRun crs = CliRun.run("zonal", f("values_int16.tif"), "--polygons", unknown.toString(), "--id-field", "name");
        assertEquals(1, crs.exitCode());
        assertTrue(crs.err().contains("unknown-crs.geojson") && crs.err().contains("999999"), crs.err());

        CliRun noId =
                CliRun.run("zonal", f("values_int16.tif"), "--polygons", f("polygons.geojson"), "--id-field", "nope");
        assertEquals(1, noId.exitCode());
        assertTrue(
                noId.err().contains("polygons.geojson: feature 0") && noId.err().contains("\"nope\""), noId.err());

        Path missingDir = tmp.resolve("no/such/dir/out.csv");
        CliRun csv = CliRun.run("zonal", f("values_int16.tif"), f("zones_uint16.tif"), "--csv", missingDir.toString());
        assertEquals(1, csv.exitCode());
        assertFalse(Files.exists(missingDir));
    }
}
