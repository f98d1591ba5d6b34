package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.WholeRaster;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link HttpRangeReader} against a local server on 127.0.0.1 that honours Range, and one that misbehaves. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpRangeReaderTest {
    @TempDir
    static Path dir;

    static LocalHttpServer server;
    static byte[] data;

    @BeforeAll
    static void serve() throws IOException {
        data = new byte[100_000];
        new Random(7).nextBytes(data);
        Files.write(dir.resolve("data.bin"), data);
        Files.copy(GdalFixtures.named("cog_int16_deflate_bs32").tif(), dir.resolve("cog.tif"));
        server = new LocalHttpServer(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void behave() {
        server.ignoreRange = false;
        server.refuseHead = false;
        server.failNext.set(0);
        server.ranges.clear();
    }

    @Test
    void readsExactBytesWithBlockAlignedRanges() throws IOException {
        try (RangeReader r = RangeReaders.open(server.url("data.bin"), new Configuration())) {
            assertTrue(r instanceof HttpRangeReader, r.toString());
            assertEquals(data.length, r.length());
            assertArrayEquals(Arrays.copyOfRange(data, 20_000, 20_100), r.read(20_000, 100));
            assertArrayEquals(Arrays.copyOfRange(data, 99_990, 100_000), r.read(99_990, 10));
            assertArrayEquals(Arrays.copyOfRange(data, 0, 40_000), r.read(0, 40_000));
            assertArrayEquals(Arrays.copyOfRange(data, 30_000, 30_010), r.read(30_000, 10)); // cached: block 1
            assertThrows(EOFException.class, () -> r.read(99_990, 11));
        }
        // 16 KiB blocks: 20000 → block 1; the tail → block 6 cut at the length; 0-40000 → block 0, cached 1, then 2.
        assertEquals(
                java.util.List.of("bytes=16384-32767", "bytes=98304-99999", "bytes=0-16383", "bytes=32768-49151"),
                server.ranges);
        Pattern p = Pattern.compile("bytes=(\\d+)-(\\d+)");
        for (String range : server.ranges) {
            Matcher m = p.matcher(range);
            assertTrue(m.matches());
            assertEquals(0, Long.parseLong(m.group(1)) % HttpRangeReader.BLOCK, range);
        }
    }

    @Test
    void retriesServerErrorsAndThrottlingWithBackoff() throws IOException {
        try (RangeReader r = HttpRangeReader.open(server.url("data.bin"))) {
            int block = 0;
            for (int status : new int[] {503, 429, 500}) {
                server.failStatus = status;
                server.failNext.set(3);
                long start = System.nanoTime();
                int at = HttpRangeReader.BLOCK * block++ + 5; // a block not read yet
                assertArrayEquals(Arrays.copyOfRange(data, at, at + 4), r.read(at, 4), "after three " + status);
                // 100 + 200 + 400 ms of backoff
                assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(700), "backs off");
            }
            server.failStatus = 503;
            server.failNext.set(HttpRangeReader.RETRIES + 1);
            IOException e = assertThrows(IOException.class, () -> r.read(HttpRangeReader.BLOCK * 5, 4));
            assertEquals(server.url("data.bin") + ": HTTP 503 after 5 attempts", e.getMessage());
        }
    }

    @Test
    void serversWithoutRangeSupportAreAClearError() {
        server.ignoreRange = true;
        IOException e = assertThrows(IOException.class, () -> HttpRangeReader.open(server.url("data.bin")));
        assertTrue(
                e.getMessage().startsWith(server.url("data.bin") + ": the server does not support HTTP Range requests"),
                e.getMessage());
    }

    @Test
    void headRefusedFallsBackToARangeProbe() throws IOException {
        server.refuseHead = true;
        try (RangeReader r = HttpRangeReader.open(server.url("data.bin"))) {
            assertEquals(data.length, r.length());
            assertArrayEquals(Arrays.copyOfRange(data, 50_000, 50_010), r.read(50_000, 10));
        }
        assertEquals("bytes=0-0", server.ranges.get(0));
    }

    @Test
    void missingFilesAreNamed() {
        FileNotFoundException e =
                assertThrows(FileNotFoundException.class, () -> HttpRangeReader.open(server.url("nope.tif")));
        assertTrue(e.getMessage().startsWith(server.url("nope.tif")), e.getMessage());
    }

    @Test
    void aGeoTiffReadOverHttpEqualsTheLocalRead() throws IOException {
        MultibandTile local = WholeRaster.allBands(dir.resolve("cog.tif").toString());
        try (GeoTiffReader r = GeoTiffReader.open(server.url("cog.tif"))) {
            assertEquals(local.cols(), r.info().width());
        }
        assertEquals(local, WholeRaster.allBands(server.url("cog.tif")));
        long whole = Files.size(dir.resolve("cog.tif"));
        assertTrue(server.ranges.size() >= 2, server.ranges.toString());
        System.out.println(
                "HTTP GeoTIFF read: " + server.ranges.size() + " range requests for a " + whole + "-byte file");
    }
}
