package io.rastermill.spark.layer;

import io.rastermill.io.bytes.CountingRangeReader;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.bytes.ReadCounter;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The GeoTIFF readers one task opens, by URI, each with a decoded-segment cache and a byte counter; closed when
 * the task ends. Windows read in Z-order overlap their neighbours' segments, so a few dozen decoded segments
 * spare most repeated decompression.
 *
 * <p>Confined to its task's thread.
 */
public final class GeoTiffReaders implements Closeable {
    private final Configuration conf;
    private final long decodedCacheBytes;
    private final Map<String, GeoTiffReader> open = new HashMap<>();
    private final List<ReadCounter> counters = new ArrayList<>();

    /** Readers over {@code conf}'s file systems, caching up to {@code decodedCacheBytes} per file. */
    public GeoTiffReaders(Configuration conf, long decodedCacheBytes) {
        this.conf = conf;
        this.decodedCacheBytes = decodedCacheBytes;
    }

    /** Closes these readers when the running Spark task ends (outside a task, the caller closes them); returns this. */
    public GeoTiffReaders closedWithTask() {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener(new TaskCompletionListener() {
                @Override
                public void onTaskCompletion(TaskContext context) {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        return this;
    }

    /** Bytes fetched from the files so far by these readers. */
    public long bytesRead() {
        long sum = 0;
        for (ReadCounter c : counters) {
            sum += c.bytes();
        }
        return sum;
    }

    /** Segments decoded so far by these readers (decoded-cache hits not counted). */
    public long segmentsDecoded() {
        long sum = 0;
        for (GeoTiffReader r : open.values()) {
            sum += r.segmentsDecoded();
        }
        return sum;
    }

    /** The reader of {@code uri}, opened on first use. */
    public GeoTiffReader get(String uri) throws IOException {
        GeoTiffReader r = open.get(uri);
        if (r == null) {
            CountingRangeReader counting = new CountingRangeReader(RangeReaders.open(uri, conf));
            try {
                r = GeoTiffReader.open(counting).cacheDecodedSegments(decodedCacheBytes);
            } catch (IOException | RuntimeException e) {
                counting.close();
                throw e;
            }
            open.put(uri, r);
            counters.add(counting.counter());
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        for (GeoTiffReader r : open.values()) {
            r.close();
        }
        open.clear();
    }
}
