package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;

import java.nio.ByteBuffer;

/**
 * 16-bit cells in a {@code short[]}: int16 ({@code int16raw}, {@code int16} with NoData -32768,
 * {@code int16ud<N>}) and uint16 ({@code uint16raw}, {@code uint16} with NoData 0, {@code uint16ud<N>}),
 * uint16 samples read as {@code s & 0xFFFF}. A constant NoData type behaves exactly like a user-defined
 * one whose value is the default, so each loop has two forms: with and without NoData.
 */
public final class ShortArrayTile extends ArrayTile {
    private final short[] cells;
    private final boolean hasNoData;
    private final short nd;
    /** -1 for int16 (keep the sign extension), 0xFFFF for uint16. */
    private final int mask;

    ShortArrayTile(CellType cellType, int cols, int rows, short[] cells) {
        super(requireType(cellType, DataType.INT16, DataType.UINT16), cols, rows);
        checkLength(cells.length, cols * rows, cellType, cols, rows);
        this.cells = cells;
        this.hasNoData = cellType.hasNoData();
        this.nd = hasNoData ? (short) cellType.intNoData() : 0;
        this.mask = cellType.dataType().isUnsigned() ? 0xFFFF : -1;
    }


    @Override
    public int get(int i) {
        short v = cells[i];
        return hasNoData && v == nd ? NoData.INT : v & mask;
    }

    @Override
    public double getDouble(int i) {
        short v = cells[i];
        return hasNoData && v == nd ? Double.NaN : v & mask;
    }

    @Override
    public void readInts(int[] dst) {
        int n = cells.length;
        if (hasNoData) {
            for (int i = 0; i < n; i++) {
                short v = cells[i];
                dst[i] = v == nd ? NoData.INT : v & mask;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i] & mask;
            }
        }
    }

    @Override
    public void readDoubles(double[] dst) {
        int n = cells.length;
        if (hasNoData) {
            for (int i = 0; i < n; i++) {
                short v = cells[i];
                dst[i] = v == nd ? Double.NaN : v & mask;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i] & mask;
            }
        }
    }

    /** int lane → 16-bit samples (int16 and uint16 alike): NoData → the stored NoData, others wrap. */
    static short[] encodeInts(CellType cellType, int[] lane) {
        short[] out = new short[lane.length];
        if (cellType.hasNoData()) {
            short nd = (short) cellType.intNoData();
            for (int i = 0; i < lane.length; i++) {
                int v = lane[i];
                out[i] = v == NoData.INT ? nd : (short) v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = (short) lane[i];
            }
        }
        return out;
    }

    /** double lane → 16-bit samples: NaN → the stored NoData (0 if raw), others {@code (short)(int) x}. */
    static short[] encodeDoubles(CellType cellType, double[] lane) {
        short[] out = new short[lane.length];
        short nd = cellType.hasNoData() ? (short) cellType.intNoData() : 0;
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            out[i] = Double.isNaN(v) ? nd : (short) (int) v;
        }
        return out;
    }

    /** A copy of the stored samples (for uint16, mask with 0xFFFF for the values). */
    public short[] copyCells() {
        return cells.clone();
    }

    @Override
    Object storage() {
        return cells;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new ShortArrayTile(cellType, cols, rows, (short[]) storage);
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(cells.length * 2);
        buf.asShortBuffer().put(cells);
        return buf.array();
    }
}
