package io.rastermill.io.codec;

import java.util.Objects;

/**
 * PackBits (32773), TIFF 6.0 section 9: a header byte n in 0..127 copies the next n + 1 bytes literally, n in
 * -127..-1 repeats the next byte 1 - n times, -128 is a no-op. Stateless.
 */
final class PackBitsDecompressor implements SegmentDecompressor {

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        int in = srcOff;
        int inEnd = srcOff + srcLen;
        int out = dstOff;
        int outEnd = dstOff + expectedLen;
        while (out < outEnd) {
            if (in >= inEnd) {
                throw new CorruptSegmentException(
                        name(), "truncated: " + (out - dstOff) + " of " + expectedLen + " bytes decoded");
            }
            int n = src[in++];
            if (n >= 0) {
                int count = n + 1;
                if (count > outEnd - out) {
                    throw overflow(out - dstOff, count, expectedLen);
                }
                if (count > inEnd - in) {
                    throw new CorruptSegmentException(
                            name(), "literal run of " + count + " bytes truncated at input offset " + (in - srcOff));
                }
                System.arraycopy(src, in, dst, out, count);
                in += count;
                out += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (count > outEnd - out) {
                    throw overflow(out - dstOff, count, expectedLen);
                }
                if (in >= inEnd) {
                    throw new CorruptSegmentException(
                            name(), "replicate run truncated at input offset " + (in - srcOff));
                }
                byte b = src[in++];
                for (int end = out + count; out < end; out++) {
                    dst[out] = b;
                }
            }
        }
        // Output full: a further complete run means more data than expected; no-ops and a truncated tail
        // (padding) are tolerated.
        while (in < inEnd) {
            int n = src[in++];
            if (n != -128 && (n < 0 ? in < inEnd : inEnd - in >= n + 1)) {
                throw new CorruptSegmentException(
                        name(),
                        "run at input offset " + (in - 1 - srcOff) + " continues the data past the expected "
                                + expectedLen + " bytes");
            }
            if (n != -128) {
                break;
            }
        }
        return expectedLen;
    }

    private CorruptSegmentException overflow(int decoded, int count, int expectedLen) {
        return new CorruptSegmentException(
                name(),
                "run of " + count + " bytes after " + decoded + " overflows the expected " + expectedLen + " bytes");
    }

    @Override
    public String name() {
        return "PackBits";
    }
}
