package io.rastermill.io.bytes;

import java.io.IOException;

/** Wraps a reader and counts its successful requests and bytes in a {@link ReadCounter}. */
public final class CountingRangeReader implements RangeReader {

    private final RangeReader delegate;
    private final ReadCounter counter = new ReadCounter();

    public CountingRangeReader(RangeReader delegate) {
        this.delegate = delegate;
    }

    public ReadCounter counter() {
        return counter;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public long length() throws IOException {
        return delegate.length();
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        delegate.readFully(position, dst, off, len);
        counter.record(len);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
