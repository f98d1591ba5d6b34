package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.OptionalDouble;

/**
 * NoData tests and masks: {@code isNoData}/{@code isData}, {@code mask}/{@code inverseMask} by a mask
 * tile, {@code setNoData} by a value (or a tile of values) of the tile itself — these are catalog ops —
 * and the shortcuts {@code maskValue}/{@code inverseMaskValue} by a value of a mask tile (GeoTrellis's
 * {@code localMask}/{@code localInverseMask}), {@code maskValues} by several values, and
 * {@code withNoData}, which reinterprets the stored samples.
 *
 * <p><b>NoData:</b> these are the ops that read NoData as information. {@code isNoData}/{@code isData}
 * never give NoData (results 0/1 in {@code uint8ud255}). The masks and {@code setNoData} give NoData
 * where they say so and otherwise the tile's cell, NoData included; they keep the tile's cell type if it
 * has NoData. A raw type cannot hold NoData, so its result is widened to the smallest type that holds
 * every value and NoData: bool to {@code uint8ud255}, (u)int8 raw to int16, (u)int16 raw to int32, int32
 * raw to int32, float raw to the same float type with NaN.
 */
public final class Masking {
    public static final CellType RESULT = Operands.BOOLEAN;

    private Masking() {}

    public static final LocalOp IS_NODATA = LocalOp.test(
                    "isNoData",
                    1,
                    (in, out, n) -> isNoData(in[0], out, n, false),
                    (in, out, n) -> isNoData(in[0], out, n, false),
                    "1 where a is NoData, else 0")
            .withNoData(LocalOp.NoDataRule.NEVER);
    public static final LocalOp IS_DATA = LocalOp.test(
                    "isData",
                    1,
                    (in, out, n) -> isNoData(in[0], out, n, true),
                    (in, out, n) -> isNoData(in[0], out, n, true),
                    "1 where a holds data, else 0")
            .withNoData(LocalOp.NoDataRule.NEVER);

    public static final LocalOp MASK = maskOp("mask", false, "a where m holds data, NoData where m is NoData");
    public static final LocalOp INVERSE_MASK =
            maskOp("inverseMask", true, "a where m is NoData, NoData where m holds data");
    public static final LocalOp SET_NO_DATA = LocalOp.of(
                    "setNoData",
                    2,
                    LocalOp.Typing.FIRST,
                    (in, out, n) -> setNoData(in[0], in[1], out, n),
                    (in, out, n) -> setNoData(in[0], in[1], out, n),
                    "NoData where a == v, else a")
            .withParams("a", "v");

    private static LocalOp maskOp(String name, boolean inverse, String doc) {
        return LocalOp.mask(
                        name,
                        (in, out, n) -> mask(in[0], in[1], out, n, inverse),
                        (in, out, n) -> mask(in[0], in[1], out, n, inverse),
                        (in, out, n) -> noDataOf(in[0], out, n),
                        doc)
                .withParams("a", "m");
    }

    /**
     * A floating point mask in the int lane: NoData where it is NaN, else 0. Only its NoData matters to a
     * mask, and a cast could turn a value past the int range into NoData.
     */
    public static void noDataOf(double[] m, int[] out, int n) {
        Operands.requireLength(n, m.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = m[i];
            out[i] = x != x ? NoData.INT : 0;
        }
    }

    /** {@code out[i] = 1} where {@code a[i]} is NoData, else 0 ({@code negate} swaps them: isData). */
    public static void isNoData(int[] a, int[] out, int n, boolean negate) {
        Operands.requireLength(n, a.length, out.length);
        int yes = negate ? 0 : 1;
        int no = 1 - yes;
        for (int i = 0; i < n; i++) {
            out[i] = a[i] == NoData.INT ? yes : no;
        }
    }

