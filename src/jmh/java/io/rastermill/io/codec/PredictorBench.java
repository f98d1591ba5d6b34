package io.rastermill.io.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Predictor 3 on one 512² Float32 tile (1 MiB) and predictor 2 on one 512² UInt16 tile (512 KiB), in place, Java and
 * native: bytes per second = the tile's bytes / the score. Encode and decode alternate on the same buffer, so every
 * call sees real predicted or plain data.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PredictorBench {
    static final int SIZE = 512;

    @Param({"java", "native"})
    public String impl;

    /** {@code float32-p3}: a DEM tile with predictor 3; {@code uint16-p2}: a reflectance tile with predictor 2. */
    @Param({"float32-p3", "uint16-p2"})
    public String tile;

    private Predictor predictor;
    private byte[] bytes;

    @Setup
    public void setUp() throws UnsupportedCodecException {
        if (tile.equals("uint16-p2")) {
            predictor = Predictor.of(Predictor.HORIZONTAL, 16, 1, ByteOrder.LITTLE_ENDIAN, nativeCode(impl));
            bytes = reflectanceTile();
        } else {
            predictor = predictor(impl);
            bytes = demTile();
        }
    }

    private static boolean nativeCode(String impl) {
        boolean nativeCode = impl.equals("native");
        if (nativeCode && !NativeDeflate.isAvailable()) {
            throw new IllegalStateException("native library not available: " + NativeDeflate.unavailableReason());
        }
        return nativeCode;
    }

    /** Little-endian Float32 predictor 3, {@code java} or {@code native} (which must be available). */
    static Predictor predictor(String impl) throws UnsupportedCodecException {
        return Predictor.of(Predictor.FLOATING_POINT, 32, 1, ByteOrder.LITTLE_ENDIAN, nativeCode(impl));
    }

    /** A DEM-like Float32 tile, little-endian: smooth terrain with 5 cm of noise. */
    static byte[] demTile() {
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * 4).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom r = new SplittableRandom(13);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                b.putFloat((float) (1000 + 300 * Math.sin(x / 90.0) * Math.cos(y / 70.0) + 0.05 * r.nextDouble()));
            }
        }
        return b.array();
    }

    /** A reflectance-like UInt16 tile, little-endian: a smooth field plus noise, as the NDVI benchmark's red band. */
    static byte[] reflectanceTile() {
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom r = new SplittableRandom(14);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                b.putShort((short) (900 + 500 * Math.sin(x / 60.0) * Math.cos(y / 45.0) + 40 * r.nextDouble()));
            }
        }
        return b.array();
    }

    @Benchmark
    public byte[] encodeThenDecode() {
        predictor.encode(bytes, 0, SIZE, SIZE);
        predictor.decode(bytes, 0, SIZE, SIZE);
        return bytes;
    }
}
