package io.rastermill.spark.temporal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code counting:}, counting the files each thread holds open at once and the
 * largest such count: how many scene files a composite task keeps open. Register it with {@code fs.counting.impl}.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
    private static final Map<Long, AtomicInteger> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger PEAK = new AtomicInteger();
    private static final AtomicInteger OPENED = new AtomicInteger();

    /** Forgets the counts so far (files still open stay counted). */
    static void reset() {
        PEAK.set(0);
        OPENED.set(0);
    }

    /** The most files one thread held open at once since the last {@link #reset}. */
    static int peakPerThread() {
        return PEAK.get();
    }

    /** Files opened since the last {@link #reset}. */
    static int opened() {
        return OPENED.get();
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
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        FSDataInputStream in = super.open(f, bufferSize);
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
