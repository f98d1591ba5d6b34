package io.rastermill.io.bytes;

/** A byte range of a file: {@code length} bytes starting at {@code offset}. */
public record ByteRange(long offset, int length) {

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " or length " + length);
        }
    }

    /** The offset just past the range. */
    public long end() {
        return offset + length;
    }
}
