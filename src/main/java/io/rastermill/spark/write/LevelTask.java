package io.rastermill.spark.write;

import org.apache.spark.util.LongAccumulator;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import io.rastermill.io.geotiff.OverviewBlockReducer;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The executor side of one level, in one pass over a partition's blocks: encodes each block and
 * appends it to the partition's part file, {@code <parts>/L<level>/part-<partition>-<attempt>-<taskAttemptId>}
 * (a retried or speculative attempt writes its own file; a failed or killed attempt deletes its file),
 * and, if another level follows, emits the block's quarter of its parent ({@link
 * OverviewBlockReducer#quarter}). When the blocks are exhausted it closes the file and emits where each
 * block went. Lazy: blocks stream through, one at a time.
 */
final class LevelTask implements FlatMapFunction<Iterator<Tuple2<SpatialKey, MultibandTile>>, LevelRecord> {
    private static final long serialVersionUID = 1L;

    private final WriteSpec spec;
    private final int level;
    private final int width;
    private final int height;
    private final int across;
    private final int down;
    private final boolean overviewFollows;

    /** Bytes written to part files ({@link io.rastermill.spark.IoMetrics#BYTES_WRITTEN}); may be null. */
    private final LongAccumulator bytesWritten;

    LevelTask(WriteSpec spec, int level, GeoTiffAssembler.Level geometry, boolean overviewFollows,
              LongAccumulator bytesWritten) {
        this.bytesWritten = bytesWritten;
        this.spec = spec;
        this.level = level;
        this.width = geometry.width(); // GeoTiffAssembler.Level is not serializable
        this.height = geometry.height();
        this.across = geometry.across();
        this.down = geometry.down();
        this.overviewFollows = overviewFollows;
    }

    @Override
    public Iterator<LevelRecord> call(Iterator<Tuple2<SpatialKey, MultibandTile>> blocks) throws IOException {
        if (!blocks.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        return new Run(blocks);
    }

    private final class Run implements Iterator<LevelRecord> {
        private final Iterator<Tuple2<SpatialKey, MultibandTile>> blocks;
        private final String name;
        private final FileSystem fs;
        private final Path file;
        private final FSDataOutputStream out;
        private final GeoTiffBlockEncoder encoder;
        private final OverviewBlockReducer reducer;
        private long[] placed = new long[3 * 64];
        private int n;
        private LevelRecord pending;
        private boolean closed;

        Run(Iterator<Tuple2<SpatialKey, MultibandTile>> blocks) throws IOException {
            this.blocks = blocks;
            TaskContext tc = TaskContext.get();
            this.name = "L" + level + "/part-" + tc.partitionId() + "-" + tc.attemptNumber() + "-" + tc.taskAttemptId();
            GeoTiffAssembler.Target parts = GeoTiffAssembler.Target.resolve(spec.partsDir, spec.conf());
            this.fs = parts.fs();
            this.file = new Path(parts.path(), name);
            this.encoder = new GeoTiffBlockEncoder(spec.description(), spec.options());
            this.reducer = overviewFollows ? new OverviewBlockReducer(spec.description(), spec.options()) : null;
            this.out = fs.create(file, false);
            tc.addTaskCompletionListener(new TaskCompletionListener() {
                @Override
                public void onTaskCompletion(TaskContext context) {
                    abandon(); // a no-op after the end; failed or killed before it: no part file of this attempt stays
                }
            });
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !closed) {
                pending = advance();
            }
            return pending != null;
        }

        @Override
        public LevelRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LevelRecord r = pending;
            pending = null;
            return r;
        }

        private LevelRecord advance() {
            try {
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
                    if (bytesWritten != null) {
                        bytesWritten.add(bytes.length);
                    }
                    if (n + 3 > placed.length) {
                        placed = Arrays.copyOf(placed, placed.length * 2);
                    }
                    placed[n++] = (long) k.row() * across + k.col();
                    placed[n++] = at;
                    placed[n++] = bytes.length;
                    if (reducer != null) {
                        return LevelRecord.piece(new SpatialKey(k.col() / 2, k.row() / 2), (k.row() & 1) * 2 + (k.col() & 1),
                                reducer.quarter(k.col(), k.row(), kv._2(), width, height));
                    }
                }
                out.close();
                encoder.close();
                closed = true;
                return LevelRecord.placed(name, Arrays.copyOf(placed, n));
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException(spec.location + ": part file " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                abandon();
                throw e;
            }
        }

        private void abandon() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // deleting it next
            }
            encoder.close();
            try {
                fs.delete(file, false);
            } catch (IOException ignored) {
                // the driver deletes the whole parts directory anyway
            }
        }
    }
}
