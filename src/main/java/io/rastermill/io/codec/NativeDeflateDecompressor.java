package io.rastermill.io.codec;

import java.util.Objects;

/**
 * Deflate (8 and 32946) through libdeflate ({@link NativeDeflate}); same contract and same answers as
 * {@link DeflateDecompressor}.
 *
 * <p>The fast path is a segment that libdeflate decodes completely (Adler-32 checked) to exactly {@code expectedLen}
 * bytes; libdeflate never writes past the output range it is given. Anything else (a short, continuing, truncated or
 * malformed stream, or one without its Adler-32 trailer, which is tolerated) is decoded again by the Java
 * decompressor, so that error cases and tolerances, and their messages, are exactly the Java ones. Bad segments are
 * rare, so that costs nothing in practice. Not thread-safe.
 */
final class NativeDeflateDecompressor implements SegmentDecompressor {
    private long handle;
    private DeflateDecompressor fallback;

    NativeDeflateDecompressor() {
        handle = NativeDeflate.allocDecompressor();
        if (handle == 0) {
            throw new OutOfMemoryError("libdeflate_alloc_decompressor failed");
        }
    }

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        if (handle == 0) {
            throw new IllegalStateException("Deflate decompressor is closed");
        }
        int n = NativeDeflate.decompress(handle, src, srcOff, srcLen, dst, dstOff, expectedLen);
        if (n == expectedLen) {
            return n;
        }
        if (fallback == null) {
            fallback = new DeflateDecompressor();
        }
        return fallback.decompress(src, srcOff, srcLen, dst, dstOff, expectedLen);
    }

    @Override
    public String name() {
        return "Deflate";
    }

    @Override
    public void close() {
        if (handle != 0) {
            NativeDeflate.freeDecompressor(handle);
            handle = 0;
        }
        if (fallback != null) {
            fallback.close();
            fallback = null;
        }
    }
}
