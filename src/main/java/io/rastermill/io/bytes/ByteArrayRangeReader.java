package io.rastermill.io.bytes;

import java.io.IOException;

/** A {@link RangeReader} over bytes in memory (tests, small embedded files). The array is not copied. */
public final class ByteArrayRangeReader implements RangeReader {

    private final String location;
    private final byte[] bytes;

    public ByteArrayRangeReader(String location, byte[] bytes) {
        this.location = location;
        this.bytes = bytes;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        RangeReader.checkRange(this, position, len);
        System.arraycopy(bytes, (int) position, dst, off, len);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
