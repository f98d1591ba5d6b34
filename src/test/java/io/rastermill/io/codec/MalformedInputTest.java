package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad segments raise CorruptSegmentException: never an index error, never a large allocation, never a hang. */
class MalformedInputTest {
    private static final Compression[] CODECS = {
        Compression.NONE, Compression.LZW, Compression.DEFLATE, Compression.PACKBITS, Compression.ZSTD
    };

    private static CorruptSegmentException corrupt(Compression c, byte[] packed, int expectedLen) throws Exception {
        try (SegmentDecompressor d = c.newDecompressor()) {
            byte[] out = new byte[expectedLen];
            return assertThrows(
                    CorruptSegmentException.class, () -> d.decompress(packed, 0, packed.length, out, 0, expectedLen));
        }
    }

    private static byte[] encode(Compression c, byte[] data) throws Exception {
        try (SegmentCompressor e = c.newCompressor()) {
            byte[] out = new byte[e.maxCompressedLength(data.length)];
            return Arrays.copyOf(out, e.compress(data, 0, data.length, out, 0));
        }
    }

    @Test
    void shortSegmentsAreErrorsForEveryCodec() throws Exception {
        byte[] data = SegmentData.GRADIENT.generate(5000, 1);
        for (Compression c : CODECS) {
            CorruptSegmentException e = corrupt(c, encode(c, data), 5001);
            try (SegmentDecompressor d = c.newDecompressor()) {
                assertEquals(d.name(), e.codec());
                assertTrue(e.getMessage().startsWith(d.name() + ": "), e.getMessage());
            }
        }
    }

    @Test
    void truncatedStreamsAreErrors() throws Exception {
        byte[] data = SegmentData.RANDOM.generate(5000, 2);
        for (Compression c : CODECS) {
            byte[] packed = encode(c, data);
            corrupt(c, Arrays.copyOf(packed, packed.length / 2), data.length);
            corrupt(c, new byte[0], data.length);
        }
    }

    @Test
    void garbageIsAnError() throws Exception {
        byte[] garbage = SegmentData.RANDOM.generate(100, 3);
        corrupt(Compression.DEFLATE, garbage, 1000);
        corrupt(Compression.ZSTD, garbage, 1000);
    }

    @Test
    void lzwCodeOutOfRange() throws Exception {
        // ClearCode, 'A', then code 300 while the next free code is 258 (9 bits each)
        byte[] packed = bits(256, 65, 300, 257);
        CorruptSegmentException e = corrupt(Compression.LZW, packed, 10);
        assertTrue(e.getMessage().contains("code 300 out of range"), e.getMessage());
        // a table code right after a ClearCode
        corrupt(Compression.LZW, bits(256, 258, 257), 10);
        // EOI before the expected length
        corrupt(Compression.LZW, bits(256, 65, 257), 2);
    }

    @Test
    void oldStyleLzwIsNamed() throws Exception {
        // ClearCode 256 written LSB-first in 9 bits: 0x00, 0x01
        CorruptSegmentException e = corrupt(Compression.LZW, new byte[] {0x00, 0x01, 0x02, 0x03}, 10);
        assertTrue(e.getMessage().contains("old-style"), e.getMessage());
    }

    @Test
    void decodersAreUsableAfterAFailure() throws Exception {
        byte[] data = SegmentData.RUNS.generate(20_000, 9);
        for (Compression c : CODECS) {
            byte[] packed = encode(c, data);
            byte[] out = new byte[data.length];
            try (SegmentDecompressor d = c.newDecompressor()) {
                byte[] broken = Arrays.copyOf(packed, packed.length / 3);
                assertThrows(
                        CorruptSegmentException.class,
                        () -> d.decompress(broken, 0, broken.length, out, 0, data.length));
                d.decompress(packed, 0, packed.length, out, 0, data.length);
                assertTrue(Arrays.equals(data, out), c.toString());
            }
        }
    }

