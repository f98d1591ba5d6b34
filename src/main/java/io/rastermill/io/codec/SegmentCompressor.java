package io.rastermill.io.codec;

/**
 * Encodes one TIFF segment (strip or tile) into a caller-provided array; the mirror of {@link SegmentDecompressor}.
 *
 * <p>Implementations may hold reusable state: use one instance per thread and {@link #close()} it when done.
 */
public interface SegmentCompressor extends AutoCloseable {

    /** An upper bound of the compressed size of {@code srcLen} bytes; size {@code dst} with it. */
    int maxCompressedLength(int srcLen);

    /**
     * Encodes {@code src[srcOff, srcOff + srcLen)} into {@code dst} starting at {@code dstOff}.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if {@code dst} has less than {@link #maxCompressedLength(int)} bytes from
     *                                   {@code dstOff}
     */
    int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff);

    /** The codec name, e.g. {@code "Deflate"}. */
    String name();

    /** Releases native resources, if any. */
    @Override
    default void close() {}
}
