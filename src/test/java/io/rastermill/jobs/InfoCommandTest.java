package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code rastermill info} against {@code gdalinfo -json} (recorded in the fixture manifest). */
class InfoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> jsonAgreesWithGdalinfoOnEveryFixture() {
        return GdalFixtures.supported().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    private static void check(GdalFixture f) throws Exception {
        CliRun run = CliRun.run("info", "--json", f.tif().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode ours = JSON.readTree(run.out());
        JsonNode gdal = f.gdalinfo();
        assertEquals(gdal.get("size"), ours.get("size"), "size");
        assertEquals(f.bandCount(), ours.get("bands").size(), "band count");
        for (int b = 0; b < f.bandCount(); b++) {
            JsonNode gb = gdal.get("bands").get(b);
            JsonNode ob = ours.get("bands").get(b);
            String type = gb.get("type").asText();
            if (f.sampleType() == GdalFixtures.SampleType.INT8 && type.equals("Byte")) {
                type = "Int8"; // GDAL 3.6 says Byte + PIXELTYPE=SIGNEDBYTE; GDAL 3.7+ says Int8, as we do
            }
            assertEquals(type, ob.get("type").asText(), "type of band " + (b + 1));
            assertEquals(gb.get("block"), ob.get("block"), "block of band " + (b + 1));
            if (f.noData() == null) {
                assertFalse(ob.has("noDataValue"), "no NoData");
            } else if (Double.isNaN(f.noData())) {
                assertEquals("NaN", ob.get("noDataValue").asText());
            } else {
                assertEquals(f.noData(), ob.get("noDataValue").asDouble(), "NoData");
            }
            assertEquals(f.overviewCount(), ob.get("overviews").size(), "overviews");
        }
        if (gdal.has("geoTransform") && !gdal.get("geoTransform").isNull()) {
            assertEquals(gdal.get("geoTransform"), ours.get("geoTransform"), "geoTransform");
        } else {
            assertFalse(ours.has("geoTransform"));
        }
        if (gdal.has("coordinateSystemEpsg")
                && !gdal.get("coordinateSystemEpsg").isNull()) {
            assertEquals(
                    gdal.get("coordinateSystemEpsg").asInt(),
                    ours.get("coordinateSystem").get("epsg").asInt(),
                    "EPSG");
        }
        JsonNode gs = gdal.get("imageStructure");
        JsonNode os = ours.get("metadata").get("IMAGE_STRUCTURE");
        for (String key : new String[] {"COMPRESSION", "INTERLEAVE", "PREDICTOR"}) {
            if (gs.has(key)) {
                assertEquals(gs.get(key).asText(), os.path(key).asText(), key);
            }
        }
        assertEquals(f.bigtiff(), ours.get("bigTiff").asBoolean(), "BigTIFF");
        assertEquals(f.tif().toString(), ours.get("description").asText());
    }

    @Test
    void textOutputReadsLikeGdalinfo() {
        GdalFixture f = GdalFixtures.supported().stream()
                .filter(x -> x.overviewCount() > 0 && x.noData() != null)
                .findFirst()
                .orElseThrow();
        CliRun run = CliRun.run("info", f.tif().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Size is " + f.width() + ", " + f.height()), run.out());
        assertTrue(run.out().contains("Band 1 Block="), run.out());
        assertTrue(run.out().contains("NoData Value="), run.out());
        assertTrue(run.out().contains("Overviews: "), run.out());
    }

    @Test
    void missingAndUnsupportedFilesAreRuntimeErrorsNamingTheFile() {
        CliRun missing = CliRun.run("info", "/no/such/dir/dem.tif");
        assertEquals(1, missing.exitCode());
        assertTrue(
                missing.err().startsWith("rastermill: ") && missing.err().contains("/no/such/dir/dem.tif"),
                missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace without --debug");

        GdalFixture jpeg = GdalFixtures.unsupported().stream()
                .filter(x -> x.unsupported().toLowerCase().contains("jpeg"))
                .findFirst()
                .orElseThrow();
        CliRun unsupported = CliRun.run("info", jpeg.tif().toString());
        assertEquals(1, unsupported.exitCode());
        assertTrue(unsupported.err().contains(jpeg.file()) && unsupported.err().contains("JPEG"), unsupported.err());

        assertEquals(2, CliRun.run("info").exitCode(), "FILE is required");
    }
}
