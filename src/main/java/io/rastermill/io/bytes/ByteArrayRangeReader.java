package io.rastermill.io.bytes;

/** A {@link RangeReader} over bytes in memory (tests, small embedded files). The array is not copied. */
public final class ByteArrayRangeReader extends KnownLengthRangeReader {

    private final byte[] bytes;

    public ByteArrayRangeReader(String location, byte[] bytes) {
        super(location, bytes.length);
        this.bytes = bytes;
    }

    @Override
    void readInside(long position, byte[] dst, int off, int len) {
        System.arraycopy(bytes, (int) position, dst, off, len);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
