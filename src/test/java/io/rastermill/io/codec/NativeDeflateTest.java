package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native (libdeflate) Deflate codec: that the build produced and loaded it where it can, interop with
 * java.util.zip both ways, and that it gives the Java decompressor's answer on every fuzzed segment. The rest of the
 * codec suite runs against whichever implementation {@code -Drastermill.deflate} selects (surefire runs it twice).
 */
class NativeDeflateTest {

    private static void assumeNative() {
        Assumptions.assumeTrue(
                NativeDeflate.isAvailable(),
                () -> "native Deflate not available: " + NativeDeflate.unavailableReason());
    }

    @Test
    void buildProducedAndLoadedTheLibraryWhenGccAndLibdeflateArePresent() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("rastermill.test.native.skip"), "built with -Drastermill.native.skip=true");
        Assumptions.assumeTrue(
                System.getProperty("os.name", "").startsWith("Linux")
                        && System.getProperty("os.arch", "").equals("amd64"),
                "not linux x86_64");
        Assumptions.assumeTrue(onPath("gcc"), "gcc is not installed");
        Assumptions.assumeTrue(
                Files.isRegularFile(Path.of("/usr/lib/x86_64-linux-gnu/libdeflate.a")),
                "libdeflate-dev is not installed (/usr/lib/x86_64-linux-gnu/libdeflate.a)");
        assertTrue(
                NativeDeflate.class.getResource(NativeDeflate.RESOURCE) != null,
                NativeDeflate.RESOURCE + " was not built into the classes directory");
        assertTrue(NativeDeflate.isAvailable(), () -> "not loaded: " + NativeDeflate.unavailableReason());
        if (!"java".equals(System.getProperty(NativeDeflate.MODE_PROPERTY))) {
            try (SegmentCompressor c = Compression.DEFLATE.newCompressor();
                    SegmentDecompressor d = Compression.ADOBE_DEFLATE.newDecompressor()) {
                assertInstanceOf(NativeDeflateCompressor.class, c);
                assertInstanceOf(NativeDeflateDecompressor.class, d);
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void modeProperty() throws Exception {
        String old = System.getProperty(NativeDeflate.MODE_PROPERTY);
        try {
            System.setProperty(NativeDeflate.MODE_PROPERTY, "java");
            try (SegmentDecompressor d = Compression.DEFLATE.newDecompressor()) {
                assertInstanceOf(DeflateDecompressor.class, d);
            }
            System.setProperty(NativeDeflate.MODE_PROPERTY, "zlib");
            assertThrows(UnsupportedCodecException.class, Compression.DEFLATE::newDecompressor);
            System.setProperty(NativeDeflate.MODE_PROPERTY, "native");
            if (NativeDeflate.isAvailable()) {
                try (SegmentCompressor c = Compression.DEFLATE.newCompressor(1)) {
                    assertInstanceOf(NativeDeflateCompressor.class, c);
                }
            } else {
                assertThrows(UnsupportedCodecException.class, Compression.DEFLATE::newDecompressor);
            }
        } finally {
            if (old == null) {
                System.clearProperty(NativeDeflate.MODE_PROPERTY);
            } else {
                System.setProperty(NativeDeflate.MODE_PROPERTY, old);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void nativeOutputInflatesWithJavaUtilZip(int level) throws Exception {
        assumeNative();
        for (SegmentData kind : SegmentData.values()) {
            for (int length : new int[] {0, 1, 1000, 70_000}) {
                byte[] data = kind.generate(length, level * 31L + length);
                byte[] packed;
                try (NativeDeflateCompressor c = new NativeDeflateCompressor(level)) {
                    byte[] out = new byte[c.maxCompressedLength(length)];
                    packed = Arrays.copyOf(out, c.compress(data, 0, length, out, 0));
                }
                try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(packed))) {
                    assertArrayEquals(data, in.readAllBytes(), kind + " " + length + " level " + level);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 9})
    void javaUtilZipOutputDecodesNatively(int level) throws Exception {
        assumeNative();
        for (SegmentData kind : SegmentData.values()) {
            for (int length : new int[] {0, 1, 1000, 70_000}) {
                byte[] data = kind.generate(length, level * 17L + length);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Deflater deflater = new Deflater(level);
                try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
                    out.write(data);
                }
                deflater.end();
                byte[] packed = bytes.toByteArray();
                byte[] dst = new byte[length + 7];
                try (NativeDeflateDecompressor d = new NativeDeflateDecompressor()) {
                    assertEquals(length, d.decompress(packed, 0, packed.length, dst, 3, length));
                }
                assertArrayEquals(data, Arrays.copyOfRange(dst, 3, 3 + length), kind + " " + length);
            }
        }
    }

    @Test
    void sameAnswerAsTheJavaDecompressorOnFuzzedSegments() throws Exception {
        assumeNative();
        SplittableRandom random = new SplittableRandom(20261130);
        SegmentData[] kinds = SegmentData.values();
        int rejected = 0;
        int accepted = 0;
        try (NativeDeflateDecompressor fast = new NativeDeflateDecompressor();
                DeflateDecompressor reference = new DeflateDecompressor()) {
            for (int round = 0; round < 3000; round++) {
                int length = 1 + random.nextInt(3000);
                byte[] data = kinds[round % kinds.length].generate(length, random.nextLong());
                byte[] packed;
                try (SegmentCompressor c = random.nextBoolean()
                        ? new NativeDeflateCompressor(random.nextInt(10))
                        : new DeflateCompressor(6)) {
                    byte[] out = new byte[c.maxCompressedLength(length)];
                    packed = Arrays.copyOf(out, c.compress(data, 0, length, out, 0));
                }
                byte[] mutated = random.nextInt(5) == 0 ? packed : mutate(packed, random);
                int expected = random.nextInt(4) == 0 ? random.nextInt(2 * length + 1) : length;
                byte[] a = new byte[expected + 16];
                byte[] b = new byte[expected + 16];
                Arrays.fill(a, (byte) 0x5A);
                Arrays.fill(b, (byte) 0x5A);
                String ra = outcome(fast, mutated, a, expected);
                String rb = outcome(reference, mutated, b, expected);
                assertEquals(rb, ra, "round " + round);
                if (ra.equals("ok")) {
                    assertArrayEquals(b, a, "round " + round);
                    accepted++;
                } else {
                    rejected++;
                }
                for (int i = expected; i < a.length; i++) {
                    assertEquals(0x5A, a[i] & 0xFF, "native wrote past the expected length, round " + round);
                }
            }
        }
        assertTrue(accepted > 100 && rejected > 100, accepted + " accepted, " + rejected + " rejected");
    }

    private static String outcome(SegmentDecompressor d, byte[] packed, byte[] out, int expected) {
        try {
            assertEquals(expected, d.decompress(packed, 0, packed.length, out, 0, expected));
            return "ok";
        } catch (CorruptSegmentException e) {
            return e.getMessage();
        }
    }

    private static byte[] mutate(byte[] packed, SplittableRandom random) {
        byte[] m = packed.clone();
        switch (random.nextInt(4)) {
            case 0:
                for (int i = 0, n = 1 + random.nextInt(4); i < n && m.length > 0; i++) {
                    m[random.nextInt(m.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return m;
            case 1:
                return Arrays.copyOf(m, random.nextInt(m.length + 1));
            case 2: // trailing bytes after the stream
                byte[] longer = Arrays.copyOf(m, m.length + 1 + random.nextInt(8));
                for (int i = m.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            default:
                byte[] g = new byte[random.nextInt(200)];
                random.nextBytes(g);
                return g;
        }
    }

    @Test
    void closeIsIdempotentAndClosedCodecsFail() throws Exception {
        assumeNative();
        NativeDeflateCompressor c = new NativeDeflateCompressor(6);
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.maxCompressedLength(10));
        NativeDeflateDecompressor d = new NativeDeflateDecompressor();
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, () -> d.decompress(new byte[8], 0, 8, new byte[8], 0, 8));
    }

    @Test
    void rangesAreCheckedBeforeNativeCode() throws Exception {
        assumeNative();
        try (NativeDeflateCompressor c = new NativeDeflateCompressor(6);
                NativeDeflateDecompressor d = new NativeDeflateDecompressor()) {
            byte[] src = new byte[100];
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(src, 0, 100, new byte[50], 0));
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(src, 90, 20, new byte[500], 0));
            assertThrows(IndexOutOfBoundsException.class, () -> d.decompress(src, 0, 100, new byte[10], 5, 10));
            assertThrows(IndexOutOfBoundsException.class, () -> d.decompress(src, -1, 10, new byte[10], 0, 10));
        }
    }
}
