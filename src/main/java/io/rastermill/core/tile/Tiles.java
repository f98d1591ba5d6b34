package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.nio.ByteBuffer;

/**
 * Where tiles are made: from stored samples (copied), from lanes, from GeoTrellis's big-endian
 * bytes, or as constants. See {@link TileBuilder} to fill cells one by one.
 */
public final class Tiles {
    private Tiles() {}

    /** An int8/uint8 tile over a copy of {@code stored}. */
    public static ArrayTile ofBytes(CellType cellType, int cols, int rows, byte... stored) {
        return ArrayTile.wrap(cellType, cols, rows, stored.clone());
    }

    /** An int16/uint16 tile over a copy of {@code stored}. */
    public static ArrayTile ofShorts(CellType cellType, int cols, int rows, short... stored) {
        return ArrayTile.wrap(cellType, cols, rows, stored.clone());
    }

    /** An int32 tile over a copy of {@code stored}. */
    public static ArrayTile ofInts(CellType cellType, int cols, int rows, int... stored) {
        return ArrayTile.wrap(cellType, cols, rows, stored.clone());
    }

    /** A float32 tile over a copy of {@code stored}. */
    public static ArrayTile ofFloats(CellType cellType, int cols, int rows, float... stored) {
        return ArrayTile.wrap(cellType, cols, rows, stored.clone());
    }

    /** A float64 tile over a copy of {@code stored}. */
    public static ArrayTile ofDoubles(CellType cellType, int cols, int rows, double... stored) {
        return ArrayTile.wrap(cellType, cols, rows, stored.clone());
    }

    /** Int-lane values written into {@code cellType} (see {@link ArrayTile#fromIntLane}). */
    public static ArrayTile fromIntLane(CellType cellType, int cols, int rows, int... lane) {
        return ArrayTile.fromIntLane(cellType, cols, rows, lane);
    }

    /** Double-lane values written into {@code cellType} (see {@link ArrayTile#fromDoubleLane}). */
    public static ArrayTile fromDoubleLane(CellType cellType, int cols, int rows, double... lane) {
        return ArrayTile.fromDoubleLane(cellType, cols, rows, lane);
    }

    public static ConstantTile constant(CellType cellType, int cols, int rows, double value) {
        return ConstantTile.ofDouble(cellType, cols, rows, value);
    }

    /**
     * The inverse of {@link Tile#toBytes()} (GeoTrellis's {@code ArrayTile.fromBytes}): big-endian
     * samples, bit tiles packed.
     *
     * @throws IllegalArgumentException if the byte count does not fit the size and cell type
     */
    public static ArrayTile fromBytes(byte[] bytes, CellType cellType, int cols, int rows) {
        long cells = (long) cols * rows;
        DataType dt = cellType.dataType();
        long expected = dt == DataType.BIT ? (cells + 7) / 8 : cells * dt.bytes();
        if (cols <= 0 || rows <= 0 || bytes.length != expected) {
            throw new IllegalArgumentException("a " + cols + "x" + rows + " " + cellType.name() + " tile needs "
                    + expected + " bytes, got " + bytes.length);
        }
        int n = (int) cells;
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Object storage = switch (dt) {
            case BIT, INT8, UINT8 -> bytes.clone();
            case INT16, UINT16 -> {
                short[] s = new short[n];
                buf.asShortBuffer().get(s);
                yield s;
            }
            case INT32 -> {
                int[] v = new int[n];
                buf.asIntBuffer().get(v);
                yield v;
            }
            case FLOAT32 -> {
                float[] f = new float[n];
                buf.asFloatBuffer().get(f);
                yield f;
            }
            case FLOAT64 -> {
                double[] d = new double[n];
                buf.asDoubleBuffer().get(d);
                yield d;
            }
        };
        return ArrayTile.wrap(cellType, cols, rows, storage);
    }
}
