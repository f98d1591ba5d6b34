package io.rastermill.io.codec;

import java.util.Objects;

/**
 * PackBits (32773): runs of 3 or more equal bytes are replicated, everything else is literal. Stateless.
 *
 * <p>TIFF 6.0 asks writers to pack each row separately. PackBits output concatenates, so a writer does that by
 * calling {@link #compress} once per row, appending to the same {@code dst}; one call over a whole segment packs
 * across rows, which decoders (ours, libtiff) read just the same.
 */
final class PackBitsCompressor implements SegmentCompressor {
    private static final int MAX_RUN = 128;

    @Override
    public int maxCompressedLength(int srcLen) {
        return srcLen + (srcLen + MAX_RUN - 1) / MAX_RUN;
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, maxCompressedLength(srcLen), dst.length);
        int in = srcOff;
        int end = srcOff + srcLen;
        int out = dstOff;
        int literalStart = in;
        while (in < end) {
            byte b = src[in];
            int run = 1;
            while (in + run < end && run < MAX_RUN && src[in + run] == b) {
                run++;
            }
            if (run >= 3) {
                out = flushLiteral(src, literalStart, in, dst, out);
                dst[out++] = (byte) (1 - run);
                dst[out++] = b;
                in += run;
                literalStart = in;
            } else {
                in += run;
            }
        }
        return flushLiteral(src, literalStart, end, dst, out) - dstOff;
    }

    private static int flushLiteral(byte[] src, int from, int to, byte[] dst, int out) {
        while (from < to) {
            int count = Math.min(MAX_RUN, to - from);
            dst[out++] = (byte) (count - 1);
            System.arraycopy(src, from, dst, out, count);
            out += count;
            from += count;
        }
        return out;
    }

    @Override
    public String name() {
        return "PackBits";
    }
}
