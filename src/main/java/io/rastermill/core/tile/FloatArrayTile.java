package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.cell.NoDataMode;

import java.nio.ByteBuffer;

/**
 * float32 cells in a {@code float[]}: {@code float32raw}, {@code float32} (NoData NaN) and
 * {@code float32ud<N>}.
 *
 * <p>GeoTrellis quirks kept on purpose: in the int lane a raw or user-defined tile casts a stored
 * NaN to 0 (only the constant type maps NaN to NoData); the constant type behaves like a
 * user-defined one whose value is NaN everywhere else.
 */
public final class FloatArrayTile extends ArrayTile {
    private final float[] cells;
    private final NoDataMode mode;
    /** The stored NoData; NaN for the constant type, unused for raw. */
    private final float nd;

    FloatArrayTile(CellType cellType, int cols, int rows, float[] cells) {
        super(requireType(cellType, DataType.FLOAT32), cols, rows);
        checkLength(cells.length, cols * rows, cellType, cols, rows);
        this.cells = cells;
        this.mode = cellType.noDataMode();
        this.nd = mode == NoDataMode.RAW ? Float.NaN : (float) cellType.floatNoData();
    }

    @Override
    public int get(int i) {
        float v = cells[i];
        return switch (mode) {
            case RAW -> (int) v;
            case CONSTANT -> Float.isNaN(v) ? NoData.INT : (int) v;
            case USER_DEFINED -> v == nd ? NoData.INT : (int) v;
        };
    }

    @Override
    public double getDouble(int i) {
        float v = cells[i];
        return mode == NoDataMode.USER_DEFINED && v == nd ? Double.NaN : v;
    }

    @Override
    public void readInts(int[] dst) {
        int n = cells.length;
        switch (mode) {
            case RAW -> {
                for (int i = 0; i < n; i++) {
                    dst[i] = (int) cells[i];
                }
            }
            case CONSTANT -> {
                for (int i = 0; i < n; i++) {
                    float v = cells[i];
                    dst[i] = Float.isNaN(v) ? NoData.INT : (int) v;
                }
            }
            case USER_DEFINED -> {
                for (int i = 0; i < n; i++) {
                    float v = cells[i];
                    dst[i] = v == nd ? NoData.INT : (int) v;
                }
            }
        }
    }

    @Override
    public void readDoubles(double[] dst) {
        int n = cells.length;
        if (mode == NoDataMode.USER_DEFINED) {
            for (int i = 0; i < n; i++) {
                float v = cells[i];
                dst[i] = v == nd ? Double.NaN : v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i];
            }
        }
    }

    /** int lane → float: NoData → the stored NoData (NaN for constant; raw casts it), others widened. */
    static float[] encodeInts(CellType cellType, int[] lane) {
        float[] out = new float[lane.length];
        if (cellType.hasNoData()) {
            float nd = (float) cellType.floatNoData();
            for (int i = 0; i < lane.length; i++) {
                int v = lane[i];
                out[i] = v == NoData.INT ? nd : (float) v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = lane[i];
            }
        }
        return out;
    }

    /** double lane → float: NaN → the stored NoData (user-defined only), others narrowed. */
    static float[] encodeDoubles(CellType cellType, double[] lane) {
        float[] out = new float[lane.length];
        if (cellType.noDataMode() == NoDataMode.USER_DEFINED) {
            float nd = (float) cellType.floatNoData();
            for (int i = 0; i < lane.length; i++) {
                double v = lane[i];
                out[i] = Double.isNaN(v) ? nd : (float) v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = (float) lane[i];
            }
        }
        return out;
    }

    /** A copy of the stored samples. */
    public float[] copyCells() {
        return cells.clone();
    }

    @Override
    Object storage() {
        return cells;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new FloatArrayTile(cellType, cols, rows, (float[]) storage);
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(cells.length * 4);
        buf.asFloatBuffer().put(cells);
        return buf.array();
    }
}
