package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** What follows the expected bytes: more data is an error; trailers, padding and a missing EOI are tolerated. */
class SegmentEndTest {
    /** TIFF 6.0 LZW example: 7 7 7 8 8 7 7 6 6 = codes 256 7 258 8 8 258 6 6 257. */
    private static final byte[] SPEC_DATA = {7, 7, 7, 8, 8, 7, 7, 6, 6};

    private static byte[] lzw(int... codes) {
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

    private static byte[] decode(Compression c, byte[] packed, int expectedLen) throws Exception {
        byte[] out = new byte[expectedLen];
        try (SegmentDecompressor d = c.newDecompressor()) {
            d.decompress(packed, 0, packed.length, out, 0, expectedLen);
        }
        return out;
    }

    private static CorruptSegmentException rejects(Compression c, byte[] packed, int expectedLen) throws Exception {
        try (SegmentDecompressor d = c.newDecompressor()) {
            byte[] out = new byte[expectedLen];
            return assertThrows(
                    CorruptSegmentException.class, () -> d.decompress(packed, 0, packed.length, out, 0, expectedLen));
        }
    }

    @Test
    void lzwWithMoreDataThanExpected() throws Exception {
        byte[] packed = lzw(256, 7, 258, 8, 8, 258, 6, 6, 257);
        // full after the first 6 (8 bytes): the next code 6 is more data
        assertTrue(rejects(Compression.LZW, packed, 8).getMessage().contains("continues"));
        // the string "7 7" would straddle the end at 6 bytes
        assertTrue(rejects(Compression.LZW, packed, 6).getMessage().contains("overflows"));
    }

    @Test
    void lzwEndingsThatAreTolerated() throws Exception {
        assertArrayEquals(SPEC_DATA, decode(Compression.LZW, lzw(256, 7, 258, 8, 8, 258, 6, 6), 9));
        assertArrayEquals(SPEC_DATA, decode(Compression.LZW, lzw(256, 7, 258, 8, 8, 258, 6, 6, 256, 257), 9));
    }

    @Test
    void deflateWithMoreDataThanExpected() throws Exception {
        byte[] data = SegmentData.GRADIENT.generate(1000, 1);
        byte[] packed = deflate(data);
        assertTrue(rejects(Compression.DEFLATE, packed, 999).getMessage().contains("continues"));
        assertArrayEquals(data, decode(Compression.DEFLATE, packed, 1000));
    }

    @Test
    void deflateTrailer() throws Exception {
        byte[] data = SegmentData.GRADIENT.generate(1000, 2);
        byte[] packed = deflate(data);
        // without its Adler-32: tolerated
        assertArrayEquals(data, decode(Compression.DEFLATE, Arrays.copyOf(packed, packed.length - 4), 1000));
        // with a wrong Adler-32: rejected
        byte[] bad = packed.clone();
        bad[bad.length - 1] ^= 1;
        rejects(Compression.DEFLATE, bad, 1000);
    }

    @Test
    void packBitsWithMoreDataThanExpected() throws Exception {
        byte[] packed = {(byte) 0xFE, (byte) 0xAA, 0x01, 0x22, 0x33, (byte) 0xFF, 0x44};
        // AA AA AA 22 33 44 44: full after 33 (5 bytes), then a complete run
        assertTrue(rejects(Compression.PACKBITS, packed, 5).getMessage().contains("continues"));
        // padding after the data: a no-op, or an incomplete header
        byte[] expected = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, 0x22, 0x33, 0x44, 0x44};
        assertArrayEquals(expected, decode(Compression.PACKBITS, concat(packed, (byte) 0x80), 7));
        assertArrayEquals(expected, decode(Compression.PACKBITS, concat(packed, (byte) 0x00), 7));
    }

    private static byte[] concat(byte[] a, byte b) {
        byte[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }
}
