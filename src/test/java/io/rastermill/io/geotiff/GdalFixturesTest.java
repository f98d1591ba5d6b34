package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.io.geotiff.GdalFixtures.Cells;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.geotiff.GdalFixtures.Overview;
import io.rastermill.io.geotiff.GdalFixtures.SampleType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fixture matrix is complete, within budget, and its reference cells have the right shape. */
class GdalFixturesTest {

    @Test
    void manifestListsTheWholeMatrix() throws IOException {
        List<GdalFixture> all = GdalFixtures.all();
        assertTrue(all.size() >= 40, "fixtures: " + all.size());
        assertEquals(
                all.size(), new HashSet<>(all.stream().map(GdalFixture::name).toList()).size(), "unique names");
        assertTrue(GdalFixtures.gdalVersion().startsWith("3."), GdalFixtures.gdalVersion());
        for (GdalFixture f : all) {
            assertTrue(Files.isRegularFile(f.tif()), f + ": " + f.tif());
            assertEquals(f.overviewCount(), f.overviews().size(), f.name());
            assertEquals(f.sha256(), sha256(f.tif()), f + ": the .tif differs from the one the manifest describes");
            // The byte order and BigTIFF flag in the manifest are the file's own header bytes.
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(f.tif())) {
                assertEquals(4, in.readNBytes(head, 0, 4));
            }
            assertEquals(f.isBigEndian() ? 'M' : 'I', (char) head[0], f.name());
            int magic = f.isBigEndian() ? head[3] : head[2];
            assertEquals(f.bigtiff() ? 43 : 42, magic, f.name());
        }
        List<GdalFixture> supported = GdalFixtures.supported();
        Set<SampleType> types = EnumSet.noneOf(SampleType.class);
        Set<String> compressions = new HashSet<>();
        supported.forEach(f -> {
            types.add(f.sampleType());
            compressions.add(f.compression());
        });
        assertEquals(EnumSet.allOf(SampleType.class), types);
        assertTrue(
                compressions.containsAll(Set.of("NONE", "DEFLATE", "DEFLATE_ADOBE", "LZW", "PACKBITS", "ZSTD")),
                compressions::toString);
        assertTrue(supported.stream().anyMatch(f -> f.isPlanar() && f.bandCount() == 3));
        assertTrue(supported.stream().anyMatch(f -> !f.isPlanar() && f.bandCount() == 3));
        assertTrue(supported.stream().anyMatch(f -> f.bigtiff() && f.isBigEndian()));
        assertTrue(supported.stream().anyMatch(GdalFixture::hasMask));
        assertTrue(supported.stream().anyMatch(GdalFixture::pixelIsPoint));
        assertTrue(supported.stream().anyMatch(GdalFixture::modelTransformation));
        assertTrue(supported.stream().anyMatch(f -> f.overviewCount() > 0));
        assertEquals(4, GdalFixtures.unsupported().size());
    }

    @Test
    void totalSizeIsWithinTheBudget() throws IOException {
        long total;
        try (Stream<Path> files = Files.list(GdalFixtures.directory())) {
            total = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(
                total <= GdalFixtures.SIZE_BUDGET_BYTES,
                "fixtures take " + total + " bytes, budget " + GdalFixtures.SIZE_BUDGET_BYTES);
    }

    @Test
    void everyCellsFileHasWidthTimesHeightTimesBandsTimesBytesPerSample() throws IOException {
        for (GdalFixture f : GdalFixtures.all()) {
            SampleType t = f.sampleType();
            assertEquals(
                    Cells.expectedBytes(f.width(), f.height(), f.bandCount(), t),
                    Files.size(GdalFixtures.resourcePath(f.cells())),
                    f.cells());
            for (Overview o : f.overviews()) {
                assertEquals(
                        Cells.expectedBytes(o.width(), o.height(), f.bandCount(), t),
                        Files.size(GdalFixtures.resourcePath(o.cells())),
                        o.cells());
                assertEquals(o.width() * o.height(), f.overviewReferenceCells(o.index(), f.bandCount()).length);
            }
        }
    }

    @Test
    void decodedCellsHonourTheSampleType() {
        for (GdalFixture f : GdalFixtures.supported()) {
            Cells cells = f.referenceCells();
            for (int b = 1; b <= f.bandCount(); b++) {
                double[] v = cells.doubles(b);
                assertEquals(f.width() * f.height(), v.length);
                if (f.hasNoData()) {
                    double nd = f.noData();
                    assertTrue(
                            Arrays.stream(v).anyMatch(x -> Double.isNaN(nd) ? Double.isNaN(x) : x == nd),
                            f + " band " + b + " has cells equal to NoData " + nd);
                }
                switch (f.sampleType()) {
                    case BIT1 -> assertTrue(Arrays.stream(v).allMatch(x -> x == 0 || x == 1), f.name());
                    case INT8 -> assertTrue(Arrays.stream(v).anyMatch(x -> x < 0), f.name());
                    case UINT32 -> assertTrue(Arrays.stream(v).anyMatch(x -> x == 4294967295.0), f.name());
                    case UINT16 ->
                        assertTrue(Arrays.stream(f.referenceIntCells(b)).anyMatch(x -> x == 65535), f.name());
                    default -> {}
                }
            }
        }
        float[] special = GdalFixtures.named("float32_none_strip_ndnan_special")
                .referenceCells()
                .floats(1);
        assertTrue(contains(special, Float.POSITIVE_INFINITY) && contains(special, Float.NEGATIVE_INFINITY));
        assertTrue(containsNegativeZero(special));
        assertFalse(GdalFixtures.named("float64_deflate_p3_strip").hasNoData());
    }

    @Test
    void gdalinfoAgreesWithTheManifest() throws Exception {
        assumeTrue(gdalinfoAvailable(), "gdalinfo is not on PATH; skipping the live GDAL cross-check");
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of(
                "cog_int16_deflate_bs32", "byte_3b_band_deflate_strip_be", "float64_lzw_p3_tile16_be_bigtiff")) {
            GdalFixture f = GdalFixtures.named(name);
            Process p = new ProcessBuilder("gdalinfo", "-json", f.tif().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gdalinfo timed out");
            assertEquals(0, p.exitValue(), "gdalinfo -json " + f.tif());
            JsonNode info = json.readTree(out);
            assertEquals(f.width(), info.get("size").get(0).asInt(), name);
            assertEquals(f.height(), info.get("size").get(1).asInt(), name);
            assertEquals(f.bandCount(), info.get("bands").size(), name);
            assertEquals(f.gdalinfo().get("size"), info.get("size"), name);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean gdalinfoAvailable() {
        try {
            Process p = new ProcessBuilder("gdalinfo", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean contains(float[] values, float wanted) {
        for (float v : values) {
            if (Float.compare(v, wanted) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsNegativeZero(float[] values) {
        for (float v : values) {
            if (Float.floatToRawIntBits(v) == 0x80000000) {
                return true;
            }
        }
        return false;
    }
}
