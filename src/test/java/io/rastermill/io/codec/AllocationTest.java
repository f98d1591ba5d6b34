package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decoding into a caller's array, then undoing predictor 3, allocates (almost) nothing once warmed up. */
class AllocationTest {
    private static final int WIDTH = 256;
    private static final int ROWS = 256;
    private static final int CALLS = 50;

    @ParameterizedTest
    @EnumSource(
            value = Compression.class,
            names = {"NONE", "LZW", "DEFLATE", "PACKBITS", "ZSTD"})
    void decodeAndPredictorDoNotAllocatePerCall(Compression compression) throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        ByteBuffer samples = ByteBuffer.allocate(WIDTH * ROWS * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < WIDTH; x++) {
                samples.putFloat((float) (100 + 20 * Math.sin(x / 50.0) * Math.cos(y / 70.0)));
            }
        }
        byte[] raw = samples.array();
        Predictor predictor = Predictor.of(Predictor.FLOATING_POINT, 32, 1, ByteOrder.LITTLE_ENDIAN);
        byte[] work = raw.clone();
        predictor.encode(work, 0, WIDTH, ROWS);
        byte[] packed;
        int packedLen;
        try (SegmentCompressor encoder = compression.newCompressor()) {
            packed = new byte[encoder.maxCompressedLength(work.length)];
            packedLen = encoder.compress(work, 0, work.length, packed, 0);
        }
        byte[] out = new byte[raw.length];
        try (SegmentDecompressor decoder = compression.newDecompressor()) {
            for (int i = 0; i < 5; i++) {
                decoder.decompress(packed, 0, packedLen, out, 0, out.length);
                predictor.decode(out, 0, WIDTH, ROWS);
            }
            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS; i++) {
                decoder.decompress(packed, 0, packedLen, out, 0, out.length);
                predictor.decode(out, 0, WIDTH, ROWS);
            }
            long perCall = (threads.getThreadAllocatedBytes(thread) - before) / CALLS;
            assertArrayEquals(raw, out);
            // a 256 KiB tile: anything proportional to the data would be far above this
            assertTrue(perCall < 1024, compression + " allocated " + perCall + " bytes per decode");
        }
    }
}
