package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.codec.CorruptSegmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Builds one overview level from the level below it, block by block: reads back and decodes the 2×2
 * source blocks from the spill file, reduces them with {@link OverviewBlockReducer}, encodes and spills the
 * result. Blocks of one level are independent, so they run as tasks on the caller's executor; each
 * running task holds one scratch set (four source blocks and one result, as double lanes), so memory is
 * bounded by the executor's parallelism. Thread-safe.
 */
final class OverviewBuilder {
    private final String location;
    private final SpillFile spill;
    private final BlockCodecPool codecs;
    private final int size;
    private final int bands;
    private final CellType cellType;
    private final OverviewResampling resampling;
    private final ConcurrentLinkedQueue<Scratch> scratch = new ConcurrentLinkedQueue<>();

    /** A level's geometry and where its blocks are in the spill file. */
    record Level(int width, int height, int across, int down, long[] offsets, int[] lengths) {}

    private final class Scratch {
        final double[][][] lanes = new double[4][bands][size * size];
        final double[][][] present = new double[4][][];
        final OverviewBlockReducer reducer = new OverviewBlockReducer(size, bands, cellType, resampling);
        byte[] stored = new byte[0];
    }

    OverviewBuilder(
            String location,
            SpillFile spill,
            BlockCodecPool codecs,
            int size,
            int bands,
            CellType cellType,
            OverviewResampling resampling) {
        this.location = location;
        this.spill = spill;
        this.codecs = codecs;
        this.size = size;
        this.bands = bands;
        this.cellType = cellType;
        this.resampling = resampling;
    }

    /** Fills {@code dst.offsets()} and {@code dst.lengths()} from {@code src}, running blocks on {@code executor}. */
    void build(int level, Level src, Level dst, Executor executor) throws IOException {
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[dst.across() * dst.down()];
        for (int i = 0; i < tasks.length; i++) {
            int index = i;
            tasks[i] = CompletableFuture.runAsync(
                    () -> {
                        try {
                            block(level, src, dst, index % dst.across(), index / dst.across());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    executor);
        }
        try {
            CompletableFuture.allOf(tasks).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new GeoTiffWriteException(location, "building overview level " + level + " failed", cause);
        }
    }

    private void block(int level, Level src, Level dst, int c, int r) throws IOException {
        Scratch s = scratch.poll();
        if (s == null) {
            s = new Scratch();
        }
        BlockCodec codec = codecs.take();
        try {
            for (int q = 0; q < 4; q++) {
                s.present[q] = null;
                int sc = 2 * c + (q & 1);
                int sr = 2 * r + (q >> 1);
                if (sc < src.across() && sr < src.down()) {
                    int i = sr * src.across() + sc;
                    int len = src.lengths()[i];
                    if (s.stored.length < len) {
                        s.stored = new byte[len];
                    }
                    spill.read(src.offsets()[i], len, s.stored);
                    try {
                        codec.decodeToLanes(s.stored, len, s.lanes[q]);
                    } catch (CorruptSegmentException e) {
                        throw new GeoTiffWriteException(
                                location,
                                "spilled block (" + sc + ", " + sr + ") of level " + (level - 1) + " does not decode: "
                                        + e.getMessage(),
                                e);
                    }
                    s.present[q] = s.lanes[q];
                }
            }
            MultibandTile parent = s.reducer.reduceLanes(c, r, s.present, src.width(), src.height());
            codec.encode(parent);
            int i = r * dst.across() + c;
            dst.offsets()[i] = spill.append(codec.encoded(), codec.encodedLength());
            dst.lengths()[i] = codec.encodedLength();
        } finally {
            codecs.give(codec);
            scratch.add(s);
        }
    }
}
