package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * A tile backed by one primitive array of stored samples: {@code byte[]} for bool (packed),
 * int8 and uint8, {@code short[]} for int16 and uint16, {@code int[]}, {@code float[]} and
 * {@code double[]}. One subclass per storage array type; each handles the NoData policies of its data
 * type with one loop per policy, chosen once per call.
 */
public abstract sealed class ArrayTile extends Tile
        permits BitArrayTile, ByteArrayTile, ShortArrayTile, IntArrayTile, FloatArrayTile, DoubleArrayTile {

    private final CellType cellType;

    ArrayTile(CellType cellType, int cols, int rows) {
        super(cols, rows);
        this.cellType = Objects.requireNonNull(cellType, "cellType");
    }

    @Override
    public final CellType cellType() {
        return cellType;
    }

    /** The backing array; never handed out, since tiles are immutable. */
    abstract Object storage();

    /**
     * Copies the stored samples (the array {@link #wrap} takes, in its layout) into the front of {@code dst}, an
     * array of the same type at least as long. For code that streams a tile's cells out (an encoder) into a buffer
     * it reuses from tile to tile, where a copy of the cells per tile would only feed the garbage collector.
     */
    public final void copyStoredSamplesTo(Object dst) {
        Object src = storage();
        System.arraycopy(src, 0, dst, 0, Array.getLength(src));
    }

    /** A tile of the same storage class over {@code storage}, which it takes ownership of. */
    abstract ArrayTile withStorage(CellType cellType, int cols, int rows, Object storage);

    // ------------------------------------------------------------------ construction

    /**
     * Wraps an array of stored samples without copying; the caller hands it over and must not
     * change it afterwards. The array type must fit the cell type ({@code byte[]} for bool, int8,
     * uint8; {@code short[]} for int16, uint16; {@code int[]}; {@code float[]}; {@code double[]}) and
     * hold {@code cols * rows} samples ({@code (cols * rows + 7) / 8} bytes for bool).
     */
    public static ArrayTile wrap(CellType cellType, int cols, int rows, Object storage) {
        Objects.requireNonNull(storage, "storage");
        return switch (cellType.dataType()) {
            case BIT -> new BitArrayTile(cols, rows, cast(storage, byte[].class, cellType));
            case INT8, UINT8 -> new ByteArrayTile(cellType, cols, rows, cast(storage, byte[].class, cellType));
            case INT16, UINT16 -> new ShortArrayTile(cellType, cols, rows, cast(storage, short[].class, cellType));
            case INT32 -> new IntArrayTile(cellType, cols, rows, cast(storage, int[].class, cellType));
            case FLOAT32 -> new FloatArrayTile(cellType, cols, rows, cast(storage, float[].class, cellType));
            case FLOAT64 -> new DoubleArrayTile(cellType, cols, rows, cast(storage, double[].class, cellType));
        };
    }

    private static <T> T cast(Object storage, Class<T> type, CellType cellType) {
        if (!type.isInstance(storage)) {
            throw new IllegalArgumentException("cell type " + cellType.name() + " is stored in a "
                    + type.getSimpleName() + ", got a " + storage.getClass().getSimpleName());
        }
        return type.cast(storage);
    }

    /**
     * A new zero-filled storage array for {@code size} cells of a data type, of the kind
     * {@link #wrap} takes ({@code (size + 7) / 8} bytes for bool).
     */
    public static Object allocate(DataType dataType, int size) {
        return switch (dataType) {
            case BIT -> new byte[(size + 7) / 8];
            case INT8, UINT8 -> new byte[size];
            case INT16, UINT16 -> new short[size];
            case INT32 -> new int[size];
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
        };
    }

    static CellType requireType(CellType cellType, DataType... storedHere) {
        for (DataType t : storedHere) {
            if (cellType.dataType() == t) {
                return cellType;
            }
        }
        throw new IllegalArgumentException("cell type " + cellType.name() + " is not stored in this tile class");
    }

    static void checkLength(int length, int expected, CellType cellType, int cols, int rows) {
        if (length != expected) {
            throw new IllegalArgumentException("a " + cols + "x" + rows + " " + cellType.name() + " tile needs "
                    + expected + " stored samples, got " + length);
        }
    }

    /** Encodes an int-lane array into a tile of {@code cellType} (GeoTrellis's {@code set} per cell). */
    public static ArrayTile fromIntLane(CellType cellType, int cols, int rows, int[] lane) {
        checkLength(lane.length, cols * rows, cellType, cols, rows);
        return switch (cellType.dataType()) {
            case BIT -> new BitArrayTile(cols, rows, BitArrayTile.encodeInts(lane));
            case INT8, UINT8 -> new ByteArrayTile(cellType, cols, rows, ByteArrayTile.encodeInts(cellType, lane));
            case INT16, UINT16 -> new ShortArrayTile(cellType, cols, rows, ShortArrayTile.encodeInts(cellType, lane));
            case INT32 -> new IntArrayTile(cellType, cols, rows, IntArrayTile.encodeInts(cellType, lane));
            case FLOAT32 -> new FloatArrayTile(cellType, cols, rows, FloatArrayTile.encodeInts(cellType, lane));
            case FLOAT64 -> new DoubleArrayTile(cellType, cols, rows, DoubleArrayTile.encodeInts(cellType, lane));
        };
    }

    /** Encodes a double-lane array into a tile of {@code cellType} (GeoTrellis's {@code setDouble} per cell). */
    public static ArrayTile fromDoubleLane(CellType cellType, int cols, int rows, double[] lane) {
        checkLength(lane.length, cols * rows, cellType, cols, rows);
        return switch (cellType.dataType()) {
            case BIT -> new BitArrayTile(cols, rows, BitArrayTile.encodeDoubles(lane));
            case INT8, UINT8 -> new ByteArrayTile(cellType, cols, rows, ByteArrayTile.encodeDoubles(cellType, lane));
            case INT16, UINT16 ->
                new ShortArrayTile(cellType, cols, rows, ShortArrayTile.encodeDoubles(cellType, lane));
            case INT32 -> new IntArrayTile(cellType, cols, rows, IntArrayTile.encodeDoubles(cellType, lane));
            case FLOAT32 -> new FloatArrayTile(cellType, cols, rows, FloatArrayTile.encodeDoubles(cellType, lane));
            case FLOAT64 -> new DoubleArrayTile(cellType, cols, rows, DoubleArrayTile.encodeDoubles(cellType, lane));
        };
    }

    // ------------------------------------------------------------------ views

    @Override
    public ArrayTile interpretAs(CellType target) {
        if (target.dataType() != cellType.dataType()) {
            throw new IllegalArgumentException("cannot interpret " + cellType.name() + " samples as " + target.name()
                    + ": the data types differ (use convert)");
        }
        return target.equals(cellType) ? this : withStorage(target, cols(), rows(), storage());
    }

    @Override
    public ArrayTile crop(int colMin, int rowMin, int colMax, int rowMax) {
        checkWindow(colMin, rowMin, colMax, rowMax);
        int w = colMax - colMin + 1;
        int h = rowMax - rowMin + 1;
        if (w == cols() && h == rows()) {
            return this;
        }
        Object src = storage();
        Object dst = allocate(cellType.dataType(), w * h);
        for (int r = 0; r < h; r++) {
            System.arraycopy(src, (rowMin + r) * cols() + colMin, dst, r * w, w);
        }
        return withStorage(cellType, w, h, dst);
    }

    @Override
    public final ArrayTile toArrayTile() {
        return this;
    }
}
