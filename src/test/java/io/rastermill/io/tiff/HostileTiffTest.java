package io.rastermill.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.ByteArrayRangeReader;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.SegmentCompressor;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile TIFFs read through {@link GeoTiffReader}: decompression bombs (Deflate, LZW and ZSTD streams that
 * inflate far past their tile), and tile sizes no stored segment could fill (a tiny file announcing a
 * gigabyte tile). Each is a {@link TiffFormatException} naming the file and segment, in bounded time and
 * without allocating from the forged size; legitimate high-ratio tiles (all zeros) still read.
 * Forged offsets and byte counts past the file, IFD loops and absurd image sizes are in {@link TiffMalformedTest};
 * seeded mutants of every fixture in {@code GeoTiffReaderMutationTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTiffTest {
    static final Compression[] CODECS = {Compression.DEFLATE, Compression.LZW, Compression.ZSTD};

    /** One tile of {@code w}x{@code h} samples of {@code bits} (sample format {@code format}) stored as {@code segment}. */
    private static byte[] oneTile(int w, int h, int bits, int format, Compression c, byte[] segment) {
        TinyTiffWriter t = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        t.ifd()
                .put(TiffTag.IMAGE_WIDTH, TiffType.LONG, w)
                .put(TiffTag.IMAGE_LENGTH, TiffType.LONG, h)
                .put(TiffTag.BITS_PER_SAMPLE, TiffType.SHORT, bits)
                .put(TiffTag.COMPRESSION, TiffType.SHORT, c.tag())
                .put(TiffTag.PHOTOMETRIC_INTERPRETATION, TiffType.SHORT, 1)
                .put(TiffTag.SAMPLES_PER_PIXEL, TiffType.SHORT, 1)
                .put(TiffTag.PLANAR_CONFIGURATION, TiffType.SHORT, 1)
                .put(TiffTag.SAMPLE_FORMAT, TiffType.SHORT, format)
                .put(TiffTag.TILE_WIDTH, TiffType.LONG, w)
                .put(TiffTag.TILE_LENGTH, TiffType.LONG, h)
                .segments(TiffTag.TILE_OFFSETS, TiffTag.TILE_BYTE_COUNTS, List.of(segment));
        return t.toBytes();
    }

    private static byte[] compress(Compression c, byte[] raw) throws Exception {
        try (SegmentCompressor z = c.newCompressor()) {
            byte[] out = new byte[z.maxCompressedLength(raw.length)];
            return Arrays.copyOf(out, z.compress(raw, 0, raw.length, out, 0));
        }
    }

    private static MultibandTile readCorner(String name, byte[] file) throws Exception {
        try (GeoTiffReader r = GeoTiffReader.open(new ByteArrayRangeReader(name, file))) {
            return r.read(new GridBounds(0, 0, 15, 15), new int[] {0}, 0);
        }
    }

    /** Bytes this thread allocates while {@code body} runs (-1 if the JVM cannot count them). */
    private static long allocatedBy(ThrowingRunnable body) throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean threads)) {
            body.run();
            return -1;
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        body.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void bombsInflatingPastTheirTileAreRefusedInBoundedTimeAndMemory() throws Exception {
        byte[] zeros = new byte[64 << 20]; // 64 MiB of zeros: a few KB to 64 KB compressed
        for (Compression c : CODECS) {
            byte[] bomb = compress(c, zeros);
            assertTrue(bomb.length < 200_000, c + ": " + bomb.length);
            byte[] file = oneTile(256, 256, 8, 1, c, bomb); // a 64 KiB tile
            long start = System.nanoTime();
            long[] allocated = new long[1];
            allocated[0] = allocatedBy(() -> {
                TiffFormatException e =
                        assertThrows(TiffFormatException.class, () -> readCorner("bomb.tif", file), c.name());
                assertTrue(e.getMessage().startsWith("bomb.tif: IFD 0: segment 0"), e.getMessage());
            });
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), c + " took too long");
            assertTrue(allocated[0] < 16L << 20, c + " allocated " + allocated[0] + " bytes");
        }
    }

    @Test
    void tileSizesNoStoredSegmentCouldFillAreRefusedBeforeAllocating() throws Exception {
        byte[] tiny = compress(Compression.DEFLATE, new byte[4096]);
        // 8192 x 8192 bytes (64 MiB) from a few dozen Deflate bytes: more than Deflate can encode in them.
        for (Compression c : CODECS) {
            byte[] file = oneTile(8192, 8192, 8, 1, c, c == Compression.DEFLATE ? tiny : compress(c, new byte[4096]));
            long allocated = allocatedBy(() -> {
                TiffFormatException e = assertThrows(TiffFormatException.class, () -> readCorner("huge.tif", file));
                assertTrue(
                        e.getMessage().contains("67108864 decoded bytes, more than " + c.name() + " can encode in"),
                        e.getMessage());
            });
            assertTrue(allocated < 16L << 20, c + " allocated " + allocated + " bytes");
        }
        // 16384 x 16384 doubles (2 GiB): more than any segment may hold, whatever its size.
        byte[] file = oneTile(16384, 16384, 64, 3, Compression.NONE, new byte[1024]);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> readCorner("huge.tif", file));
        assertTrue(e.getMessage().contains("2147483648 decoded bytes, more than a segment may hold"), e.getMessage());
    }

    @Test
    void legitimateHighRatioTilesStillRead() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() > 512L << 20);
        byte[] zeros = new byte[4096 * 4096];
        for (Compression c : CODECS) {
            byte[] file = oneTile(4096, 4096, 8, 1, c, compress(c, zeros));
            MultibandTile t = readCorner("zeros.tif", file);
            assertEquals(0, t.band(0).get(7, 7), c.name());
        }
    }
}
