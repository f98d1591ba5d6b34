package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Small vectors computed by hand from the TIFF 6.0 spec and the Adobe floating point predictor note. */
class KnownVectorsTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] decode(Compression c, byte[] packed, int expectedLen) throws Exception {
        byte[] out = new byte[expectedLen];
        try (SegmentDecompressor d = c.newDecompressor()) {
            d.decompress(packed, 0, packed.length, out, 0, expectedLen);
        }
        return out;
    }

    private static byte[] encode(Compression c, byte[] data) throws Exception {
        try (SegmentCompressor e = c.newCompressor()) {
            byte[] out = new byte[e.maxCompressedLength(data.length)];
            return Arrays.copyOf(out, e.compress(data, 0, data.length, out, 0));
        }
    }

    @Test
    void packBitsExampleFromTheSpec() throws Exception {
        byte[] packed = bytes(0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA);
        byte[] unpacked = bytes(
                0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22, 0xAA, 0xAA, 0xAA,
                0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA);
        assertArrayEquals(unpacked, decode(Compression.PACKBITS, packed, unpacked.length));
        // the no-op header -128 is skipped
        assertArrayEquals(bytes(1, 2), decode(Compression.PACKBITS, bytes(0x80, 0x01, 1, 2), 2));
        // our encoder: replicate runs of 3 or more, literals otherwise
        assertArrayEquals(
                bytes(0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA),
                encode(Compression.PACKBITS, unpacked));
    }

    @Test
    void packBitsRowsPackedSeparatelyConcatenate() throws Exception {
        byte[] data = SegmentData.RUNS.generate(10 * 37, 5);
        try (SegmentCompressor e = Compression.PACKBITS.newCompressor()) {
            byte[] packed = new byte[10 * e.maxCompressedLength(37)];
            int len = 0;
            for (int row = 0; row < 10; row++) {
                len += e.compress(data, row * 37, 37, packed, len);
            }
            assertArrayEquals(data, decode(Compression.PACKBITS, Arrays.copyOf(packed, len), data.length));
        }
    }

    @Test
    void lzwExampleFromTheSpec() throws Exception {
        // 7 7 7 8 8 7 7 6 6 -> codes 256 7 258 8 8 258 6 6 257, all 9 bits, MSB first
        byte[] data = bytes(7, 7, 7, 8, 8, 7, 7, 6, 6);
        byte[] packed = bytes(0x80, 0x01, 0xE0, 0x40, 0x80, 0x44, 0x08, 0x0C, 0x06, 0x80, 0x80);
        assertArrayEquals(packed, encode(Compression.LZW, data));
        assertArrayEquals(data, decode(Compression.LZW, packed, data.length));
    }

    @Test
    void lzwSwitchesTo10BitsOneCodeEarly() throws Exception {
        // Bytes 0..255: no pair repeats, so every code is a single byte and entries 258..512 get defined.
        // Code i (0-based after the ClearCode) is read once the decoder holds 257 + i entries; it widens to
        // 10 bits when the next free code reaches 511, so codes 0..253 take 9 bits and 254, 255 and EOI take 10.
        BitString expected = new BitString().put(256, 9);
        for (int i = 0; i <= 253; i++) {
            expected.put(i, 9);
        }
        expected.put(254, 10).put(255, 10).put(257, 10);
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        byte[] packed = expected.toBytes();
        assertArrayEquals(packed, encode(Compression.LZW, data));
        assertArrayEquals(data, decode(Compression.LZW, packed, data.length));
    }

    @Test
    void horizontalPredictorDifferencesSamples() throws Exception {
        byte[] row = bytes(10, 12, 15);
        Predictor p = Predictor.of(2, 8, 1, ByteOrder.LITTLE_ENDIAN);
        p.encode(row, 0, 3, 1);
        assertArrayEquals(bytes(10, 2, 3), row);
        p.decode(row, 0, 3, 1);
        assertArrayEquals(bytes(10, 12, 15), row);
        // 16-bit big-endian: 0x0100, 0x00FF -> 0x0100, 0xFFFF (mod 2^16)
        byte[] be = bytes(0x01, 0x00, 0x00, 0xFF);
        Predictor.of(2, 16, 1, ByteOrder.BIG_ENDIAN).encode(be, 0, 2, 1);
        assertArrayEquals(bytes(0x01, 0x00, 0xFF, 0xFF), be);
        // same values little-endian
        byte[] le = bytes(0x00, 0x01, 0xFF, 0x00);
        Predictor.of(2, 16, 1, ByteOrder.LITTLE_ENDIAN).encode(le, 0, 2, 1);
        assertArrayEquals(bytes(0x00, 0x01, 0xFF, 0xFF), le);
    }

    @Test
    void floatingPointPredictorOnTwoFloats() throws Exception {
        // 1.0f = 3F800000, 2.0f = 40000000. Planes (most significant byte first): 3F 40 | 80 00 | 00 00 | 00 00.
        // Byte differences: 3F, 40-3F=01, 80-40=40, 00-80=80, 0, 0, 0, 0.
        byte[] encoded = bytes(0x3F, 0x01, 0x40, 0x80, 0x00, 0x00, 0x00, 0x00);
        byte[] little = bytes(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40);
        byte[] big = bytes(0x3F, 0x80, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] samples = order == ByteOrder.LITTLE_ENDIAN ? little : big;
            Predictor p = Predictor.of(3, 32, 1, order);
            byte[] row = samples.clone();
            p.encode(row, 0, 2, 1);
            assertArrayEquals(encoded, row, order.toString());
            p.decode(row, 0, 2, 1);
            assertArrayEquals(samples, row, order.toString());
        }
    }

    @Test
    void floatingPointPredictorOnHalfFloats() throws Exception {
        // float16 1.0 = 3C00, 2.0 = 4000, 3.0 = 4200. Planes: 3C 40 42 | 00 00 00. Differences: 3C 04 02 BE 00 00.
        byte[] encoded = bytes(0x3C, 0x04, 0x02, 0xBE, 0x00, 0x00);
        byte[] little = bytes(0x00, 0x3C, 0x00, 0x40, 0x00, 0x42);
        Predictor p = Predictor.of(3, 16, 1, ByteOrder.LITTLE_ENDIAN);
        byte[] row = little.clone();
        p.encode(row, 0, 3, 1);
        assertArrayEquals(encoded, row);
        p.decode(row, 0, 3, 1);
        assertArrayEquals(little, row);
    }

    /** MSB-first bit packing of codes with explicit widths, for writing expected LZW streams by hand. */
    private static final class BitString {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int acc;
        private int count;

        BitString put(int code, int width) {
            for (int bit = width - 1; bit >= 0; bit--) {
                acc = (acc << 1) | ((code >>> bit) & 1);
                if (++count == 8) {
                    bytes.write(acc);
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        byte[] toBytes() {
            if (count > 0) {
                bytes.write(acc << (8 - count));
            }
            return bytes.toByteArray();
        }
    }
}
