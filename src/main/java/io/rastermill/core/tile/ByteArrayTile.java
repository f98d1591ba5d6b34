package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;

/**
 * 8-bit cells in a {@code byte[]}: int8 ({@code int8raw}, {@code int8} with NoData -128,
 * {@code int8ud<N>}) and uint8 ({@code uint8raw}, {@code uint8} with NoData 0, {@code uint8ud<N>}),
 * uint8 samples read as {@code b & 0xFF}. A constant NoData type behaves exactly like a user-defined
 * one whose value is the default, so each loop has two forms: with and without NoData.
 */
public final class ByteArrayTile extends ArrayTile {
    private final byte[] cells;
    private final boolean hasNoData;
    private final byte nd;
    /** -1 for int8 (keep the sign extension), 0xFF for uint8. */
    private final int mask;

    ByteArrayTile(CellType cellType, int cols, int rows, byte[] cells) {
        super(requireType(cellType, DataType.INT8, DataType.UINT8), cols, rows);
        checkLength(cells.length, cols * rows, cellType, cols, rows);
        this.cells = cells;
        this.hasNoData = cellType.hasNoData();
        this.nd = hasNoData ? (byte) cellType.intNoData() : 0;
        this.mask = cellType.dataType().isUnsigned() ? 0xFF : -1;
    }


    @Override
    public int get(int i) {
        byte v = cells[i];
        return hasNoData && v == nd ? NoData.INT : v & mask;
    }

    @Override
    public double getDouble(int i) {
        byte v = cells[i];
        return hasNoData && v == nd ? Double.NaN : v & mask;
    }

    @Override
    public void readInts(int[] dst) {
        int n = cells.length;
        if (hasNoData) {
            for (int i = 0; i < n; i++) {
                byte v = cells[i];
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
                byte v = cells[i];
                dst[i] = v == nd ? Double.NaN : v & mask;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i] & mask;
            }
        }
    }

    /** int lane → 8-bit samples (int8 and uint8 alike): NoData → the stored NoData, others wrap. */
    static byte[] encodeInts(CellType cellType, int[] lane) {
        byte[] out = new byte[lane.length];
        if (cellType.hasNoData()) {
            byte nd = (byte) cellType.intNoData();
            for (int i = 0; i < lane.length; i++) {
                int v = lane[i];
                out[i] = v == NoData.INT ? nd : (byte) v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = (byte) lane[i];
            }
        }
        return out;
    }

    /** double lane → 8-bit samples: NaN → the stored NoData (0 if raw), others {@code (byte)(int) x}. */
    static byte[] encodeDoubles(CellType cellType, double[] lane) {
        byte[] out = new byte[lane.length];
        byte nd = cellType.hasNoData() ? (byte) cellType.intNoData() : 0;
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            out[i] = Double.isNaN(v) ? nd : (byte) (int) v;
        }
        return out;
    }

    /** A copy of the stored samples (for uint8, mask with 0xFF for the values). */
    public byte[] copyCells() {
        return cells.clone();
    }

    @Override
    Object storage() {
        return cells;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new ByteArrayTile(cellType, cols, rows, (byte[]) storage);
    }

    @Override
    public byte[] toBytes() {
        return cells.clone();
    }
}
