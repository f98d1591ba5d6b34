package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * A tile whose every cell holds the same stored sample, without an array of cells
 * (GeoTrellis's {@code ConstantTile} family). The sample is kept as a one-cell {@link ArrayTile},
 * so reading and converting it follow exactly the rules of the array tiles.
 */
public final class ConstantTile extends Tile {
    private final ArrayTile sample;
    private final int intValue;
    private final double doubleValue;

    private ConstantTile(ArrayTile sample, int cols, int rows) {
        super(cols, rows);
        this.sample = sample;
        this.intValue = sample.get(0);
        this.doubleValue = sample.getDouble(0);
    }

    /** Every cell is {@code value} written through the int lane into {@code cellType}. */
    public static ConstantTile ofInt(CellType cellType, int cols, int rows, int value) {
        return new ConstantTile(ArrayTile.fromIntLane(cellType, 1, 1, new int[] {value}), cols, rows);
    }

    /** Every cell is {@code value} written through the double lane into {@code cellType}. */
    public static ConstantTile ofDouble(CellType cellType, int cols, int rows, double value) {
        return new ConstantTile(ArrayTile.fromDoubleLane(cellType, 1, 1, new double[] {value}), cols, rows);
    }

    /** A tile of NoData (zeros for raw types), like GeoTrellis's {@code ArrayTile.empty}. */
    public static ConstantTile noData(CellType cellType, int cols, int rows) {
        return ofDouble(cellType, cols, rows, Double.NaN);
    }

    @Override
    public CellType cellType() {
        return sample.cellType();
    }

    @Override
    public int get(int index) {
        return intValue;
    }

    @Override
    public double getDouble(int index) {
        return doubleValue;
    }

    @Override
    public void readInts(int[] dst) {
        Arrays.fill(dst, 0, size(), intValue);
    }

    @Override
    public void readDoubles(double[] dst) {
        Arrays.fill(dst, 0, size(), doubleValue);
    }

    @Override
    public Tile map(IntUnaryOperator f) {
        return new ConstantTile((ArrayTile) sample.map(f), cols(), rows());
    }

    @Override
    public Tile mapDouble(DoubleUnaryOperator f) {
        return new ConstantTile((ArrayTile) sample.mapDouble(f), cols(), rows());
    }

    @Override
    public Tile mapIfSet(IntUnaryOperator f) {
        return new ConstantTile((ArrayTile) sample.mapIfSet(f), cols(), rows());
    }

    @Override
    public Tile mapIfSetDouble(DoubleUnaryOperator f) {
        return new ConstantTile((ArrayTile) sample.mapIfSetDouble(f), cols(), rows());
    }

    @Override
    public Tile convert(CellType target) {
        return new ConstantTile((ArrayTile) sample.convert(target), cols(), rows());
    }

    @Override
    public Tile interpretAs(CellType target) {
        return new ConstantTile(sample.interpretAs(target), cols(), rows());
    }

    @Override
    public Tile crop(int colMin, int rowMin, int colMax, int rowMax) {
        checkWindow(colMin, rowMin, colMax, rowMax);
        return new ConstantTile(sample, colMax - colMin + 1, rowMax - rowMin + 1);
    }

    /** Expands to an array tile holding the same stored sample in every cell. */
    @Override
    public ArrayTile toArrayTile() {
        int n = size();
        Object one = sample.storage();
        Object all = ArrayTile.allocate(cellType().dataType(), n);
        if (cellType().dataType() == DataType.BIT) {
            byte[] b = (byte[]) all;
            if (intValue == 1) {
                for (int i = 0; i < n; i++) {
                    b[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
        } else if (all instanceof byte[] b) {
            Arrays.fill(b, ((byte[]) one)[0]);
        } else if (all instanceof short[] s) {
            Arrays.fill(s, ((short[]) one)[0]);
        } else if (all instanceof int[] v) {
            Arrays.fill(v, ((int[]) one)[0]);
        } else if (all instanceof float[] f) {
            Arrays.fill(f, ((float[]) one)[0]);
        } else {
            Arrays.fill((double[]) all, ((double[]) one)[0]);
        }
        return ArrayTile.wrap(cellType(), cols(), rows(), all);
    }

    @Override
    public byte[] toBytes() {
        return toArrayTile().toBytes();
    }

    /** The one stored sample in {@link Tile#toBytes()} layout (one byte for bool: 0 or 1). */
    byte[] sampleBytes() {
        return sample.toBytes();
    }

    static ConstantTile fromSampleBytes(CellType cellType, int cols, int rows, byte[] sample) {
        return new ConstantTile(Tiles.fromBytes(sample, cellType, 1, 1), cols, rows);
    }
}
