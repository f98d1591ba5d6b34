package io.rastermill.spark.warp;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code counting:}, counting the files each thread holds open at once and the
 * largest such count (how many source files a task keeps open), and the status lookups callers make (on S3A each is a
 * HEAD request; the local file system's own lookup inside {@code open} is not counted: S3A makes none when it is given
 * the status). Registered by {@link #register}.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
    private static final Map<Long, AtomicInteger> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger PEAK = new AtomicInteger();
    private static final AtomicInteger OPENED = new AtomicInteger();
    private static final AtomicInteger LOOKUPS = new AtomicInteger();
    private static final ThreadLocal<Boolean> OPENING = ThreadLocal.withInitial(() -> false);

    /** Registers this file system for {@code counting:} URIs in {@code conf}, a new instance per lookup. */
    public static void register(Configuration conf) {
        conf.set("fs.counting.impl", CountingFileSystem.class.getName());
        conf.set("fs.counting.impl.disable.cache", "true");
    }

    /** Forgets the counts so far (files still open stay counted). */
    public static void reset() {
        PEAK.set(0);
        OPENED.set(0);
        LOOKUPS.set(0);
    }

    /** The most files one thread held open at once since the last {@link #reset}. */
    public static int peakPerThread() {
        return PEAK.get();
    }

    /** Files opened since the last {@link #reset}. */
    public static int opened() {
        return OPENED.get();
    }

    /** Callers' {@code getFileStatus} calls since the last {@link #reset}. */
    public static int lookups() {
        return LOOKUPS.get();
    }

    @Override
    public String getScheme() {
        return "counting";
    }

    @Override
    public URI getUri() {
        return URI.create("counting:///");
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        if (!OPENING.get()) {
            LOOKUPS.incrementAndGet();
        }
        return super.getFileStatus(f);
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        FSDataInputStream in;
        OPENING.set(true);
        try {
            in = super.open(f, bufferSize);
        } finally {
            OPENING.set(false);
        }
        AtomicInteger held = OPEN.computeIfAbsent(Thread.currentThread().getId(), t -> new AtomicInteger());
        OPENED.incrementAndGet();
        PEAK.accumulateAndGet(held.incrementAndGet(), Math::max);
        AtomicBoolean closed = new AtomicBoolean();
        return new FSDataInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                if (closed.compareAndSet(false, true)) {
                    held.decrementAndGet();
                }
            }
        };
    }
}
