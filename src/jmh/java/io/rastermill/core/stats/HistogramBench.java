package io.rastermill.core.stats;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** gdalinfo -hist's 256 buckets over one 512² tile's cells (NaN = NoData, skipped), as the stats command adds them. */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistogramBench {
    private final double[] lane = new double[512 * 512];
    private DoubleHistogram histogram;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < lane.length; i++) {
            lane[i] = r.nextInt(100) == 0 ? Double.NaN : r.nextDouble() * 4968;
        }
        histogram = DoubleHistogram.of(0, 4968, 256);
    }

    @Benchmark
    public DoubleHistogram add() {
        return histogram.addDoubles(lane, 0, lane.length);
    }
}
