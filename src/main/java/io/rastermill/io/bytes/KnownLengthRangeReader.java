package io.rastermill.io.bytes;

import java.io.IOException;

/**
 * A {@link RangeReader} over a file whose length is known once it is open (a local file, a Hadoop file, an HTTP
 * resource, an array): it holds the location and the length and checks every read against them with
 * {@link RangeReader#checkRange} before the subclass reads, so each kind of file only says how it moves bytes.
 */
abstract class KnownLengthRangeReader implements RangeReader {
    private final String location;
    private final long length;

    KnownLengthRangeReader(String location, long length) {
        this.location = location;
        this.length = length;
    }

    @Override
    public final String location() {
        return location;
    }

    @Override
    public final long length() {
        return length;
    }

    @Override
    public final void readFully(long position, byte[] dst, int off, int len) throws IOException {
        RangeReader.checkRange(this, position, len);
        readInside(position, dst, off, len);
    }

    /** Reads exactly {@code len} bytes at {@code position}, a range already checked to lie inside the file. */
    abstract void readInside(long position, byte[] dst, int off, int len) throws IOException;

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location + "]";
    }
}
