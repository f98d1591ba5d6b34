package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoDataMode;
import java.util.Objects;

/**
 * The explicit mutable side of tiles: fill cells one by one (or from a lane), then {@link #build()}
 * an immutable {@link ArrayTile}. Values are written exactly as GeoTrellis's {@code set} (int lane)
 * and {@code setDouble} (double lane) write them: the lane's NoData becomes the cell type's NoData,
 * other values are cast. {@code build()} hands the storage over without copying, after which the
 * builder refuses further use. Not thread-safe.
 */
public final class TileBuilder {
    private final CellType cellType;
    private final int cols;
    private final int rows;
    private Object storage;
    private final int byteNd;
    private final double floatNd;

    private TileBuilder(CellType cellType, int cols, int rows, Object storage) {
        this.cellType = Objects.requireNonNull(cellType, "cellType");
        if (cols <= 0 || rows <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + cols + "x" + rows);
        }
        this.cols = cols;
        this.rows = rows;
        this.storage = storage;
        boolean intNd = cellType.hasNoData() && !cellType.isFloatingPoint();
        this.byteNd = intNd ? cellType.intNoData() : 0;
        this.floatNd = cellType.noDataMode() == NoDataMode.USER_DEFINED && cellType.isFloatingPoint()
                ? cellType.floatNoData()
                : Double.NaN;
    }

    /** All cells zero (GeoTrellis's {@code ArrayTile.alloc}). */
    public static TileBuilder zeros(CellType cellType, int cols, int rows) {
        checkSize(cols, rows);
        return new TileBuilder(cellType, cols, rows, ArrayTile.allocate(cellType.dataType(), cols * rows));
    }

    /** All cells NoData, zero for raw types (GeoTrellis's {@code ArrayTile.empty}). */
    public static TileBuilder noData(CellType cellType, int cols, int rows) {
        checkSize(cols, rows);
        return copyOf(ConstantTile.noData(cellType, cols, rows));
    }

    /** Starts from a copy of a tile's stored samples. */
    public static TileBuilder copyOf(Tile tile) {
        Object copy = tile instanceof ArrayTile at
                ? cloneArray(at.storage())
                : tile.toArrayTile().storage();
        return new TileBuilder(tile.cellType(), tile.cols(), tile.rows(), copy);
    }

    private static void checkSize(int cols, int rows) {
        if (cols <= 0 || rows <= 0 || (long) cols * rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "tile size must be positive and fit one array, got " + cols + "x" + rows);
        }
    }

    private static Object cloneArray(Object a) {
        if (a instanceof byte[] b) {
            return b.clone();
        } else if (a instanceof short[] s) {
            return s.clone();
        } else if (a instanceof int[] i) {
            return i.clone();
        } else if (a instanceof float[] f) {
            return f.clone();
        }
        return ((double[]) a).clone();
    }

    public CellType cellType() {
        return cellType;
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    private Object live() {
        if (storage == null) {
            throw new IllegalStateException("this TileBuilder was already built; start a new one");
        }
        return storage;
    }

    private int index(int col, int row) {
        if (col < 0 || col >= cols || row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException(
                    "cell (" + col + ", " + row + ") is outside the " + cols + "x" + rows + " tile");
        }
        return row * cols + col;
    }

    /** Writes an int-lane value ({@link io.rastermill.core.cell.NoData#INT} means NoData) at (col, row). */
    public TileBuilder set(int col, int row, int value) {
        int i = index(col, row);
        Object s = live();
        boolean nd = value == Integer.MIN_VALUE && cellType.hasNoData();
        switch (cellType.dataType()) {
            case BIT -> setBit((byte[]) s, i, value & 1);
            case INT8, UINT8 -> ((byte[]) s)[i] = nd ? (byte) byteNd : (byte) value;
            case INT16, UINT16 -> ((short[]) s)[i] = nd ? (short) byteNd : (short) value;
            case INT32 -> ((int[]) s)[i] = nd ? byteNd : value;
            case FLOAT32 -> ((float[]) s)[i] = nd ? (float) floatNd : (float) value;
            case FLOAT64 -> ((double[]) s)[i] = nd ? floatNd : (double) value;
        }
        return this;
    }

    /** Writes a double-lane value (NaN means NoData) at (col, row). */
    public TileBuilder setDouble(int col, int row, double value) {
        int i = index(col, row);
        Object s = live();
        boolean nan = Double.isNaN(value);
        DataType dt = cellType.dataType();
        switch (dt) {
            case BIT -> setBit((byte[]) s, i, nan ? 0 : ((int) value) & 1);
            case INT8, UINT8 -> ((byte[]) s)[i] = nan ? (byte) byteNd : (byte) (int) value;
            case INT16, UINT16 -> ((short[]) s)[i] = nan ? (short) byteNd : (short) (int) value;
            case INT32 -> ((int[]) s)[i] = nan ? byteNd : (int) value;
            case FLOAT32 -> ((float[]) s)[i] = nan ? (float) floatNd : (float) value;
            case FLOAT64 -> ((double[]) s)[i] = nan ? floatNd : value;
        }
        return this;
    }

    private static void setBit(byte[] bits, int i, int bit) {
        if (bit == 0) {
            bits[i >> 3] &= (byte) ~(1 << (i & 7));
        } else {
            bits[i >> 3] |= (byte) (1 << (i & 7));
        }
    }

    /**
     * Copies {@code src} into this tile with its upper-left cell at (col, row); parts falling outside
     * are clipped. Stored samples are copied unchanged when the cell types are equal; otherwise the
     * cells go through the lane of {@code src}'s type, as {@link Tile#convert} does.
     */
    public TileBuilder paste(Tile src, int col, int row) {
        Object dst = live();
        int x0 = Math.max(0, col);
        int y0 = Math.max(0, row);
        int x1 = Math.min(cols, col + src.cols());
        int y1 = Math.min(rows, row + src.rows());
        if (x0 >= x1 || y0 >= y1) {
            return this;
        }
        Tile from = src.cellType().equals(cellType) ? src : src.convert(cellType);
        ArrayTile a = from.toArrayTile();
        if (cellType.dataType() == DataType.BIT) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    setBit((byte[]) dst, y * cols + x, a.get(x - col, y - row));
                }
            }
            return this;
        }
        Object s = a.storage();
        int w = x1 - x0;
        for (int y = y0; y < y1; y++) {
            System.arraycopy(s, (y - row) * a.cols() + (x0 - col), dst, y * cols + x0, w);
        }
        return this;
    }

    /** The finished, immutable tile. The builder cannot be used afterwards. */
    public ArrayTile build() {
        ArrayTile tile = ArrayTile.wrap(cellType, cols, rows, live());
        storage = null;
        return tile;
    }
}
