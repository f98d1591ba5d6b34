package io.rastermill.io.geotiff;

import java.nio.ByteOrder;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Copying one decoded 512² segment of one sample per pixel (little-endian, as GDAL writes) into a tile's storage, as
 * the reader does after inflating and undoing the predictor. The launcher's JVM runs C1 only: compare with
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SegmentCopyBench {
    private static final int SIZE = 512;

    @Param({"UINT16", "FLOAT32"})
    public SampleKind kind;

    private SegmentCopier.Source source;
    private Object storage;

    @Setup
    public void setUp() {
        byte[] segment = new byte[SIZE * SIZE * kind.bytes()];
        new Random(13).nextBytes(segment);
        source = new SegmentCopier.Source(segment, ByteOrder.LITTLE_ENDIAN, SIZE * kind.bytes(), 1, 0);
        storage = kind == SampleKind.UINT16 ? new short[SIZE * SIZE] : new float[SIZE * SIZE];
    }

    @Benchmark
    public Object copy() {
        SegmentCopier.copy(kind, source, 0, 0, SIZE, SIZE, storage, SIZE, 0, 0);
        return storage;
    }
}
