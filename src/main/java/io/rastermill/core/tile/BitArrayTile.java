package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;

/**
 * {@code bool} cells packed LSB-first in a {@code byte[]}: cell {@code i} is bit {@code i & 7} of
 * byte {@code i >> 3}. There is no NoData: every cell reads 0 or 1 in both lanes. Writing keeps
 * the lowest bit of an int ({@code v & 1}); a double is truncated to int first, NaN gives 0.
 */
public final class BitArrayTile extends ArrayTile {
    private final byte[] bits;

    BitArrayTile(int cols, int rows, byte[] bits) {
        super(CellType.BOOL, cols, rows);
        checkLength(bits.length, (cols * rows + 7) / 8, CellType.BOOL, cols, rows);
        this.bits = bits;
    }

    @Override
    public int get(int i) {
        return (bits[i >> 3] >> (i & 7)) & 1;
    }

    @Override
    public double getDouble(int i) {
        return get(i);
    }

    @Override
    public void readInts(int[] dst) {
        int n = size();
        for (int i = 0; i < n; i++) {
            dst[i] = (bits[i >> 3] >> (i & 7)) & 1;
        }
    }

    @Override
    public void readDoubles(double[] dst) {
        int n = size();
        for (int i = 0; i < n; i++) {
            dst[i] = (bits[i >> 3] >> (i & 7)) & 1;
        }
    }

    static byte[] encodeInts(int[] lane) {
        byte[] out = new byte[(lane.length + 7) / 8];
        for (int i = 0; i < lane.length; i++) {
            out[i >> 3] |= (byte) ((lane[i] & 1) << (i & 7));
        }
        return out;
    }

    static byte[] encodeDoubles(double[] lane) {
        byte[] out = new byte[(lane.length + 7) / 8];
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            int bit = NoData.isData(v) ? ((int) v) & 1 : 0;
            out[i >> 3] |= (byte) (bit << (i & 7));
        }
        return out;
    }

    /** A copy of the packed bits. */
    public byte[] copyCells() {
        return bits.clone();
    }

    @Override
    Object storage() {
        return bits;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new BitArrayTile(cols, rows, (byte[]) storage);
    }

    @Override
    public BitArrayTile crop(int colMin, int rowMin, int colMax, int rowMax) {
        checkWindow(colMin, rowMin, colMax, rowMax);
        int w = colMax - colMin + 1;
        int h = rowMax - rowMin + 1;
        byte[] out = new byte[(w * h + 7) / 8];
        for (int r = 0; r < h; r++) {
            int src = (rowMin + r) * cols() + colMin;
            int dst = r * w;
            for (int c = 0; c < w; c++, src++, dst++) {
                int bit = (bits[src >> 3] >> (src & 7)) & 1;
                out[dst >> 3] |= (byte) (bit << (dst & 7));
            }
        }
        return new BitArrayTile(w, h, out);
    }

    @Override
    public byte[] toBytes() {
        return bits.clone();
    }
}