    @Test
    void lzwStringPastTheEndIsAnError() throws Exception {
        // A A then code 258 ("AA") would make 4 bytes where 3 are expected
        CorruptSegmentException e = corrupt(Compression.LZW, bits(256, 65, 65, 258, 257), 3);
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    @Test
    void packBitsRunsPastTheEnd() throws Exception {
        // replicate 0xAA 128 times into 10 bytes
        corrupt(Compression.PACKBITS, new byte[] {(byte) 0x81, (byte) 0xAA}, 10);
        // literal of 5 bytes into 3
        corrupt(Compression.PACKBITS, new byte[] {4, 1, 2, 3, 4, 5}, 3);
        // literal claiming 5 bytes with only 2 present
        corrupt(Compression.PACKBITS, new byte[] {4, 1, 2}, 5);
        // replicate header with no byte to repeat
        corrupt(Compression.PACKBITS, new byte[] {(byte) 0xFE}, 3);
    }

    @Test
    void zstdFrameClaimingAHugeContentSize() throws Exception {
        byte[] frame = {
            (byte) 0x28,
            (byte) 0xB5,
            (byte) 0x2F,
            (byte) 0xFD, // magic
            (byte) 0xE0, // 8-byte content size, single segment
            0,
            0,
            0,
            0,
            0,
            1,
            0,
            0, // content size 2^40
            (byte) 0x19,
            0,
            0, // last raw block of 3 bytes
            1,
            2,
            3
        };
        corrupt(Compression.ZSTD, frame, 100);
        // a valid frame whose content is larger than expected
        byte[] big = Zstd.compress(new byte[1 << 20], 3);
        CorruptSegmentException e = corrupt(Compression.ZSTD, big, 1000);
        assertEquals("ZSTD", e.codec());
    }

    @Test
    void noneWithTooFewBytes() throws Exception {
        corrupt(Compression.NONE, new byte[9], 10);
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void fuzzedSegmentsFailTypedAndBounded() throws Exception {
        SplittableRandom random = new SplittableRandom(20261129);
        Map<Compression, SegmentDecompressor> decoders = new EnumMap<>(Compression.class);
        Map<Compression, int[]> outcomes = new EnumMap<>(Compression.class);
        for (Compression c : CODECS) {
            decoders.put(c, c.newDecompressor());
            outcomes.put(c, new int[2]);
        }
        SegmentData[] kinds = SegmentData.values();
        int cases = 0;
        for (int round = 0; round < 800; round++) {
            int length = 1 + random.nextInt(4000);
            byte[] data = kinds[round % kinds.length].generate(length, random.nextLong());
            for (Compression c : CODECS) {
                if (c == Compression.NONE) {
                    continue;
                }
                byte[] packed = encode(c, data);
                byte[] mutated = mutate(packed, random);
                int expected = random.nextInt(4) == 0 ? random.nextInt(2 * length + 1) : length;
                byte[] out = new byte[expected + 16];
                Arrays.fill(out, expected, out.length, (byte) 0x5A);
                try {
                    int n = decoders.get(c).decompress(mutated, 0, mutated.length, out, 0, expected);
                    assertEquals(expected, n);
                    outcomes.get(c)[0]++;
                } catch (CorruptSegmentException e) {
                    assertEquals(decoders.get(c).name(), e.codec());
                    outcomes.get(c)[1]++;
                }
                for (int i = expected; i < out.length; i++) {
                    assertEquals(0x5A, out[i] & 0xFF, c + " wrote past the expected length");
                }
                cases++;
            }
        }
        for (SegmentDecompressor d : decoders.values()) {
            d.close();
        }
        assertTrue(cases >= 3000, "cases " + cases);
        for (Compression c : CODECS) {
            if (c != Compression.NONE) {
                assertTrue(outcomes.get(c)[1] > 0, c + " never rejected a mutated segment");
            }
        }
    }

    private static byte[] mutate(byte[] packed, SplittableRandom random) {
        byte[] m = packed.clone();
        switch (random.nextInt(4)) {
            case 0: // flip bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n && m.length > 0; i++) {
                    m[random.nextInt(m.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return m;
            case 1: // truncate
                return Arrays.copyOf(m, random.nextInt(m.length + 1));
            case 2: // overwrite a span with garbage
                if (m.length > 0) {
                    int from = random.nextInt(m.length);
                    int to = Math.min(m.length, from + 1 + random.nextInt(32));
                    for (int i = from; i < to; i++) {
                        m[i] = (byte) random.nextInt(256);
                    }
                }
                return m;
            default: // pure garbage
                byte[] g = new byte[random.nextInt(200)];
                random.nextBytes(g);
                return g;
        }
    }

    private static byte[] bits(int... codes) {
        // 9-bit codes, MSB first: enough for these short hand-made streams
        byte[] out = new byte[(codes.length * 9 + 7) / 8];
        int bit = 0;
        for (int code : codes) {
            for (int b = 8; b >= 0; b--, bit++) {
                if (((code >>> b) & 1) != 0) {
                    out[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
                }
            }
        }
        return out;
    }
}
