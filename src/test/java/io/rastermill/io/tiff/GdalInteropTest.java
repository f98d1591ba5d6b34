package io.rastermill.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.io.bytes.LocalFileRangeReader;
import io.rastermill.io.bytes.RangeReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses files written by GDAL at test time and compares with {@code gdalinfo -json}. Skipped when the
 * GDAL command-line tools are not installed.
 */
class GdalInteropTest {

    private static final Map<String, Integer> COMPRESSION = Map.of("DEFLATE", 8, "LZW", 5);

    @TempDir
    static Path dir;

    @BeforeEach
    void needsGdal() {
        Assumptions.assumeTrue(
                onPath("gdal_create") && onPath("gdal_translate") && onPath("gdalinfo") && onPath("gdaladdo"),
                "GDAL command-line tools (gdal_create, gdal_translate, gdaladdo, gdalinfo) "
                        + "are not on the PATH; install gdal-bin to run this test");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }

    private static JsonNode gdalinfo(String file) throws Exception {
        String out = run("gdalinfo", "-json", file);
        return new ObjectMapper().readTree(out.substring(out.indexOf('{')));
    }

    private static TiffStructure parse(String file) throws IOException {
        try (RangeReader r = LocalFileRangeReader.open(dir.resolve(file))) {
            return TiffStructure.read(r);
        }
    }

    /** Checks size, block size, compression and georeferencing against gdalinfo. */
    private static TiffDirectory compare(String file) throws Exception {
        JsonNode info = gdalinfo(file);
        TiffStructure s = parse(file);
        TiffDirectory d = s.fullResolution().get(0);
        assertEquals(info.at("/size/0").asInt(), d.width());
        assertEquals(info.at("/size/1").asInt(), d.height());
        assertEquals(info.at("/bands").size(), d.samplesPerPixel());
        assertEquals(info.at("/bands/0/block/0").asInt(), d.segmentWidth());
        assertEquals(info.at("/bands/0/block/1").asInt(), d.segmentHeight());
        String compression = info.at("/metadata/IMAGE_STRUCTURE/COMPRESSION").asText("NONE");
        assertEquals(COMPRESSION.getOrDefault(compression, 1), d.compression());
        JsonNode gt = info.get("geoTransform");
        if (gt != null) {
            double[] expected = new double[6];
            for (int i = 0; i < 6; i++) {
                expected[i] = gt.get(i).asDouble();
            }
            assertArrayEquals(
                    expected,
                    GeoReference.read(d).orElseThrow().transform().orElseThrow().toGdal(),
                    1e-9);
        }
        JsonNode epsg = info.at("/stac/proj:epsg");
        if (!epsg.isMissingNode() && !epsg.isNull()) {
            assertEquals(
                    OptionalInt.of(epsg.asInt()),
                    GeoReference.read(d).orElseThrow().epsg());
        }
        List<Integer> overviewWidths = new ArrayList<>();
        info.at("/bands/0/overviews")
                .forEach(o -> overviewWidths.add(o.at("/size/0").asInt()));
        assertEquals(
                overviewWidths, s.overviews().stream().map(TiffDirectory::width).toList());
        return d;
    }

    @Test
    void tiledDeflateWithOverviewsAndNoData() throws Exception {
        run(
                "gdal_create",
                "-of",
                "GTiff",
                "-outsize",
                "1000",
                "700",
                "-bands",
                "3",
                "-ot",
                "UInt16",
                "-burn",
                "7",
                "-a_nodata",
                "0",
                "-a_srs",
                "EPSG:32633",
                "-a_ullr",
                "500000",
                "6000000",
                "510000",
                "5993000",
                "-co",
                "TILED=YES",
                "-co",
                "BLOCKXSIZE=256",
                "-co",
                "BLOCKYSIZE=128",
                "-co",
                "COMPRESS=DEFLATE",
                "a.tif");
        run("gdaladdo", "-q", "-r", "nearest", "a.tif", "2", "4");
        TiffDirectory d = compare("a.tif");
        assertTrue(d.isTiled());
        assertArrayEquals(new int[] {16, 16, 16}, d.bitsPerSample());
        assertEquals(1, d.planarConfiguration());
        assertEquals("0", d.gdalNoData().orElseThrow());
        assertEquals(4 * 6, d.segmentCount());
    }

    @Test
    void bigTiffPlanarStripsPixelIsPoint() throws Exception {
        run(
                "gdal_create",
                "-of",
                "GTiff",
                "-outsize",
                "300",
                "200",
                "-bands",
                "2",
                "-ot",
                "Float32",
                "-a_srs",
                "EPSG:4326",
                "-a_ullr",
                "10",
                "50",
                "13",
                "48",
                "-mo",
                "AREA_OR_POINT=Point",
                "-co",
                "BIGTIFF=YES",
                "-co",
                "INTERLEAVE=BAND",
                "-co",
                "COMPRESS=LZW",
                "-co",
                "PREDICTOR=3",
                "-co",
                "BLOCKYSIZE=16",
                "b.tif");
        TiffDirectory d = compare("b.tif");
        assertTrue(parse("b.tif").bigTiff());
        assertTrue(GeoReference.read(d).orElseThrow().pixelIsPoint());
        assertEquals(2, d.planarConfiguration());
        assertEquals(3, d.predictor());
        assertArrayEquals(new int[] {3, 3}, d.sampleFormat());
        assertEquals(13 * 2, d.segmentCount());
    }

    @Test
    void rgbWithInternalMask() throws Exception {
        run(
                "gdal_create",
                "-of",
                "GTiff",
                "-outsize",
                "100",
                "80",
                "-bands",
                "3",
                "-ot",
                "Byte",
                "-burn",
                "9",
                "-co",
                "TILED=YES",
                "-co",
                "BLOCKXSIZE=32",
                "-co",
                "BLOCKYSIZE=32",
                "-co",
                "PHOTOMETRIC=RGB",
                "c0.tif");
        run(
                "gdal_translate",
                "-q",
                "--config",
                "GDAL_TIFF_INTERNAL_MASK",
                "YES",
                "-mask",
                "1",
                "-co",
                "TILED=YES",
                "-co",
                "BLOCKXSIZE=32",
                "-co",
                "BLOCKYSIZE=32",
                "-co",
                "PHOTOMETRIC=RGB",
                "c0.tif",
                "c.tif");
        TiffDirectory d = compare("c.tif");
        assertEquals(OptionalInt.of(2), d.photometric());
        TiffStructure s = parse("c.tif");
        assertEquals(1, s.masks().size());
        assertEquals(100, s.masks().get(0).width());
        assertEquals(1, s.masks().get(0).samplesPerPixel());
    }
}
