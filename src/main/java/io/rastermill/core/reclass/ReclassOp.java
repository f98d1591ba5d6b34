package io.rastermill.core.reclass;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.io.Serializable;
import java.util.Objects;

/**
 * Reclassification of a tile by a {@link ReclassMap}, into a chosen output cell type.
 *
 * <h2>Kernel</h2>
 * The input lane is chosen once per tile (int lane for integral cell types, double lane for
 * floating point) and so is the output lane (int lane unless the output type is floating point).
 * For the int lane, when the tile's data values span at most 65,536 values, the map is evaluated
 * once per distinct value into a lookup table and cells are looked up; otherwise (and always in
 * the double lane) each cell walks the rule arrays. No per-cell allocation or boxing.
 *
 * <h2>Output type</h2>
 * {@link #defaultCellType(ReclassMap)}: int16 (NoData −32768) when every target is an integer in
 * [−32767, 32767], int32 for other integers, float32 when a target has a fraction. A chosen type
 * must hold every target ({@link #of} checks it).
 */
public final class ReclassOp implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int LUT_MAX = 1 << 16;

    private final ReclassMap map;
    private final CellType out;

    private ReclassOp(ReclassMap map, CellType out) {
        this.map = map;
        this.out = out;
    }

    /** An op writing {@link #defaultCellType(ReclassMap)}. */
    public static ReclassOp of(ReclassMap map) {
        return of(map, defaultCellType(map));
    }

    /**
     * An op writing {@code cellType}.
     *
     * @throws IllegalArgumentException if a target does not fit the type, is its NoData value, or has a
     *                                  fraction for an integral type
     */
    public static ReclassOp of(ReclassMap map, CellType cellType) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(cellType, "cellType");
        if (cellType.dataType() == DataType.BIT) {
            throw new IllegalArgumentException("reclass cannot write bit cells; use uint8");
        }
        for (double t : map.targets()) {
            if (cellType.isFloatingPoint()) {
                if (cellType.dataType() == DataType.FLOAT32 && Math.abs(t) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException(
                            "target " + ReclassMap.num(t) + " does not fit " + cellType.name());
                }
                continue;
            }
            if (t != Math.rint(t)) {
                throw new IllegalArgumentException("target " + ReclassMap.num(t)
                        + " is not an integer, but the output type is " + cellType.name());
            }
            double[] range = range(cellType.dataType());
            if (t < range[0] || t > range[1]) {
                throw new IllegalArgumentException("target " + ReclassMap.num(t) + " does not fit " + cellType.name());
            }
            if (cellType.noDataValue().isPresent() && cellType.noDataValue().getAsDouble() == t) {
                throw new IllegalArgumentException(
                        "target " + ReclassMap.num(t) + " is the NoData value of " + cellType.name());
            }
        }
        return new ReclassOp(map, cellType);
    }

    private static double[] range(DataType dt) {
        return switch (dt) {
            case BIT -> new double[] {0, 1};
            case INT8 -> new double[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case UINT8 -> new double[] {0, 255};
            case INT16 -> new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new double[] {0, 65535};
            // Integer.MIN_VALUE is the int lane's NoData
            case INT32 -> new double[] {Integer.MIN_VALUE + 1.0, Integer.MAX_VALUE};
            case FLOAT32, FLOAT64 -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        };
    }

    /** int16 when every target is an integer in ±32767, int32 for other integers, else float32. */
    public static CellType defaultCellType(ReclassMap map) {
        boolean integral = true;
        boolean small = true;
        for (double t : map.targets()) {
            if (t != Math.rint(t) || Math.abs(t) > Integer.MAX_VALUE - 1.0) {
                integral = false;
            } else if (Math.abs(t) > Short.MAX_VALUE) {
                small = false;
            }
        }
        return !integral ? CellType.FLOAT32 : small ? CellType.INT16 : CellType.INT32;
    }

    public ReclassMap map() {
        return map;
    }

    public CellType cellType() {
        return out;
    }

    /** The reclassified tile, of {@link #cellType()}. */
    public Tile apply(Tile tile) {
        int n = tile.size();
        if (!tile.cellType().isFloatingPoint()) {
            int[] in = tile.toIntLane();
            if (out.isFloatingPoint()) {
                double[] res = new double[n];
                reclassIntsToDoubles(in, res);
                return Tiles.fromDoubleLane(out, tile.cols(), tile.rows(), res);
            }
            // reuse the input lane: each cell is read before it is written
            reclassIntsToInts(in, in);
            return Tiles.fromIntLane(out, tile.cols(), tile.rows(), in);
        }
        double[] in = tile.toDoubleLane();
        if (out.isFloatingPoint()) {
            reclassDoubles(in, in);
            return Tiles.fromDoubleLane(out, tile.cols(), tile.rows(), in);
        }
        int[] res = new int[n];
        reclassDoublesToInts(in, res);
        return Tiles.fromIntLane(out, tile.cols(), tile.rows(), res);
    }

    private static int toInt(double t) {
        return Double.isNaN(t) ? NoData.INT : (int) t;
    }

    /** Int lane in, int lane out; {@code dst} may be {@code src}. */
    void reclassIntsToInts(int[] src, int[] dst) {
        int nd = toInt(map.noDataTarget());
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : src) {
            if (v != NoData.INT) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min <= max && (long) max - min < LUT_MAX && (long) max - min < src.length) {
            int[] lut = new int[max - min + 1];
            for (int k = 0; k < lut.length; k++) {
                lut[k] = toInt(map.apply((double) min + k));
            }
            for (int i = 0; i < src.length; i++) {
                int v = src[i];
                dst[i] = v == NoData.INT ? nd : lut[v - min];
            }
            return;
        }
        for (int i = 0; i < src.length; i++) {
            int v = src[i];
            dst[i] = v == NoData.INT ? nd : toInt(map.apply(v));
        }
    }

    private void reclassIntsToDoubles(int[] src, double[] dst) {
        double nd = map.noDataTarget();
        for (int i = 0; i < src.length; i++) {
            int v = src[i];
            dst[i] = v == NoData.INT ? nd : map.apply(v);
        }
    }

    private void reclassDoubles(double[] src, double[] dst) {
        double nd = map.noDataTarget();
        for (int i = 0; i < src.length; i++) {
            double v = src[i];
            dst[i] = Double.isNaN(v) ? nd : map.apply(v);
        }
    }

    private void reclassDoublesToInts(double[] src, int[] dst) {
        int nd = toInt(map.noDataTarget());
        for (int i = 0; i < src.length; i++) {
            double v = src[i];
            dst[i] = Double.isNaN(v) ? nd : toInt(map.apply(v));
        }
    }
}
