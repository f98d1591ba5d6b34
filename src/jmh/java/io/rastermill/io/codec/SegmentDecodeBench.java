package io.rastermill.io.codec;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one 512² Float32 DEFLATE + predictor-3 segment (a tile of the benchmark DEM's kind) as the reader does:
 * inflate, then undo the predictor; java.util.zip + the Java predictor, or libdeflate + the native predictor.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SegmentDecodeBench {
    @Param({"java", "native"})
    public String impl;

    private SegmentDecompressor inflater;
    private Predictor predictor;
    private byte[] stored;
    private final byte[] decoded = new byte[PredictorBench.SIZE * PredictorBench.SIZE * 4];

    @Setup
    public void setUp() throws Exception {
        predictor = PredictorBench.predictor(impl);
        byte[] raw = PredictorBench.demTile();
        predictor.encode(raw, 0, PredictorBench.SIZE, PredictorBench.SIZE);
        try (SegmentCompressor c = new DeflateCompressor(6)) {
            byte[] out = new byte[c.maxCompressedLength(raw.length)];
            stored = Arrays.copyOf(out, c.compress(raw, 0, raw.length, out, 0));
        }
        inflater = impl.equals("native") ? new NativeDeflateDecompressor() : new DeflateDecompressor();
    }

    @TearDown
    public void tearDown() throws Exception {
        inflater.close();
    }

    @Benchmark
    public byte[] decode() throws CorruptSegmentException {
        inflater.decompress(stored, 0, stored.length, decoded, 0, decoded.length);
        predictor.decode(decoded, 0, PredictorBench.SIZE, PredictorBench.SIZE);
        return decoded;
    }
}
