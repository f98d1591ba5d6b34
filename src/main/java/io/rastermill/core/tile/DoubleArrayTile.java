package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.cell.NoDataMode;

import java.nio.ByteBuffer;

/**
 * float64 cells in a {@code double[]}: {@code float64raw}, {@code float64} (NoData NaN) and
 * {@code float64ud<N>}.
 *
 * <p>GeoTrellis quirks kept on purpose: in the int lane a raw or user-defined tile casts a stored
 * NaN to 0 (only the constant type maps NaN to NoData); the constant type behaves like a
 * user-defined one whose value is NaN everywhere else.
 */
public final class DoubleArrayTile extends ArrayTile {
    private final double[] cells;
    private final NoDataMode mode;
    /** The stored NoData; NaN for the constant type, unused for raw. */
    private final double nd;

    DoubleArrayTile(CellType cellType, int cols, int rows, double[] cells) {
        super(requireType(cellType, DataType.FLOAT64), cols, rows);
        checkLength(cells.length, cols * rows, cellType, cols, rows);
        this.cells = cells;
        this.mode = cellType.noDataMode();
        this.nd = mode == NoDataMode.RAW ? Double.NaN : cellType.floatNoData();
    }

    @Override
    public int get(int i) {
        double v = cells[i];
        return switch (mode) {
            case RAW -> (int) v;
            case CONSTANT -> Double.isNaN(v) ? NoData.INT : (int) v;
            case USER_DEFINED -> v == nd ? NoData.INT : (int) v;
        };
    }

    @Override
    public double getDouble(int i) {
        double v = cells[i];
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
                    double v = cells[i];
                    dst[i] = Double.isNaN(v) ? NoData.INT : (int) v;
                }
            }
            case USER_DEFINED -> {
                for (int i = 0; i < n; i++) {
                    double v = cells[i];
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
                double v = cells[i];
                dst[i] = v == nd ? Double.NaN : v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i];
            }
        }
    }

    /** int lane → double: NoData → the stored NoData (NaN for constant; raw casts it), others widened. */
    static double[] encodeInts(CellType cellType, int[] lane) {
        double[] out = new double[lane.length];
        if (cellType.hasNoData()) {
            double nd = cellType.floatNoData();
            for (int i = 0; i < lane.length; i++) {
                int v = lane[i];
                out[i] = v == NoData.INT ? nd : v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = lane[i];
            }
        }
        return out;
    }

    /** double lane → double: NaN → the stored NoData (user-defined only), others unchanged. */
    static double[] encodeDoubles(CellType cellType, double[] lane) {
        double[] out = new double[lane.length];
        if (cellType.noDataMode() == NoDataMode.USER_DEFINED) {
            double nd = cellType.floatNoData();
            for (int i = 0; i < lane.length; i++) {
                double v = lane[i];
                out[i] = Double.isNaN(v) ? nd : v;
            }
        } else {
            for (int i = 0; i < lane.length; i++) {
                out[i] = lane[i];
            }
        }
        return out;
    }

    /** A copy of the stored samples. */
    public double[] copyCells() {
        return cells.clone();
    }

    @Override
    Object storage() {
        return cells;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new DoubleArrayTile(cellType, cols, rows, (double[]) storage);
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(cells.length * 8);
        buf.asDoubleBuffer().put(cells);
        return buf.array();
    }
}
