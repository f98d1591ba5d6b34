package io.rastermill.io.bytes;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

/** Positional reads from one file. Implementations are thread-safe and keep no stream position. */
public interface RangeReader extends Closeable {

    /** Where the bytes come from, for messages (a path or a URI). */
    String location();

    /** The length of the file in bytes. */
    long length() throws IOException;

    /**
     * Reads exactly {@code len} bytes starting at {@code position} into {@code dst[off..off+len)}.
     *
     * @throws EOFException if {@code [position, position+len)} passes the end; its message names the
     *     location, the position and the length
     */
    void readFully(long position, byte[] dst, int off, int len) throws IOException;

    /** Reads {@code length} bytes at {@code position} into a new array. */
    default byte[] read(long position, int length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " reading " + location());
        }
        checkRange(this, position, length);
        byte[] dst = new byte[length];
        readFully(position, dst, 0, length);
        return dst;
    }

    /**
     * Throws {@link EOFException} (or {@link IllegalArgumentException} for a negative position or
     * length) unless {@code [position, position+len)} lies inside the file. Implementations call it
     * before reading so that the message is the same everywhere.
     */
    static void checkRange(RangeReader reader, long position, long len) throws IOException {
        if (position < 0 || len < 0) {
            throw new IllegalArgumentException(
                    "negative position " + position + " or length " + len + " reading " + reader.location());
        }
        long fileLength = reader.length();
        if (position > fileLength || len > fileLength - position) {
            throw new EOFException(reader.location() + ": range at position " + position + " of length " + len
                    + " passes the end of the file (length " + fileLength + ")");
        }
    }
}
