package io.rastermill.core.layout;

/**
 * The Z-order (Morton) index of a spatial key as GeoTrellis's {@code ZSpatialKeyIndex} computes it:
 * the low 31 bits of col and row interleaved, col on the even bits. Keys close in space are mostly
 * close in index, which is what partitioning by index ranges relies on.
 */
public final class ZOrder {
    private ZOrder() {
    }

    public static long index(SpatialKey key) {
        return index(key.col(), key.row());
    }

    public static long index(int col, int row) {
        return spread(col & 0x7fffffffL) | (spread(row & 0x7fffffffL) << 1);
    }

    /** Moves bit i of a 31-bit value to bit 2i. */
    private static long spread(long v) {
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }
}
