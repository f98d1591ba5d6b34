package io.rastermill.io.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * LZW (5), TIFF 6.0 section 13: codes are read most significant bit first, 9 to 12 bits wide; 256 is ClearCode, 257
 * is EndOfInformation, and the width grows one code early (to 10 bits once the next free code is 511, and so on), as
 * TIFF writers do.
 *
 * <p>The string table holds no bytes: every entry is a previous string followed by one byte, and the decoder writes
 * strings contiguously, so an entry is an (offset, length) into the output already written. Not thread-safe (the
 * table is reused between calls). Old-style (pre-TIFF 6.0, LSB-first) LZW is recognised by its first two bytes, as
 * libtiff does, and rejected with a clear message rather than decoded.
 */
final class LzwDecompressor implements SegmentDecompressor {
    static final int CLEAR = 256;
    static final int EOI = 257;
    static final int FIRST_FREE = 258;
    static final int TABLE_SIZE = 4096;
    static final int MIN_WIDTH = 9;
    static final int MAX_WIDTH = 12;
    private static final int SHORT_COPY = 16;

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final int[] offset = new int[TABLE_SIZE];
    private final int[] length = new int[TABLE_SIZE];

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        if (srcLen >= 2 && src[srcOff] == 0 && (src[srcOff + 1] & 1) != 0) {
            // a ClearCode written LSB-first: the 9-bit code 256 gives bytes 0x00, 0bxxxxxxx1
            throw new CorruptSegmentException(name(), "old-style (pre-TIFF 6.0, LSB-first) LZW is not supported");
        }
        final int[] offset = this.offset;
        final int[] length = this.length;
        int in = srcOff;
        final int inEnd = srcOff + srcLen;
        int out = dstOff;
        final int outEnd = dstOff + expectedLen;
        long bits = 0;
        int bitCount = 0;
        int width = MIN_WIDTH;
        int next = FIRST_FREE;
        int prevOff = -1; // start of the previous string in dst; -1 right after a ClearCode
        int prevLen = 0;
        while (out < outEnd) {
            if (bitCount < width) {
                if (inEnd - in >= 4) {
                    // refill 32 bits at once; bitCount < 12 so the 64-bit buffer never loses live bits
                    bits = (bits << 32) | ((long) (int) INT_BE.get(src, in) & 0xFFFF_FFFFL);
                    in += 4;
                    bitCount += 32;
                } else {
                    while (bitCount < width) {
                        if (in >= inEnd) {
                            throw new CorruptSegmentException(
                                    name(),
                                    "truncated: " + (out - dstOff) + " of " + expectedLen
                                            + " bytes decoded, no EndOfInformation");
                        }
                        bits = (bits << 8) | (src[in++] & 0xFF);
                        bitCount += 8;
                    }
                }
            }
            bitCount -= width;
            int code = (int) (bits >>> bitCount) & ((1 << width) - 1);
            if (code == CLEAR) {
                width = MIN_WIDTH;
                next = FIRST_FREE;
                prevOff = -1;
                continue;
            }
            if (code == EOI) {
                throw new CorruptSegmentException(
                        name(), "EndOfInformation after " + (out - dstOff) + " bytes, expected " + expectedLen);
            }
            final int start = out;
            final int len;
            if (code < CLEAR) {
                dst[out++] = (byte) code;
                len = 1;
            } else if (prevOff < 0) {
                throw new CorruptSegmentException(name(), "code " + code + " follows a ClearCode");
            } else if (code < next) {
                len = length[code];
                if (len > outEnd - out) {
                    throw overflow(out - dstOff, len, expectedLen);
                }
                int from = offset[code];
                if (len <= SHORT_COPY) {
                    for (int i = 0; i < len; i++) {
                        dst[out + i] = dst[from + i];
                    }
                } else {
                    System.arraycopy(dst, from, dst, out, len);
                }
                out += len;
            } else if (code == next && next < TABLE_SIZE) {
                // The string being defined: previous string + its own first byte.
                len = prevLen + 1;
                if (len > outEnd - out) {
                    throw overflow(out - dstOff, len, expectedLen);
                }
                System.arraycopy(dst, prevOff, dst, out, prevLen);
                dst[out + prevLen] = dst[prevOff];
                out += len;
            } else {
                throw new CorruptSegmentException(
                        name(),
                        "code " + code + " out of range (next free code " + next + ") after " + (out - dstOff)
                                + " bytes");
            }
            if (prevOff >= 0 && next < TABLE_SIZE) {
                // previous string + first byte of this one, which follows it in dst
                offset[next] = prevOff;
                length[next] = prevLen + 1;
                next++;
                if (next >= (1 << width) - 1 && width < MAX_WIDTH) {
                    width++;
                }
            }
            prevOff = start;
            prevLen = len;
        }
        checkEnd(src, in, inEnd, bits, bitCount, width, expectedLen);
        return expectedLen;
    }

    /**
     * The output is full: what follows may be ClearCodes and EndOfInformation, or nothing (a missing EOI is
     * tolerated, as is an EOI written one bit narrower by encoders that skip the last width change). Another code
     * means the segment holds more than the expected bytes.
     */
    private void checkEnd(byte[] src, int in, int inEnd, long bits, int bitCount, int width, int expectedLen)
            throws CorruptSegmentException {
        for (int clears = 0; clears < 2; clears++) {
            while (bitCount < width && in < inEnd) {
                bits = (bits << 8) | (src[in++] & 0xFF);
                bitCount += 8;
            }
            if (bitCount < width) {
                return; // end of input: padding bits only
            }
            int code = (int) (bits >>> (bitCount - width)) & ((1 << width) - 1);
            if (code == EOI || code >>> 1 == EOI) {
                return;
            }
            if (code != CLEAR) {
                throw new CorruptSegmentException(
                        name(), "code " + code + " continues the data past the expected " + expectedLen + " bytes");
            }
            bitCount -= width;
            width = MIN_WIDTH;
        }
        throw new CorruptSegmentException(name(), "repeated ClearCodes after the expected " + expectedLen + " bytes");
    }

    private CorruptSegmentException overflow(int decoded, int len, int expectedLen) {
        return new CorruptSegmentException(
                name(),
                "string of " + len + " bytes after " + decoded + " overflows the expected " + expectedLen + " bytes");
    }

    @Override
    public String name() {
        return "LZW";
    }
}
