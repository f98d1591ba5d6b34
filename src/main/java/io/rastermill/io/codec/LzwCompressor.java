package io.rastermill.io.codec;

import static io.rastermill.io.codec.LzwDecompressor.CLEAR;
import static io.rastermill.io.codec.LzwDecompressor.EOI;
import static io.rastermill.io.codec.LzwDecompressor.FIRST_FREE;
import static io.rastermill.io.codec.LzwDecompressor.MAX_WIDTH;
import static io.rastermill.io.codec.LzwDecompressor.MIN_WIDTH;

import java.util.Arrays;
import java.util.Objects;

/**
 * LZW (5) encoder, TIFF 6.0 section 13: starts with a ClearCode, widens codes one code early like the decoder
 * expects, and clears the table before it holds 4094 entries. The string table is an open-addressing hash of
 * (prefix code, byte) with generation stamps, so a ClearCode costs nothing. Not thread-safe.
 */
final class LzwCompressor implements SegmentCompressor {
    private static final int LAST_ENTRY = 4094;
    private static final int HASH_BITS = 14;
    private static final int HASH_MASK = (1 << HASH_BITS) - 1;

    private final int[] keys = new int[1 << HASH_BITS];
    private final short[] codes = new short[1 << HASH_BITS];
    private final int[] stamps = new int[1 << HASH_BITS];
    private int generation;

    // bit writer state, valid during one compress call
    private byte[] dst;
    private int out;
    private int acc;
    private int accBits;

    @Override
    public int maxCompressedLength(int srcLen) {
        // at most one 12-bit code per input byte, a ClearCode per 3836 codes, ClearCode + EOI + padding
        return srcLen + (srcLen >> 1) + srcLen / 1024 + 16;
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, maxCompressedLength(srcLen), dst.length);
        this.dst = dst;
        this.out = dstOff;
        this.acc = 0;
        this.accBits = 0;
        int width = MIN_WIDTH;
        put(CLEAR, width);
        newTable();
        if (srcLen > 0) {
            int next = FIRST_FREE;
            int w = src[srcOff] & 0xFF;
            for (int i = srcOff + 1, end = srcOff + srcLen; i < end; i++) {
                int c = src[i] & 0xFF;
                int key = (w << 8) | c;
                int h = hash(key);
                int found = -1;
                while (stamps[h] == generation) {
                    if (keys[h] == key) {
                        found = codes[h];
                        break;
                    }
                    h = (h + 1) & HASH_MASK;
                }
                if (found >= 0) {
                    w = found;
                    continue;
                }
                put(w, width);
                stamps[h] = generation;
                keys[h] = key;
                codes[h] = (short) next;
                next++;
                if (next == (1 << width) && width < MAX_WIDTH) {
                    width++;
                }
                if (next == LAST_ENTRY) {
                    put(CLEAR, width);
                    newTable();
                    next = FIRST_FREE;
                    width = MIN_WIDTH;
                }
                w = c;
            }
            put(w, width);
            // the decoder adds an entry for that last code before it reads EOI
            if (next >= (1 << width) - 1 && width < MAX_WIDTH) {
                width++;
            }
        }
        put(EOI, width);
        if (accBits > 0) {
            dst[out++] = (byte) (acc << (8 - accBits));
        }
        int written = out - dstOff;
        this.dst = null;
        return written;
    }

    private void put(int code, int width) {
        acc = (acc << width) | code;
        accBits += width;
        while (accBits >= 8) {
            accBits -= 8;
            dst[out++] = (byte) (acc >>> accBits);
        }
    }

    private void newTable() {
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 0;
        }
        generation++;
    }

    private static int hash(int key) {
        return (key * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    @Override
    public String name() {
        return "LZW";
    }
}
