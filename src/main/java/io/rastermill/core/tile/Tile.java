package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * A single-band grid of {@code cols × rows} cells of one {@link CellType}, row-major with cell
 * {@code (col, row)} at index {@code row * cols + col} and index 0 in the upper-left corner.
 *
 * <p>Cells are read in two lanes (see {@link NoData}): {@link #get} gives an int with NoData as
 * {@link NoData#INT}, {@link #getDouble} a double with NoData as NaN, translated from the stored
 * values exactly as GeoTrellis does. Bulk operations ({@link #map}, {@link #combine}, ...) read a
 * whole lane into a primitive array once, run the function over it and encode the result once, so
 * the storage type is dispatched once per tile, never per cell.
 *
 * <p>Tiles are immutable and safe to share between threads; build new ones with {@link TileBuilder}.
 * Java serialization writes the compact {@link TileBytes} form.
 */
public abstract sealed class Tile implements Serializable permits ArrayTile, ConstantTile {
    private static final long serialVersionUID = 1L;

    private final int cols;
    private final int rows;

    Tile(int cols, int rows) {
        if (cols <= 0 || rows <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + cols + "x" + rows);
        }
        if ((long) cols * rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tile of " + cols + "x" + rows + " cells exceeds one Java array");
        }
        this.cols = cols;
        this.rows = rows;
    }

    public final int cols() {
        return cols;
    }

    public final int rows() {
        return rows;
    }

    /** Number of cells, {@code cols * rows}. */
    public final int size() {
        return cols * rows;
    }

    public abstract CellType cellType();

    // ------------------------------------------------------------------ cells

    /** The cell at {@code index = row * cols + col} in the int lane. */
    public abstract int get(int index);

    /** The cell at {@code index = row * cols + col} in the double lane. */
    public abstract double getDouble(int index);

    /** The cell at (col, row) in the int lane; NoData is {@link NoData#INT}. */
    public final int get(int col, int row) {
        return get(index(col, row));
    }

    /** The cell at (col, row) in the double lane; NoData is NaN. */
    public final double getDouble(int col, int row) {
        return getDouble(index(col, row));
    }

    /** Whether the cell is NoData, judged in the lane that fits the cell type. */
    public final boolean isNoData(int col, int row) {
        return cellType().isFloatingPoint() ? Double.isNaN(getDouble(col, row)) : get(col, row) == NoData.INT;
    }

    final int index(int col, int row) {
        if (col < 0 || col >= cols || row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException(
                    "cell (" + col + ", " + row + ") is outside the " + cols + "x" + rows + " tile");
        }
        return row * cols + col;
    }

    // ------------------------------------------------------------------ lanes

    /** Copies every cell into {@code dst} in the int lane; {@code dst.length} must be at least {@link #size()}. */
    public abstract void readInts(int[] dst);

    /** Copies every cell into {@code dst} in the double lane; {@code dst.length} must be at least {@link #size()}. */
    public abstract void readDoubles(double[] dst);

    /** A new array with every cell in the int lane. */
    public final int[] toIntLane() {
        int[] lane = new int[size()];
        readInts(lane);
        return lane;
    }

    /** A new array with every cell in the double lane. */
    public final double[] toDoubleLane() {
        double[] lane = new double[size()];
        readDoubles(lane);
        return lane;
    }

    // ------------------------------------------------------------------ map and combine

    /**
     * Applies {@code f} to every cell in the int lane, NoData included (it receives {@link NoData#INT}),
     * and stores each result in a tile of the same cell type; a result equal to the sentinel becomes
     * NoData. This is GeoTrellis's {@code map}; use {@link #mapIfSet} to skip NoData.
     */
    public Tile map(IntUnaryOperator f) {
        int[] lane = toIntLane();
        for (int i = 0; i < lane.length; i++) {
            lane[i] = f.applyAsInt(lane[i]);
        }
        return ArrayTile.fromIntLane(cellType(), cols, rows, lane);
    }

    /** {@link #map} in the double lane: {@code f} sees NaN for NoData. */
    public Tile mapDouble(DoubleUnaryOperator f) {
        double[] lane = toDoubleLane();
        for (int i = 0; i < lane.length; i++) {
            lane[i] = f.applyAsDouble(lane[i]);
        }
        return ArrayTile.fromDoubleLane(cellType(), cols, rows, lane);
    }

    /** Like {@link #map}, but NoData cells stay NoData and {@code f} never sees them. */
    public Tile mapIfSet(IntUnaryOperator f) {
        int[] lane = toIntLane();
        for (int i = 0; i < lane.length; i++) {
            int v = lane[i];
            if (v != NoData.INT) {
                lane[i] = f.applyAsInt(v);
            }
        }
        return ArrayTile.fromIntLane(cellType(), cols, rows, lane);
    }

    /** Like {@link #mapDouble}, but NaN cells stay NaN and {@code f} never sees them. */
    public Tile mapIfSetDouble(DoubleUnaryOperator f) {
        double[] lane = toDoubleLane();
        for (int i = 0; i < lane.length; i++) {
            double v = lane[i];
            if (!Double.isNaN(v)) {
                lane[i] = f.applyAsDouble(v);
            }
        }
        return ArrayTile.fromDoubleLane(cellType(), cols, rows, lane);
    }

    /** {@link #mapDouble} with {@code fd} if the cell type is floating point, else {@link #map} with {@code fi}. */
    public Tile dualMap(IntUnaryOperator fi, DoubleUnaryOperator fd) {
        return cellType().isFloatingPoint() ? mapDouble(fd) : map(fi);
    }

    /**
     * Applies {@code f} to every pair of cells in the int lane, NoData included, into a tile of
     * {@code cellType().union(other.cellType())} (GeoTrellis's {@code combine}).
     *
     * @throws IllegalArgumentException if the dimensions differ
     */
    public Tile combine(Tile other, IntBinaryOperator f) {
        requireSameDimensions(other);
        int[] a = toIntLane();
        int[] b = other.toIntLane();
        for (int i = 0; i < a.length; i++) {
            a[i] = f.applyAsInt(a[i], b[i]);
        }
        return ArrayTile.fromIntLane(cellType().union(other.cellType()), cols, rows, a);
    }

    /** {@link #combine} in the double lane. */
    public Tile combineDouble(Tile other, DoubleBinaryOperator f) {
        requireSameDimensions(other);
        double[] a = toDoubleLane();
        double[] b = other.toDoubleLane();
        for (int i = 0; i < a.length; i++) {
            a[i] = f.applyAsDouble(a[i], b[i]);
        }
        return ArrayTile.fromDoubleLane(cellType().union(other.cellType()), cols, rows, a);
    }

    /** {@link #combineDouble} if the union cell type is floating point, else {@link #combine}. */
    public Tile dualCombine(Tile other, IntBinaryOperator fi, DoubleBinaryOperator fd) {
        return cellType().union(other.cellType()).isFloatingPoint() ? combineDouble(other, fd) : combine(other, fi);
    }

    final void requireSameDimensions(Tile other) {
        if (other.cols != cols || other.rows != rows) {
            throw new IllegalArgumentException(
                    "tile dimensions differ: " + cols + "x" + rows + " and " + other.cols + "x" + other.rows);
        }
    }

    // ------------------------------------------------------------------ conversions and views

    /**
     * The same cells in another cell type, as GeoTrellis's {@code convert}: integral sources are
     * copied through the int lane, floating point sources through the double lane, so NoData
     * carries across as the sentinel and is stored as the target's NoData; other values are cast
     * (narrowing wraps, float to int truncates and saturates).
     */
    public Tile convert(CellType target) {
        if (target.equals(cellType())) {
            return this;
        }
        return cellType().isFloatingPoint()
                ? ArrayTile.fromDoubleLane(target, cols, rows, toDoubleLane())
                : ArrayTile.fromIntLane(target, cols, rows, toIntLane());
    }

    /**
     * The same stored samples read under another NoData policy of the same data type (GeoTrellis's
     * {@code interpretAs} / {@code withNoData}); no value is converted.
     *
     * @throws IllegalArgumentException if {@code target} has another data type
     */
    public abstract Tile interpretAs(CellType target);

    /**
     * The cells in the inclusive window {@code [colMin..colMax] × [rowMin..rowMax]}, which must lie
     * inside the tile; stored samples are copied unchanged.
     */
    public abstract Tile crop(int colMin, int rowMin, int colMax, int rowMax);

    final void checkWindow(int colMin, int rowMin, int colMax, int rowMax) {
        if (colMin < 0 || rowMin < 0 || colMax >= cols || rowMax >= rows || colMin > colMax || rowMin > rowMax) {
            throw new IllegalArgumentException("crop window cols " + colMin + ".." + colMax + ", rows " + rowMin + ".."
                    + rowMax + " is not inside the " + cols + "x" + rows + " tile");
        }
    }

    /** A tile backed by one array of stored samples with these cells ({@code this} if it already is one). */
    public abstract ArrayTile toArrayTile();

    /**
     * The stored samples in GeoTrellis's {@code toBytes} layout: big-endian, one sample per cell,
     * bit tiles packed LSB-first.
     */
    public abstract byte[] toBytes();

    /** Cell-for-cell equality of stored samples and cell type, whatever the representation. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tile t)
                || t.cols != cols
                || t.rows != rows
                || !t.cellType().equals(cellType())) {
            return false;
        }
        return Arrays.equals(toBytes(), t.toBytes());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cellType().hashCode() + cols) + rows;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + cols + "x" + rows + ", "
                + cellType().name() + ")";
    }

    /** Java serialization goes through the compact {@link TileBytes} form. */
    protected final Object writeReplace() {
        return new SerializedForm(TileBytes.encode(this));
    }

    private record SerializedForm(byte[] bytes) implements Serializable {
        private Object readResolve() {
            return TileBytes.decode(bytes);
        }
    }
}
