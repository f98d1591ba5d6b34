package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodecRoundTripTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 17, 255, 1000, 4099, 65_537, 300_001};

    @ParameterizedTest
    @EnumSource(
            value = Compression.class,
            names = {"NONE", "LZW", "DEFLATE", "ADOBE_DEFLATE", "PACKBITS", "ZSTD"})
    void roundTripsEveryKindOfData(Compression compression) throws Exception {
        try (SegmentCompressor encoder = compression.newCompressor();
                SegmentDecompressor decoder = compression.newDecompressor()) {
            long seed = 1;
            for (SegmentData kind : SegmentData.values()) {
                for (int length : LENGTHS) {
                    byte[] data = kind.generate(length, seed++);
                    // offsets on both sides, to catch off-by-offset bugs; reuse of the codec instances too
                    byte[] packed = new byte[3 + encoder.maxCompressedLength(length)];
                    int packedLen = encoder.compress(data, 0, length, packed, 3);
                    byte[] unpacked = new byte[length + 5];
                    Arrays.fill(unpacked, (byte) 0x5A);
                    int n = decoder.decompress(packed, 3, packedLen, unpacked, 2, length);
                    assertEquals(length, n, kind + " " + length);
                    assertArrayEquals(data, Arrays.copyOfRange(unpacked, 2, 2 + length), kind + " " + length);
                    assertEquals(0x5A, unpacked[0] & 0xFF);
                    assertEquals(0x5A, unpacked[1] & 0xFF);
                    for (int i = 2 + length; i < unpacked.length; i++) {
                        assertEquals(0x5A, unpacked[i] & 0xFF, "wrote past the expected length");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SegmentData.class)
    void deflateOutputIsAZlibStream(SegmentData kind) throws Exception {
        byte[] data = kind.generate(100_003, 7);
        for (int level : new int[] {1, 6, 9}) {
            try (SegmentCompressor encoder = Compression.DEFLATE.newCompressor(level)) {
                byte[] packed = new byte[encoder.maxCompressedLength(data.length)];
                int len = encoder.compress(data, 0, data.length, packed, 0);
                try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(packed, 0, len))) {
                    assertArrayEquals(data, in.readAllBytes());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SegmentData.class)
    void zstdOutputIsAZstdFrame(SegmentData kind) throws Exception {
        byte[] data = kind.generate(100_003, 11);
        try (SegmentCompressor encoder = Compression.ZSTD.newCompressor(3)) {
            byte[] packed = new byte[encoder.maxCompressedLength(data.length)];
            int len = encoder.compress(data, 0, data.length, packed, 0);
            assertArrayEquals(data, Zstd.decompress(Arrays.copyOf(packed, len), data.length));
        }
        // and the other way: zstd-jni's own frame decodes with ours
        byte[] frame = Zstd.compress(data, 5);
        byte[] out = new byte[data.length];
        try (SegmentDecompressor decoder = Compression.ZSTD.newDecompressor()) {
            decoder.decompress(frame, 0, frame.length, out, 0, data.length);
        }
        assertArrayEquals(data, out);
    }

    @ParameterizedTest
    @EnumSource(SegmentData.class)
    void deflateDecodesJavaZipOutput(SegmentData kind) throws Exception {
        byte[] data = kind.generate(50_001, 13);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        byte[] packed = new byte[data.length * 2 + 64];
        int len = deflater.deflate(packed);
        deflater.end();
        byte[] out = new byte[data.length];
        try (SegmentDecompressor decoder = Compression.ADOBE_DEFLATE.newDecompressor()) {
            decoder.decompress(packed, 0, len, out, 0, data.length);
        }
        assertArrayEquals(data, out);
    }
}
