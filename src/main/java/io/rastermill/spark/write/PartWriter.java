package io.rastermill.spark.write;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;

/**
 * The executor side of one level: encodes a partition's blocks and appends them to one part file,
 * {@code <parts>/L<level>/part-<partition>-<attempt>-<taskAttemptId>} (a retried or speculative attempt
 * writes its own file; a failed attempt deletes its file), and returns only where each block went:
 * {@code (part file name, [block index, offset, length]...)}. An empty partition writes nothing.
 */
final class PartWriter implements FlatMapFunction<Iterator<Tuple2<SpatialKey, MultibandTile>>, Tuple2<String, long[]>> {
    private static final long serialVersionUID = 1L;

    private final WriteSpec spec;
    private final int level;
    private final int across;
    private final int down;

    PartWriter(WriteSpec spec, int level, int across, int down) {
        this.spec = spec;
        this.level = level;
        this.across = across;
        this.down = down;
    }

    @Override
    public Iterator<Tuple2<String, long[]>> call(Iterator<Tuple2<SpatialKey, MultibandTile>> blocks) throws IOException {
        if (!blocks.hasNext()) {
            return Collections.emptyIterator();
        }
        TaskContext tc = TaskContext.get();
        String name = "L" + level + "/part-" + tc.partitionId() + "-" + tc.attemptNumber() + "-" + tc.taskAttemptId();
        GeoTiffAssembler.Target parts = GeoTiffAssembler.Target.resolve(spec.partsDir, spec.conf());
        FileSystem fs = parts.fs();
        Path file = new Path(parts.path(), name);
        long[] placed = new long[3 * 64];
        int n = 0;
        boolean done = false;
        try (GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(spec.description(), spec.options());
             FSDataOutputStream out = fs.create(file, false)) {
            while (blocks.hasNext()) {
                Tuple2<SpatialKey, MultibandTile> kv = blocks.next();
                SpatialKey k = kv._1();
                if (k.col() < 0 || k.col() >= across || k.row() < 0 || k.row() >= down) {
                    throw new IllegalStateException(spec.location + ": block " + k + " of level " + level
                            + " is outside its " + across + "x" + down + " blocks");
                }
                byte[] bytes;
                try {
                    bytes = encoder.encode(kv._2());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(spec.location + ": block " + k + " of level " + level + ": "
                            + e.getMessage(), e);
                }
                long at = out.getPos();
                out.write(bytes);
                if (n + 3 > placed.length) {
                    placed = Arrays.copyOf(placed, placed.length * 2);
                }
                placed[n++] = (long) k.row() * across + k.col();
                placed[n++] = at;
                placed[n++] = bytes.length;
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    fs.delete(file, false);
                } catch (IOException ignored) {
                    // the driver deletes the whole parts directory anyway
                }
            }
        }
        return Collections.singletonList(new Tuple2<>(name, Arrays.copyOf(placed, n))).iterator();
    }
}
