package io.rastermill.io.codec;

import java.util.Objects;
import java.util.zip.Deflater;

/** Deflate with the zlib wrapper, as TIFF stores it; one reused {@link Deflater}. Not thread-safe. */
final class DeflateCompressor implements SegmentCompressor {
    private final Deflater deflater;

    DeflateCompressor(int level) {
        deflater = new Deflater(requireLevel(level));
    }

    /** Returns {@code level} if it is a Deflate level (0..9), for both implementations and {@link Compression}. */
    static int requireLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("Deflate level must be 0..9: " + level);
        }
        return level;
    }

    /**
     * zlib's deflateBound for stored blocks, plus the 2-byte header and 4-byte Adler-32 trailer, with margin; the
     * native compressor never answers less, so buffers sized for either implementation fit both.
     */
    static long zlibBound(int srcLen) {
        return srcLen + (srcLen >> 12) + (srcLen >> 14) + (srcLen >> 25) + 64L;
    }

    @Override
    public int maxCompressedLength(int srcLen) {
        return (int) zlibBound(srcLen);
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, maxCompressedLength(srcLen), dst.length);
        deflater.reset();
        deflater.setInput(src, srcOff, srcLen);
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(dst, dstOff + written, dst.length - dstOff - written);
            if (n == 0 && dst.length - dstOff - written == 0) {
                throw new IllegalStateException("Deflate output exceeded its bound for " + srcLen + " bytes");
            }
            written += n;
        }
        return written;
    }

    @Override
    public String name() {
        return "Deflate";
    }

    @Override
    public void close() {
        deflater.end();
    }
}
