package io.rastermill.spark.warp;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.CountingRangeReader;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.bytes.ReopenableFile;
import io.rastermill.io.geotiff.DecoderPool;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The source files of one task (a mosaic's sources, a composite's scenes), read one window at a time. A source's file
 * is open only while its window is read; what was learnt when it was first opened is kept: its status (so reopening
 * it asks the file system nothing: no HEAD request on S3A) and its parsed header (a few kilobytes: the IFDs with
 * their segment offsets). All sources decode with one {@link DecoderPool}, so the fetch and decode buffers are those
 * of one read. Thus a task holds one source's input at a time however many sources there are (kept open, every
 * source's file would hold a descriptor, an object store's connection, and its own decoders with about two segments
 * of buffers).
 *
 * <p>Confined to its task's thread.
 */
public final class SourceReaders implements Closeable {
    private final Configuration conf;
    private final List<WarpSource> sources;
    private final long decodedCacheBytes;
    private final DecoderPool decoders = new DecoderPool();
    /** Per source, its file as first looked up, opened again from that for each read. */
    private final ReopenableFile[] files;
    /** Per source, the reader it was first opened with, its file closed since: the header, reopened for each read. */
    private final GeoTiffReader[] headers;

    private long bytesRead;

    /**
     * Readers of {@code sources} (by index) over {@code conf}'s file systems. The decoded-segment cache budget
     * {@code decodedCacheBytes} is the task's, shared evenly by the sources: per source it would hold sources ×
     * budget of segments alive.
     */
    public SourceReaders(Configuration conf, List<WarpSource> sources, long decodedCacheBytes) {
        this.conf = conf;
        this.sources = List.copyOf(sources);
        this.decodedCacheBytes = decodedCacheBytes / Math.max(1, sources.size());
        this.files = new ReopenableFile[sources.size()];
        this.headers = new GeoTiffReader[sources.size()];
    }

    /** Closes these readers when the running Spark task ends (outside a task, the caller closes them); returns this. */
    public SourceReaders closedWithTask() {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> close());
        }
        return this;
    }

    /** The bands {@code bands} (0-based) of {@code window} of source {@code source} (an index into the sources). */
    public MultibandTile read(int source, GridBounds window, int[] bands) throws IOException {
        if (files[source] == null) {
            files[source] = RangeReaders.locate(sources.get(source).uri(), conf);
        }
        CountingRangeReader file = new CountingRangeReader(files[source].open());
        GeoTiffReader reader;
        try {
            reader = headers[source] == null ? firstOpened(source, file) : headers[source].reopen(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        try (reader) {
            return reader.read(window, bands, 0);
        } finally {
            bytesRead += file.counter().bytes();
        }
    }

    private GeoTiffReader firstOpened(int source, CountingRangeReader file) throws IOException {
        GeoTiffReader r = GeoTiffReader.open(file, decoders).cacheDecodedSegments(decodedCacheBytes);
        headers[source] = r;
        return r;
    }

    /** Source {@code source} (an index into the sources). */
    public WarpSource source(int source) {
        return sources.get(source);
    }

    /** Bytes fetched from the sources' files so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The decoders the sources share, idle between reads: one, however many sources were read. */
    public int decoders() {
        return decoders.idle();
    }

    @Override
    public void close() {
        decoders.close();
    }
}
