package io.rastermill.spark.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.io.sample.SyntheticDem;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.LocalSparkSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.Partitioner;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often a focal job decodes each segment of its input ({@link IoMetrics#SEGMENTS_DECODED}): a 1-cell halo
 * touches the eight neighbouring tiles' segments, and the task's decoded-segment cache must turn those repeats into
 * copies, so a segment is decoded once per task that needs it: exactly the distinct segments of each partition's
 * halo windows, summed over partitions (segments on a partition border are decoded by each side).
 */
class SegmentDecodeCountTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    Path dir;

    /** Sums the decoded-segment accumulators of successful tasks. */
    static final class DecodeListener extends SparkListener {
        final LongAdder decoded = new LongAdder();
        final LongAdder tasks = new LongAdder();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskInfo() == null || !taskEnd.taskInfo().successful()) {
                return;
            }
            tasks.increment();
            scala.collection.Iterator<AccumulableInfo> it =
                    taskEnd.taskInfo().accumulables().iterator();
            while (it.hasNext()) {
                AccumulableInfo a = it.next();
                if (a.name().isDefined()
                        && IoMetrics.SEGMENTS_DECODED.equals(a.name().get())
                        && a.update().isDefined()
                        && a.update().get() instanceof Long n) {
                    decoded.add(n);
                }
            }
        }
    }

    @Test
    void slopeDecodesEachSegmentOncePerTaskThatReadsIt() throws Exception {
        int size = 320;
        int block = 32; // 10 x 10 segments, tiles = blocks
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(size).write(dem.toString(), block);
        DecodeListener listener = new DecodeListener();
        SPARK.session().sparkContext().addSparkListener(listener);
        try {
            TileLayer layer = TileLayers.readGeoTiffs(
                    SPARK.session(),
                    List.of(dem.toString()),
                    TileLayers.ReadOptions.defaults().withTileSize(block).withPartitionPixels(25L * block * block));
            long tiles =
                    layer.focal(FocalOps.slopeKernel(SlopeParams.GDALDEM)).rdd().count();
            assertEquals(100, tiles);

            // what each partition's halo windows touch: blocks (c-1..c+1, r-1..r+1) inside the raster
            Partitioner p = layer.partitioner();
            Map<Integer, Set<Integer>> touched = new HashMap<>();
            for (int r = 0; r < 10; r++) {
                for (int c = 0; c < 10; c++) {
                    Set<Integer> s =
                            touched.computeIfAbsent(p.getPartition(new SpatialKey(c, r)), x -> new HashSet<>());
                    for (int y = Math.max(0, r - 1); y <= Math.min(9, r + 1); y++) {
                        for (int x = Math.max(0, c - 1); x <= Math.min(9, c + 1); x++) {
                            s.add(y * 10 + x);
                        }
                    }
                }
            }
            long expected = touched.values().stream().mapToLong(Set::size).sum();
            assertTrue(p.numPartitions() >= 4, "several partitions: " + p.numPartitions());
            // listener events arrive asynchronously
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (listener.decoded.sum() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100); // and no more than that arrives late
            assertEquals(
                    expected,
                    listener.decoded.sum(),
                    "segments decoded (100 segments, " + p.numPartitions() + " partitions)");
            // Z-order partitions keep the borders short: under two decodes per segment here (174 for 100 segments in
            // 4 partitions of 25 tiles; up to 9 per segment without the cache)
            assertTrue(expected < 200, "decodes " + expected);
        } finally {
            SPARK.session().sparkContext().removeSparkListener(listener);
        }
    }
}
