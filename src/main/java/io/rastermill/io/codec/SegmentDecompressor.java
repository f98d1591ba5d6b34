package io.rastermill.io.codec;

/**
 * Decodes one compressed TIFF segment (strip or tile) into a caller-provided array.
 *
 * <p>Implementations may hold reusable state (an {@link java.util.zip.Inflater}, an LZW table): use one instance per
 * thread and {@link #close()} it when done.
 */
public interface SegmentDecompressor extends AutoCloseable {

    /**
     * Decodes {@code src[srcOff, srcOff + srcLen)} into {@code dst[dstOff, dstOff + expectedLen)}.
     *
     * <p>Never writes outside that output range and never allocates based on sizes read from {@code src}. A segment
     * that decodes to fewer than {@code expectedLen} bytes (a short strip) is an error, as in GDAL for most codecs.
     *
     * <p>A segment holding more than {@code expectedLen} bytes is an error too: a Deflate stream that continues, an
     * LZW code other than ClearCode/EndOfInformation, a complete PackBits run, a ZSTD frame that decodes to more.
     * Tolerated, as libtiff does: a missing Deflate trailer or LZW EndOfInformation, trailing PackBits padding, and
     * extra bytes after an uncompressed segment (NONE).
     *
     * @return the number of bytes written, always {@code expectedLen}
     * @throws CorruptSegmentException if the segment is malformed, truncated or short
     * @throws IndexOutOfBoundsException if the given ranges do not fit the arrays (a caller bug, not bad data)
     */
    int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException;

    /** The codec name used in error messages, e.g. {@code "Deflate"}. */
    String name();

    /** Releases native resources, if any. */
    @Override
    default void close() {}
}
