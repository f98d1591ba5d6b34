package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of cell types and tiles for property tests. Stored samples are biased toward
 * the interesting values: the type's NoData, the lane sentinels' stored forms, NaN, infinities and
 * values that overflow on narrowing.
 */
public final class RandomTiles {
    private final Random random;

    public RandomTiles(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** Every fixed cell type plus a few user-defined ones of each family. */
    public static List<CellType> someCellTypes() {
        List<CellType> all = new ArrayList<>(CellType.FIXED);
        for (String name : new String[] {
            "int8ud-5",
            "int8ud-128",
            "uint8ud255",
            "uint8ud0",
            "uint8ud7",
            "int16ud-9999",
            "uint16ud65535",
            "uint16ud1",
            "int32ud-9999",
            "int32ud-2147483648",
            "float32ud-9999.0",
            "float32ud0.1",
            "float64ud-9999.0",
            "float64ud1.0E-5"
        }) {
            all.add(CellType.parse(name));
        }
        return all;
    }

    public CellType cellType() {
        DataType dt = DataType.values()[random.nextInt(DataType.values().length)];
        if (dt == DataType.BIT) {
            return CellType.BOOL;
        }
        return switch (random.nextInt(3)) {
            case 0 -> CellType.raw(dt);
            case 1 -> CellType.withDefaultNoData(dt);
            default -> CellType.userDefined(dt, userValue(dt));
        };
    }

    private double userValue(DataType dt) {
        return switch (dt) {
            case INT8, UINT8 -> random.nextInt(384) - 128;
            case INT16, UINT16 -> random.nextInt(98304) - 32768;
            case INT32 -> random.nextBoolean() ? random.nextInt() : random.nextInt(20001) - 10000;
            default -> pick(-9999.0, 0.1, 1.0E-5, random.nextGaussian() * 1000, 3.0e38, -1.0);
        };
    }

    private double pick(double... values) {
        return values[random.nextInt(values.length)];
    }

    /** A tile of 1..maxSide × 1..maxSide cells of {@code cellType} with biased random stored samples. */
    public ArrayTile tile(CellType cellType, int maxSide) {
        int cols = 1 + random.nextInt(maxSide);
        int rows = 1 + random.nextInt(maxSide);
        return tile(cellType, cols, rows);
    }

    public ArrayTile tile(CellType cellType, int cols, int rows) {
        int n = cols * rows;
        DataType dt = cellType.dataType();
        Object storage = switch (dt) {
            case BIT -> {
                byte[] b = new byte[(n + 7) / 8];
                random.nextBytes(b);
                if (n % 8 != 0) {
                    b[b.length - 1] &=
                            (byte) ((1 << (n % 8)) - 1); // padding bits stay clear, as GeoTrellis leaves them
                }
                yield b;
            }
            case INT8, UINT8 -> {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte)
                            (special(cellType)
                                    ? storedNoDataOr(cellType, pick(-128, 0, 127, 255))
                                    : random.nextInt(256));
                }
                yield b;
            }
            case INT16, UINT16 -> {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (short)
                            (special(cellType)
                                    ? storedNoDataOr(cellType, pick(-32768, 0, 32767, 65535))
                                    : random.nextInt(65536));
                }
                yield s;
            }
            case INT32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = special(cellType)
                            ? (int) storedNoDataOr(cellType, pick(Integer.MIN_VALUE, 0, Integer.MAX_VALUE))
                            : random.nextBoolean() ? random.nextInt() : random.nextInt(2001) - 1000;
                }
                yield v;
            }
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) floatValue(cellType);
                }
                yield f;
            }
            case FLOAT64 -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = floatValue(cellType);
                }
                yield d;
            }
        };
        return ArrayTile.wrap(cellType, cols, rows, storage);
    }

    private boolean special(CellType ct) {
        return random.nextInt(5) == 0;
    }

    /** Mostly the stored NoData of the type (if any), otherwise the fallback. */
    private double storedNoDataOr(CellType ct, double fallback) {
        if (ct.hasNoData() && random.nextInt(3) > 0) {
            return ct.isFloatingPoint() ? ct.floatNoData() : ct.intNoData();
        }
        return fallback;
    }

    private double floatValue(CellType ct) {
        if (special(ct)) {
            return storedNoDataOr(
                    ct,
                    pick(
                            Double.NaN,
                            Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY,
                            1.0e12,
                            -3.0e9,
                            Integer.MIN_VALUE,
                            0.0,
                            -0.0));
        }
        return random.nextBoolean() ? random.nextGaussian() * 1000 : random.nextInt(512) - 256;
    }
}