    public static void isNoData(double[] a, int[] out, int n, boolean negate) {
        Operands.requireLength(n, a.length, out.length);
        int yes = negate ? 0 : 1;
        int no = 1 - yes;
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x != x ? yes : no;
        }
    }

    /** 1 where the cell is NoData, 0 elsewhere; never NoData. */
    public static Tile isNoData(Tile t) {
        return IS_NODATA.apply(t);
    }

    /** 1 where the cell holds data, 0 where it is NoData; never NoData. */
    public static Tile isData(Tile t) {
        return IS_DATA.apply(t);
    }

    /** {@code out[i] = a[i]} where {@code m[i]} holds data ({@code inverse}: where it is NoData), else NoData. */
    public static void mask(int[] a, int[] m, int[] out, int n, boolean inverse) {
        Operands.requireLength(n, a.length, m.length, out.length);
        final int nd = NoData.INT;
        if (inverse) {
            for (int i = 0; i < n; i++) {
                out[i] = m[i] == nd ? a[i] : nd;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = m[i] != nd ? a[i] : nd;
            }
        }
    }

    public static void mask(double[] a, double[] m, double[] out, int n, boolean inverse) {
        Operands.requireLength(n, a.length, m.length, out.length);
        if (inverse) {
            for (int i = 0; i < n; i++) {
                double x = m[i];
                out[i] = x != x ? a[i] : Double.NaN;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double x = m[i];
                out[i] = x == x ? a[i] : Double.NaN;
            }
        }
    }

    /** {@code out[i]} NoData where {@code a[i] == v[i]} or {@code v[i]} is NoData, else {@code a[i]}. */
    public static void setNoData(int[] a, int[] v, int[] out, int n) {
        Operands.requireLength(n, a.length, v.length, out.length);
        final int nd = NoData.INT;
        for (int i = 0; i < n; i++) {
            int x = a[i], y = v[i];
            out[i] = x == y || y == nd ? nd : x;
        }
    }

    public static void setNoData(double[] a, double[] v, double[] out, int n) {
        Operands.requireLength(n, a.length, v.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i], y = v[i];
            out[i] = x == y || y != y ? Double.NaN : x;
        }
    }

    /** {@code t}'s cells where {@code mask} holds data, NoData where {@code mask} is NoData. */
    public static Tile mask(Tile t, Tile mask) {
        return MASK.apply(t, mask);
    }

    /** {@code t}'s cells where {@code mask} is NoData, NoData where {@code mask} holds data. */
    public static Tile inverseMask(Tile t, Tile mask) {
        return INVERSE_MASK.apply(t, mask);
    }

    /**
     * GeoTrellis's {@code localMask(mask, readMask, NODATA)}: NoData where {@code mask}'s cell equals
     * {@code value} (compared in the double lane), {@code t}'s cell elsewhere.
     */
    public static Tile maskValue(Tile t, Tile mask, double value) {
        Operands.requireSameDimensions(t, mask);
        return keep(t, Comparison.NOT_EQUAL.apply(mask, value).toIntLane());
    }

    /** GeoTrellis's {@code localInverseMask}: {@code t}'s cell only where {@code mask}'s cell equals {@code value}. */
    public static Tile inverseMaskValue(Tile t, Tile mask, double value) {
        Operands.requireSameDimensions(t, mask);
        return keep(t, Comparison.EQUAL.apply(mask, value).toIntLane());
    }

    /** NoData where {@code t}'s own cell equals any of {@code values}; the cell type is kept (widened if raw). */
    public static Tile maskValues(Tile t, double... values) {
        int n = t.size();
        CellType ct = withRoomForNoData(t.cellType());
        if (t.cellType().isFloatingPoint()) {
            double[] x = t.toDoubleLane();
            for (int i = 0; i < n; i++) {
                double v = x[i];
                for (double m : values) {
                    if (v == m) {
                        x[i] = Double.NaN;
                        break;
                    }
                }
            }
            return ArrayTile.fromDoubleLane(ct, t.cols(), t.rows(), x);
        }
        int[] x = t.toIntLane();
        for (double m : values) {
            if (!Operands.fitsIntLane(m)) {
                continue; // an integral cell never equals a fractional value
            }
            int iv = (int) m;
            for (int i = 0; i < n; i++) {
                if (x[i] == iv) {
                    x[i] = NoData.INT;
                }
            }
        }
        return ArrayTile.fromIntLane(ct, t.cols(), t.rows(), x);
    }

    /**
     * NoData where {@code t}'s cell equals {@code value}, else the cell (NoData stays NoData); the cell type is
     * kept (widened if raw). The catalog's {@code setNoData} with a number.
     */
    public static Tile setNoData(Tile t, double value) {
        return SET_NO_DATA.apply(t, value);
    }

    /**
     * The same stored samples with {@code noData} as the NoData value (GeoTrellis's
     * {@code withNoData}): cells holding that value become NoData; cells that were NoData under the
     * old value become data again (the stored samples are not changed). For a value the data type
     * cannot hold, use {@link #maskValues} or convert first.
     */
    public static Tile withNoData(Tile t, double noData) {
        return t.interpretAs(t.cellType().withNoData(OptionalDouble.of(noData)));
    }

    /** {@code ct} if it has NoData, else the widened type described above. */
    static CellType withRoomForNoData(CellType ct) {
        if (ct.hasNoData()) {
            return ct;
        }
        return switch (ct.dataType()) {
            case BIT -> Operands.BOOLEAN;
            case INT8, UINT8 -> CellType.INT16;
            case INT16, UINT16, INT32 -> CellType.INT32;
            case FLOAT32 -> CellType.FLOAT32;
            case FLOAT64 -> CellType.FLOAT64;
        };
    }

    /** {@code t}'s cells where {@code keep} is 1; NoData where it is 0 or NoData. */
    private static Tile keep(Tile t, int[] keep) {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (keep[i] == NoData.INT) {
                keep[i] = 0;
            }
        }
        CellType ct = withRoomForNoData(t.cellType());
        if (t.cellType().isFloatingPoint()) {
            double[] x = t.toDoubleLane();
            Conditional.where(keep, x, Operands.constant(n, Double.NaN), x, n);
            return ArrayTile.fromDoubleLane(ct, t.cols(), t.rows(), x);
        }
        int[] x = t.toIntLane();
        Conditional.where(keep, x, Operands.constant(n, NoData.INT), x, n);
        return ArrayTile.fromIntLane(ct, t.cols(), t.rows(), x);
    }
}
