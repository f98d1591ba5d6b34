package io.rastermill.spark.temporal;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.CountingRangeReader;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.geotiff.DecoderPool;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The scenes of one composite task, read one window at a time. A scene's file is open only while its window is
 * read; its header, parsed when the file is first opened, is kept (a few kilobytes: the IFDs with their segment
 * offsets). All scenes decode with one {@link DecoderPool}, so the fetch and decode buffers are those of one read.
 * Thus a task holds one scene's input at a time however many scenes there are (kept open, every scene's file would
 * hold a descriptor, an object store's connection, and its own decoders with about two segments of buffers).
 *
 * <p>Confined to its task's thread.
 */
final class SceneReaders implements Closeable {
    private final Configuration conf;
    private final long decodedCacheBytes;
    private final DecoderPool decoders = new DecoderPool();
    /** Per scene, the reader it was first opened with, its file closed since: the header, reopened for each read. */
    private final GeoTiffReader[] headers;

    private long bytesRead;

    /** Readers of {@code scenes} scenes over {@code conf}'s file systems, caching {@code decodedCacheBytes} per scene. */
    SceneReaders(Configuration conf, int scenes, long decodedCacheBytes) {
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
        this.headers = new GeoTiffReader[scenes];
    }

    /** Closes these readers when the running Spark task ends (outside a task, the caller closes them); returns this. */
    SceneReaders closedWithTask() {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> close());
        }
        return this;
    }

    /** The bands {@code bands} (0-based) of {@code window} of scene {@code scene}, the file at {@code uri}. */
    MultibandTile read(int scene, String uri, GridBounds window, int[] bands) throws IOException {
        CountingRangeReader file = new CountingRangeReader(RangeReaders.open(uri, conf));
        GeoTiffReader reader;
        try {
            reader = headers[scene] == null ? firstOpened(scene, file) : headers[scene].reopen(file);
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

    private GeoTiffReader firstOpened(int scene, CountingRangeReader file) throws IOException {
        GeoTiffReader r = GeoTiffReader.open(file, decoders).cacheDecodedSegments(decodedCacheBytes);
        headers[scene] = r;
        return r;
    }

    /** Bytes fetched from the scenes' files so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** The decoders the scenes share, idle between reads: one, however many scenes were read. */
    int decoders() {
        return decoders.idle();
    }

    @Override
    public void close() {
        decoders.close();
    }
}
