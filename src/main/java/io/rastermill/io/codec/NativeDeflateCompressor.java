package io.rastermill.io.codec;

import java.util.Objects;

/**
 * Deflate with the zlib wrapper through libdeflate ({@link NativeDeflate}); same contract as
 * {@link DeflateCompressor}. Levels 0..9 are libdeflate's levels 0..9: the output differs from zlib's at the same level
 * but is a valid zlib stream. One native compressor per instance, freed by {@link #close()}. Not thread-safe.
 */
final class NativeDeflateCompressor implements SegmentCompressor {
    private long handle;

    NativeDeflateCompressor(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("Deflate level must be 0..9: " + level);
        }
        handle = NativeDeflate.allocCompressor(level);
        if (handle == 0) {
            throw new OutOfMemoryError("libdeflate_alloc_compressor(" + level + ") failed");
        }
    }

    @Override
    public int maxCompressedLength(int srcLen) {
        if (srcLen < 0) {
            throw new IllegalArgumentException("negative length " + srcLen);
        }
        long bound = NativeDeflate.compressBound(handle(), srcLen);
        // Never smaller than the java.util.zip bound, so buffers sized for either implementation fit both.
        long javaBound = srcLen + (srcLen >> 12) + (srcLen >> 14) + (srcLen >> 25) + 64L;
        return Math.toIntExact(Math.max(bound, javaBound));
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, maxCompressedLength(srcLen), dst.length);
        int n = NativeDeflate.compress(handle(), src, srcOff, srcLen, dst, dstOff, dst.length - dstOff);
        if (n <= 0) {
            throw new IllegalStateException("Deflate output exceeded its bound for " + srcLen + " bytes");
        }
        return n;
    }

    private long handle() {
        if (handle == 0) {
            throw new IllegalStateException("Deflate compressor is closed");
        }
        return handle;
    }

    @Override
    public String name() {
        return "Deflate";
    }

    @Override
    public void close() {
        if (handle != 0) {
            NativeDeflate.freeCompressor(handle);
            handle = 0;
        }
    }
}
