package io.rastermill.spark.write;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import io.rastermill.io.geotiff.OverviewBlockReducer;
import io.rastermill.spark.TaskOutOfMemoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

/**
 * The executor side of one level, in one pass over a partition's blocks: encodes each block and
 * appends it to the partition's part file, {@code <parts>/L<level>/part-<partition>-<attempt>-<taskAttemptId>}
 * (a retried or speculative attempt writes its own file; a failed or killed attempt deletes its file),
 * and, if another level follows, reduces it to its quarter of the parent ({@link OverviewBlockReducer#quarter}).
 * With a {@link BlockOwnership} (level 0 of a Z-order partitioned layer) the overview blocks whose tiles all lie in
 * this partition are built and written here too, into the same part file ({@link PyramidBuilder}); only the quarters
 * of the other parents are emitted. When the blocks are exhausted it closes the file and emits where each block of
 * each level went. Lazy: blocks stream through, one at a time.
 */
final class LevelTask implements FlatMapFunction<Iterator<Tuple2<SpatialKey, MultibandTile>>, LevelRecord> {
    private static final long serialVersionUID = 1L;

    private final WriteSpec spec;
    private final int level;
    private final List<LevelShape> levels;
    /** Null: this task owns no overview block (every quarter is emitted). */
    private final BlockOwnership ownership;

    /** Bytes written to part files ({@link io.rastermill.spark.IoMetrics#BYTES_WRITTEN}); may be null. */
    private final LongAccumulator bytesWritten;

    /**
     * @param levels    the file's levels; blocks of {@code level} come in, overviews follow up to the last one
     * @param ownership which overview blocks the partitions hold whole, or null
     */
    LevelTask(
            WriteSpec spec,
            int level,
            List<GeoTiffAssembler.Level> levels,
            BlockOwnership ownership,
            LongAccumulator bytesWritten) {
        this.bytesWritten = bytesWritten;
        this.spec = spec;
        this.level = level;
        this.levels = LevelShape.of(levels); // GeoTiffAssembler.Level is not serializable
        this.ownership = ownership;
    }

    @Override
    public Iterator<LevelRecord> call(Iterator<Tuple2<SpatialKey, MultibandTile>> blocks) throws IOException {
        try {
            if (!blocks.hasNext()) { // computes the first block: this task's reads and kernels run from here on
                return Collections.emptyIterator();
            }
            return new Run(blocks);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        }
    }

    /** An ordinary task failure instead of the error Spark would exit the JVM for ({@link TaskOutOfMemoryException}). */
    private TaskOutOfMemoryException outOfMemory(OutOfMemoryError e) {
        return TaskOutOfMemoryException.of("level " + level + " of " + spec.location, e);
    }

    private final class Run implements Iterator<LevelRecord> {
        private final Iterator<Tuple2<SpatialKey, MultibandTile>> blocks;
        private final String name;
        private final FileSystem fs;
        private final Path file;
        private final FSDataOutputStream out;
        private final GeoTiffBlockEncoder encoder;
        private final PyramidBuilder pyramid;
        private final ArrayDeque<LevelRecord> ready = new ArrayDeque<>();
        private final Placements placed = new Placements(levels.size());
        private boolean finished;
        private boolean closed;

        Run(Iterator<Tuple2<SpatialKey, MultibandTile>> blocks) throws IOException {
            this.blocks = blocks;
            TaskContext tc = TaskContext.get();
            this.name = "L" + level + "/part-" + tc.partitionId() + "-" + tc.attemptNumber() + "-" + tc.taskAttemptId();
            GeoTiffAssembler.Target parts = GeoTiffAssembler.Target.resolve(spec.partsDir, spec.conf());
            this.fs = parts.fs();
            this.file = new Path(parts.path(), name);
            this.encoder = new GeoTiffBlockEncoder(spec.description(), spec.options());
            int partition = tc.partitionId();
            BlockOwnership owned = ownership;
            this.pyramid = new PyramidBuilder(
                    spec,
                    levels,
                    encoder,
                    owned == null ? (l, k) -> false : (l, k) -> owned.owner(l, k) == partition,
                    this::written,
                    (l, parent, q, quarter) -> ready.add(LevelRecord.piece(l, parent, q, quarter)));
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
            if (ready.isEmpty() && !finished) {
                advance();
            }
            return !ready.isEmpty();
        }

        @Override
        public LevelRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void written(int l, SpatialKey k, byte[] bytes, int length) throws IOException {
            LevelShape g = levels.get(l);
            if (k.col() < 0 || k.col() >= g.across() || k.row() < 0 || k.row() >= g.down()) {
                throw new IllegalStateException(spec.location + ": block " + k + " of level " + l + " is outside its "
                        + g.across() + "x" + g.down() + " blocks");
            }
            long at = out.getPos();
            out.write(bytes, 0, length);
            if (bytesWritten != null) {
                bytesWritten.add(length);
            }
            placed.add(l, (long) k.row() * g.across() + k.col(), at, length);
        }

        /** Fills {@link #ready}: the next pieces, or at the end the placements. */
        private void advance() {
            try {
                while (ready.isEmpty() && blocks.hasNext()) {
                    Tuple2<SpatialKey, MultibandTile> kv = blocks.next();
                    pyramid.add(level, kv._1(), kv._2());
                }
                if (!ready.isEmpty()) {
                    return;
                }
                pyramid.finish();
                out.close();
                encoder.close();
                closed = true;
                finished = true;
                ready.addAll(placed.records(name));
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException(spec.location + ": part file " + file + ": " + e.getMessage(), e);
            } catch (OutOfMemoryError e) {
                abandon();
                throw outOfMemory(e);
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
            finished = true;
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
