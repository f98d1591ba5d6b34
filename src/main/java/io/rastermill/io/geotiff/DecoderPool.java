package io.rastermill.io.geotiff;

import java.io.Closeable;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Segment decoders with their buffers (a read's fetched bytes, a decoded segment: each about one segment's size),
 * lent to readers one read at a time. A reader has a pool of its own unless it is given one: a task that reads many
 * files in turn (a composite's scenes) gives them all one pool, so that it holds the buffers of the reads it makes
 * at once rather than a set per file.
 *
 * <p>Thread-safe.
 */
public final class DecoderPool implements Closeable {
    private static final int LIMIT = 16;

    private final ConcurrentLinkedDeque<SegmentDecoder> idle = new ConcurrentLinkedDeque<>();

    SegmentDecoder borrow() {
        SegmentDecoder d = idle.poll();
        return d != null ? d : new SegmentDecoder();
    }

    void giveBack(SegmentDecoder d) {
        if (idle.size() < LIMIT) {
            idle.offer(d);
        } else {
            d.close();
        }
    }

    /** The decoders waiting to be lent: as many as reads ran at once, at most 16. */
    public int idle() {
        return idle.size();
    }

    /** Releases the idle decoders' native contexts (zstd, Inflater). */
    @Override
    public void close() {
        SegmentDecoder d;
        while ((d = idle.poll()) != null) {
            d.close();
        }
    }
}
