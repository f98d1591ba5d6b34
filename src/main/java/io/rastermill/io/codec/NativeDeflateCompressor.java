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
        handle = NativeDeflate.allocCompressor(DeflateCompressor.requireLevel(level));
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
        return Math.toIntExact(Math.max(bound, DeflateCompressor.zlibBound(srcLen)));
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
