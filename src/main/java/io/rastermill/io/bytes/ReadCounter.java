package io.rastermill.io.bytes;

import java.util.concurrent.atomic.LongAdder;

/** Counts read requests and bytes (thread-safe, cheap under contention). */
public final class ReadCounter {

    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    void record(long byteCount) {
        requests.increment();
        bytes.add(byteCount);
    }

    /** The number of read requests so far. */
    public long requests() {
        return requests.sum();
    }

    /** The number of bytes read so far. */
    public long bytes() {
        return bytes.sum();
    }

    /** Sets both counts to zero. */
    public void reset() {
        requests.reset();
        bytes.reset();
    }

    @Override
    public String toString() {
        return requests() + " requests, " + bytes() + " bytes";
    }
}
