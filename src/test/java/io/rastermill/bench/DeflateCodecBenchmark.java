package io.rastermill.bench;

import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.NativeDeflate;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.codec.SegmentCompressor;
import io.rastermill.io.codec.SegmentDecompressor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Deflate encode and decode MB/s (uncompressed bytes), java.util.zip against native libdeflate, on one thread: a
 * 512x512 Float32 smooth DEM tile after the floating-point predictor (3), level 6. Prints the median of RUNS runs
 * (default 60) after a warm-up; runs of the two implementations alternate. Not a unit test.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes io.rastermill.bench.DeflateCodecBenchmark [RUNS] [LEVEL]}
 */
public final class DeflateCodecBenchmark {
    private static final int SIZE = 512;

    private DeflateCodecBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int level = args.length > 1 ? Integer.parseInt(args[1]) : Compression.DEFAULT_DEFLATE_LEVEL;
        if (!NativeDeflate.isAvailable()) {
            System.out.println("native Deflate not available: " + NativeDeflate.unavailableReason());
            return;
        }
        byte[] tile = demTileAfterPredictor();
        String[] impls = {"java", "native"};
        SegmentCompressor[] enc = new SegmentCompressor[2];
        SegmentDecompressor[] dec = new SegmentDecompressor[2];
        byte[][] packed = new byte[2][];
        int[] packedLen = new int[2];
        for (int i = 0; i < 2; i++) {
            System.setProperty(NativeDeflate.MODE_PROPERTY, impls[i]);
            enc[i] = Compression.DEFLATE.newCompressor(level);
            dec[i] = Compression.DEFLATE.newDecompressor();
            packed[i] = new byte[enc[i].maxCompressedLength(tile.length)];
            packedLen[i] = enc[i].compress(tile, 0, tile.length, packed[i], 0);
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %s / %s, level %d: %d -> %d bytes (%.3f)%n",
                    impls[i],
                    enc[i].getClass().getSimpleName(),
                    dec[i].getClass().getSimpleName(),
                    level,
                    tile.length,
                    packedLen[i],
                    packedLen[i] / (double) tile.length);
        }
        System.clearProperty(NativeDeflate.MODE_PROPERTY);
        byte[] out = new byte[tile.length];
        double[][] encMBs = new double[2][runs];
        double[][] decMBs = new double[2][runs];
        int warmup = 20;
        for (int r = -warmup; r < runs; r++) {
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                packedLen[i] = enc[i].compress(tile, 0, tile.length, packed[i], 0);
                long t1 = System.nanoTime();
                // each decodes its own output here (what a reader of our own files sees); see decSame below
                dec[i].decompress(packed[i], 0, packedLen[i], out, 0, tile.length);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    encMBs[i][r] = tile.length / 1e6 / ((t1 - t0) / 1e9);
                    decMBs[i][r] = tile.length / 1e6 / ((t2 - t1) / 1e9);
                }
            }
            if (!Arrays.equals(tile, out)) {
                throw new AssertionError("round trip failed");
            }
        }
        // decoding the same (zlib-written) stream with both, so the decoder alone differs
        double[][] decSame = new double[2][runs];
        for (int r = -warmup; r < runs; r++) {
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                dec[i].decompress(packed[0], 0, packedLen[0], out, 0, tile.length);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    decSame[i][r] = tile.length / 1e6 / ((t1 - t0) / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "median of %d runs, MB/s of uncompressed data, 1 thread%n", runs);
        System.out.printf(
                Locale.ROOT,
                "encode:                     java %7.1f  native %7.1f  x%.2f%n",
                median(encMBs[0]),
                median(encMBs[1]),
                median(encMBs[1]) / median(encMBs[0]));
        System.out.printf(
                Locale.ROOT,
                "decode (own output):        java %7.1f  native %7.1f  x%.2f%n",
                median(decMBs[0]),
                median(decMBs[1]),
                median(decMBs[1]) / median(decMBs[0]));
        System.out.printf(
                Locale.ROOT,
                "decode (zlib-written data): java %7.1f  native %7.1f  x%.2f%n",
                median(decSame[0]),
                median(decSame[1]),
                median(decSame[1]) / median(decSame[0]));
        for (int i = 0; i < 2; i++) {
            enc[i].close();
            dec[i].close();
        }
    }

    /** A smooth synthetic DEM (hills on a slope, metres), Float32 little-endian, after predictor 3. */
    static byte[] demTileAfterPredictor() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double h = 800
                        + 0.35 * x
                        - 0.2 * y
                        + 120 * Math.sin(x / 61.0) * Math.cos(y / 47.0)
                        + 15 * Math.sin((x + 2 * y) / 13.0);
                b.putFloat((float) h);
            }
        }
        byte[] raw = b.array();
        Predictor.of(Predictor.FLOATING_POINT, 32, 1, ByteOrder.LITTLE_ENDIAN).encode(raw, 0, SIZE, SIZE);
        return raw;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
