package io.rastermill.core.layout;

/**
 * The Z-order (Morton) index of a spatial key as GeoTrellis's {@code ZSpatialKeyIndex} computes it:
 * the low 31 bits of col and row interleaved, col on the even bits. Keys close in space are mostly
 * close in index, which is what partitioning by index ranges relies on.
 */
public final class ZOrder {
    private ZOrder() {}

    public static long index(SpatialKey key) {
        return index(key.col(), key.row());
    }

    public static long index(int col, int row) {
        return spread(col & 0x7fffffffL) | (spread(row & 0x7fffffffL) << 1);
    }

    /**
     * GeoTrellis's {@code ZSpaceTimeKeyIndex}: the 3-D Morton code ({@code Z3}) of col, row and the time
     * bin {@code (int) (instant / temporalResolution)}, each masked to 21 bits; col on bits 3i, row on
     * 3i+1, time on 3i+2. The bin is truncated toward zero, then cast to int, as GeoTrellis does.
     */
    public static long index(SpaceTimeKey key, long temporalResolution) {
        int bin = (int) (key.instant() / temporalResolution);
        return spread3(key.col()) | (spread3(key.row()) << 1) | (spread3(bin) << 2);
    }

    /** The (col, row, time bin) of a 3-D Morton code, each the 21 stored bits (so non-negative). */
    public static int[] decode3(long z) {
        return new int[] {(int) compact3(z), (int) compact3(z >>> 1), (int) compact3(z >>> 2)};
    }

    /** Moves bit i of the low 21 bits to bit 3i. */
    private static long spread3(int value) {
        long x = value & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }

    private static long compact3(long z) {
        long x = z & 0x1249249249249249L;
        x = (x ^ (x >>> 2)) & 0x10c30c30c30c30c3L;
        x = (x ^ (x >>> 4)) & 0x100f00f00f00f00fL;
        x = (x ^ (x >>> 8)) & 0x1f0000ff0000ffL;
        x = (x ^ (x >>> 16)) & 0x1f00000000ffffL;
        x = (x ^ (x >>> 32)) & 0x1fffffL;
        return x;
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
