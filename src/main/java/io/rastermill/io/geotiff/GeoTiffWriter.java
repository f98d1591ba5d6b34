package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a tiled GeoTIFF or Cloud-Optimized GeoTIFF by streaming blocks in, in any order, from any
 * number of threads, without ever holding the raster.
 *
 * <pre>{@code
 * try (GeoTiffWriter w = GeoTiffWriter.create("s3a://bucket/dem.tif", description, options)) {
 *     // from many threads, each block exactly once, any order
 *     w.writeBlock(col, row, block);
 *     ...
 *     w.finish();   // builds overviews, assembles the file, renames it into place
 * }                 // close() without finish() aborts: nothing is left behind
 * }</pre>
 *
 * <h2>Blocks</h2>
 * Block {@code (col, row)} covers pixels {@code [col·s, col·s + s) × [row·s, row·s + s)} with
 * {@code s = blockSize}. A block has the description's band count and data type (its NoData policy is
 * taken from the description) and is either {@code s × s} or, at the right and bottom edges, cropped to
 * the raster ({@code min(s, width − col·s)} columns, {@code min(s, height − row·s)} rows). A cropped
 * block is padded with zero bytes to the full tile; a full-size edge block keeps its cells past the
 * raster edge in the tile's padding, which no reader (nor our overviews) ever uses.
 *
 * <h2>How it streams</h2>
 * {@link #writeBlock} encodes (interleave, predictor, compression) in the calling thread, so producers
 * encode in parallel, then appends the encoded bytes to a temporary spill file at an atomically
 * reserved offset and records (offset, length). {@link #finish()} checks every block arrived once, builds
 * each overview level from the previous one by reading back and decoding 2×2 groups of blocks (four
 * source blocks and one result block in memory at a time, per thread of {@link #finish(Executor)}),
 * spills those too, then computes the whole
 * layout (header and all IFDs first, then tile data; COG: smallest overview first, full resolution last)
 * and copies the head and the spilled tiles, in file order, to a temporary file beside the target, which
 * is renamed onto the target at the end (an existing target is replaced). On any failure, or
 * {@link #abort()}, the temporary and spill files are deleted.
 *
 * <h2>Thread-safety</h2>
 * {@link #writeBlock} may be called concurrently; {@link #finish()} and {@link #abort()} once, after all
 * producers returned.
 */
public final class GeoTiffWriter implements Closeable {
    private static final int OPEN = 0;
    private static final int FINISHING = 1;
    private static final int DONE = 2;

    private static final int EMPTY = 0;
    private static final int ENCODING = 1;
    private static final int WRITTEN = 2;

    private final String location;
    private final GeoTiffAssembler.Target target;
    private final RasterDescription description;
    private final GeoTiffWriteOptions options;
    private final boolean bigTiff;
    private final List<GeoTiffAssembler.Level> levels;
    private final long[] spillOffsets;
    private final int[] lengths;
    private final AtomicIntegerArray states;
    private final AtomicReference<String> duplicate = new AtomicReference<>();
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final BlockCodecPool codecs;
    private final SpillFile spill;

    private GeoTiffWriter(
            String location,
            GeoTiffAssembler.Target target,
            RasterDescription description,
            GeoTiffWriteOptions options,
            boolean bigTiff,
            List<GeoTiffAssembler.Level> levels,
            SpillFile spill) {
        this.location = location;
        this.target = target;
        this.description = description;
        this.options = options;
        this.bigTiff = bigTiff;
        this.levels = levels;
        this.spill = spill;
        this.codecs = new BlockCodecPool(location, description.bandCount(), description.cellType(), options);
        int blocks = levels.get(0).blocks();
        this.spillOffsets = new long[blocks];
        this.lengths = new int[blocks];
        this.states = new AtomicIntegerArray(blocks);
    }

    /** {@link #create(String, RasterDescription, GeoTiffWriteOptions, Configuration)} with a default configuration. */
    public static GeoTiffWriter create(String uriOrPath, RasterDescription description, GeoTiffWriteOptions options)
            throws IOException {
        return create(uriOrPath, description, options, new Configuration());
    }

    /**
     * Starts a file at {@code uriOrPath}: a plain local path or {@code file:} URI (written without Hadoop's
     * checksum files), or any Hadoop URI ({@code hdfs://}, {@code s3a://}).
     *
     * @throws IllegalArgumentException if the options do not suit the cell type (predictor), or BigTIFF is
     *                                  {@link BigTiffMode#NO} for an uncompressed file that will pass 4 GiB
     * @throws IOException if the spill file cannot be created
     */
    public static GeoTiffWriter create(
            String uriOrPath, RasterDescription description, GeoTiffWriteOptions options, Configuration conf)
            throws IOException {
        Objects.requireNonNull(uriOrPath, "uriOrPath");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(options, "options");
        options.checkFor(description.cellType());
        List<GeoTiffAssembler.Level> levels = GeoTiffAssembler.levels(description, options);
        boolean big = GeoTiffAssembler.bigTiff(uriOrPath, description, options, levels);
        GeoTiffAssembler.Target target = GeoTiffAssembler.Target.resolve(uriOrPath, conf);
        GeoTiffAssembler.warnAboutLeftovers(target);
        Path spillDir = options.spillDirectory().orElse(Paths.get(System.getProperty("java.io.tmpdir")));
        SpillFile spill = SpillFile.create(spillDir);
        return new GeoTiffWriter(uriOrPath, target, description, options, big, levels, spill);
    }

    /** Blocks across the full resolution. */
    public int blocksAcross() {
        return levels.get(0).across();
    }

    /** Blocks down the full resolution. */
    public int blocksDown() {
        return levels.get(0).down();
    }

    /** Levels written, the full resolution included. */
    public int levelCount() {
        return levels.size();
    }

    /** Whether the file will be a BigTIFF. */
    public boolean isBigTiff() {
        return bigTiff;
    }

    /** The target as given to {@link #create}. */
    public String location() {
        return location;
    }

    /**
     * Encodes block {@code (blockCol, blockRow)} in the calling thread and spills it. Thread-safe.
     *
     * @throws IndexOutOfBoundsException if the block is outside the raster
     * @throws IllegalArgumentException  if the block's band count, data type or size is wrong
     * @throws IllegalStateException     if the block was already written, or the writer is finishing or closed
     * @throws IOException               if the spill file cannot be written
     */
    public void writeBlock(int blockCol, int blockRow, MultibandTile block) throws IOException {
        if (state.get() != OPEN) {
            throw new IllegalStateException(location + ": writeBlock after finish() or abort()");
        }
        GeoTiffAssembler.Level g = levels.get(0);
        if (blockCol < 0 || blockCol >= g.across() || blockRow < 0 || blockRow >= g.down()) {
            throw new IndexOutOfBoundsException(location + ": block (" + blockCol + ", " + blockRow
                    + ") is outside the " + g.across() + "x" + g.down() + " blocks of the raster");
        }
        MultibandTile b = conform(blockCol, blockRow, block);
        int index = blockRow * g.across() + blockCol;
        if (!states.compareAndSet(index, EMPTY, ENCODING)) {
            String what = "block (" + blockCol + ", " + blockRow + ") was written more than once";
            duplicate.compareAndSet(null, what);
            throw new IllegalStateException(location + ": " + what);
        }
        BlockCodec codec = codecs.take();
        try {
            codec.encode(b);
            long at = spill.append(codec.encoded(), codec.encodedLength());
            spillOffsets[index] = at;
            lengths[index] = codec.encodedLength();
            states.set(index, WRITTEN); // volatile write: publishes offset and length to finish()
        } finally {
            codecs.give(codec);
        }
    }

    private MultibandTile conform(int col, int row, MultibandTile block) {
        Objects.requireNonNull(block, "block");
        String where = location + ": block (" + col + ", " + row + ")";
        if (block.bandCount() != description.bandCount()) {
            throw new IllegalArgumentException(
                    where + " has " + block.bandCount() + " bands, the raster " + description.bandCount());
        }
        CellType ct = description.cellType();
        if (block.cellType().dataType() != ct.dataType()) {
            throw new IllegalArgumentException(
                    where + " is " + block.cellType().name() + ", the raster " + ct.name() + " (convert it first)");
        }
        int s = options.blockSize();
        int edgeCols = Math.min(s, description.width() - col * s);
        int edgeRows = Math.min(s, description.height() - row * s);
        boolean full = block.cols() == s && block.rows() == s;
        boolean cropped = block.cols() == edgeCols && block.rows() == edgeRows;
        if (!full && !cropped) {
            throw new IllegalArgumentException(
                    where + " is " + block.cols() + "x" + block.rows() + "; expected " + s + "x" + s
                            + (edgeCols != s || edgeRows != s ? " or the edge size " + edgeCols + "x" + edgeRows : ""));
        }
        return block.cellType().equals(ct) ? block : block.interpretAs(ct);
    }

    /**
     * Checks that every block arrived exactly once, builds the overviews, writes the file to a temporary
     * name beside the target and renames it into place. On failure nothing is left: neither the
     * temporary file nor a target that looks complete.
     *
     * @throws GeoTiffWriteException naming the file: a duplicate or missing block, a classic TIFF that
     *                               would pass 4 GiB, or an I/O failure
     * @throws IllegalStateException if called twice or after {@link #abort()}
     */
    public void finish() throws IOException {
        finish(Runnable::run);
    }

    /**
     * {@link #finish()}, building the blocks of each overview level as tasks on {@code executor} (e.g. the
     * caller's pool; the writer starts no threads). Memory grows with the executor's parallelism: per
     * running task four source blocks and one result block as double lanes.
     */
    public void finish(Executor executor) throws IOException {
        Objects.requireNonNull(executor, "executor");
        if (!state.compareAndSet(OPEN, FINISHING)) {
            throw new IllegalStateException(location + ": finish() after finish() or abort()");
        }
        try {
            checkComplete();
            List<int[]> planned = new ArrayList<>();
            List<long[]> offsets = new ArrayList<>();
            planned.add(lengths);
            offsets.add(spillOffsets);
            OverviewBuilder overviews = new OverviewBuilder(
                    location,
                    spill,
                    codecs,
                    options.blockSize(),
                    description.bandCount(),
                    description.cellType(),
                    options.resampling());
            for (int k = 1; k < levels.size(); k++) {
                GeoTiffAssembler.Level g = levels.get(k);
                GeoTiffAssembler.Level below = levels.get(k - 1);
                long[] off = new long[g.blocks()];
                int[] len = new int[off.length];
                overviews.build(
                        k,
                        new OverviewBuilder.Level(
                                below.width(),
                                below.height(),
                                below.across(),
                                below.down(),
                                offsets.get(k - 1),
                                planned.get(k - 1)),
                        new OverviewBuilder.Level(g.width(), g.height(), g.across(), g.down(), off, len),
                        executor);
                planned.add(len);
                offsets.add(off);
            }
            byte[][] buffer = {new byte[1 << 16]};
            GeoTiffAssembler.assemble(
                    target, description, options, bigTiff, levels, planned, (level, block, len, out) -> {
                        if (buffer[0].length < len) {
                            buffer[0] = new byte[len];
                        }
                        spill.read(offsets.get(level)[block], len, buffer[0]);
                        out.write(buffer[0], 0, len);
                    });
            state.set(DONE);
        } catch (IOException | RuntimeException | Error e) {
            cleanUp();
            state.set(DONE);
            throw e;
        }
        closeResources();
    }

    private void checkComplete() throws GeoTiffWriteException {
        if (duplicate.get() != null) {
            throw new GeoTiffWriteException(location, duplicate.get());
        }
        GeoTiffAssembler.Level g = levels.get(0);
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < states.length(); i++) {
            int st = states.get(i);
            if (st != WRITTEN) {
                count++;
                if (missing.size() < 8) {
                    missing.add("(" + i % g.across() + ", " + i / g.across() + ")"
                            + (st == ENCODING ? " [started, never completed]" : ""));
                }
            }
        }
        if (count > 0) {
            throw new GeoTiffWriteException(
                    location,
                    count + " of " + states.length() + " blocks were never written: " + String.join(", ", missing)
                            + (count > missing.size() ? ", ..." : ""));
        }
    }

    /**
     * Gives up: deletes the spill and any temporary file; the target is not touched. Idempotent; a
     * no-op after a successful {@link #finish()}.
     */
    public void abort() {
        if (state.compareAndSet(OPEN, DONE)) {
            cleanUp();
        }
    }

    /** {@link #abort()} unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        abort();
    }

    private void cleanUp() {
        closeResources(); // the assembler deletes its own temporary file when it fails
    }

    private void closeResources() {
        codecs.close();
        try {
            spill.close();
        } catch (IOException ignored) {
            // the spill file is in a temporary directory and marked delete-on-exit
        }
    }
}
