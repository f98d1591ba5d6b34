package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import java.nio.ByteBuffer;

/**
 * int32 cells in an {@code int[]}: {@code int32raw}, {@code int32} (NoData {@link Integer#MIN_VALUE})
 * and {@code int32ud<N>}. As in GeoTrellis, a stored {@code Integer.MIN_VALUE} is NoData in the int
 * lane whatever the policy, but reads as -2147483648.0 in the double lane of raw and user-defined
 * types.
 */
public final class IntArrayTile extends ArrayTile {
    private final int[] cells;
    private final boolean hasNoData;
    private final int nd;

    IntArrayTile(CellType cellType, int cols, int rows, int[] cells) {
        super(requireType(cellType, DataType.INT32), cols, rows);
        checkLength(cells.length, cols * rows, cellType, cols, rows);
        this.cells = cells;
        this.hasNoData = cellType.hasNoData();
        this.nd = hasNoData ? cellType.intNoData() : 0;
    }

    @Override
    public int get(int i) {
        int v = cells[i];
        return hasNoData && v == nd ? NoData.INT : v;
    }

    @Override
    public double getDouble(int i) {
        int v = cells[i];
        return hasNoData && v == nd ? Double.NaN : v;
    }

    @Override
    public void readInts(int[] dst) {
        int n = cells.length;
        if (hasNoData) {
            for (int i = 0; i < n; i++) {
                int v = cells[i];
                dst[i] = v == nd ? NoData.INT : v;
            }
        } else {
            System.arraycopy(cells, 0, dst, 0, n);
        }
    }

    @Override
    public void readDoubles(double[] dst) {
        int n = cells.length;
        if (hasNoData) {
            for (int i = 0; i < n; i++) {
                int v = cells[i];
                dst[i] = v == nd ? Double.NaN : v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = cells[i];
            }
        }
    }

    static int[] encodeInts(CellType cellType, int[] lane) {
        int[] out = new int[lane.length];
        if (cellType.hasNoData() && cellType.intNoData() != NoData.INT) {
            int nd = cellType.intNoData();
            for (int i = 0; i < lane.length; i++) {
                int v = lane[i];
                out[i] = v == NoData.INT ? nd : v;
            }
        } else {
            System.arraycopy(lane, 0, out, 0, lane.length);
        }
        return out;
    }

    /** NaN → the stored NoData (0 if raw); others the JVM cast (truncating, saturating). */
    static int[] encodeDoubles(CellType cellType, double[] lane) {
        int[] out = new int[lane.length];
        int nd = cellType.hasNoData() ? cellType.intNoData() : 0;
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            out[i] = Double.isNaN(v) ? nd : (int) v;
        }
        return out;
    }

    /** A copy of the stored samples. */
    public int[] copyCells() {
        return cells.clone();
    }

    @Override
    Object storage() {
        return cells;
    }

    @Override
    ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage) {
        return new IntArrayTile(cellType, cols, rows, (int[]) storage);
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(cells.length * 4);
        buf.asIntBuffer().put(cells);
        return buf.array();
    }
}
