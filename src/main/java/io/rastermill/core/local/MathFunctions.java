package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Mathematical functions of each cell: {@code sqrt, exp, log, log10, sin, cos, tan, asin, acos, atan,
 * floor, ceil, round}, and {@link #atan2}. Computed in the double lane with {@link Math}.
 *
 * <p><b>NoData:</b> NoData in gives NoData; an argument outside the domain ({@code sqrt(-1)},
 * {@code log(-1)}) gives NaN, which is NoData. Infinities are values, not NoData:
 * {@code log(0) = -Infinity} is stored as such in floating point types (and as NoData in an integral
 * type, since {@code (int) -Infinity} is {@link Integer#MIN_VALUE}).
 *
 * <p><b>Type:</b> a floating point tile keeps its type (float32 stays float32, as in GeoTrellis). An
 * integral tile gives float64 — <em>divergence from GeoTrellis</em>, which truncates {@code sqrt} of
 * an int tile back to int. {@code floor, ceil, round} keep the tile's type (on integral tiles they are
 * the identity). {@code round} rounds half to even ({@link Math#rint}, numpy's {@code round}).
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    public enum Fn {
        SQRT, EXP, LOG, LOG10, SIN, COS, TAN, ASIN, ACOS, ATAN, FLOOR, CEIL, ROUND;

        /** Whether the function maps whole numbers to themselves (so integral tiles keep their type). */
        public boolean keepsIntegers() {
            return this == FLOOR || this == CEIL || this == ROUND;
        }
    }

    /** {@code out[i] = fn(a[i])}; NaN stays NaN; {@code out} may alias {@code a}. */
    public static void apply(Fn fn, double[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        switch (fn) {
            case SQRT -> { for (int i = 0; i < n; i++) { out[i] = Math.sqrt(a[i]); } }
            case EXP -> { for (int i = 0; i < n; i++) { out[i] = Math.exp(a[i]); } }
            case LOG -> { for (int i = 0; i < n; i++) { out[i] = Math.log(a[i]); } }
            case LOG10 -> { for (int i = 0; i < n; i++) { out[i] = Math.log10(a[i]); } }
            case SIN -> { for (int i = 0; i < n; i++) { out[i] = Math.sin(a[i]); } }
            case COS -> { for (int i = 0; i < n; i++) { out[i] = Math.cos(a[i]); } }
            case TAN -> { for (int i = 0; i < n; i++) { out[i] = Math.tan(a[i]); } }
            case ASIN -> { for (int i = 0; i < n; i++) { out[i] = Math.asin(a[i]); } }
            case ACOS -> { for (int i = 0; i < n; i++) { out[i] = Math.acos(a[i]); } }
            case ATAN -> { for (int i = 0; i < n; i++) { out[i] = Math.atan(a[i]); } }
            case FLOOR -> { for (int i = 0; i < n; i++) { out[i] = Math.floor(a[i]); } }
            case CEIL -> { for (int i = 0; i < n; i++) { out[i] = Math.ceil(a[i]); } }
            case ROUND -> { for (int i = 0; i < n; i++) { out[i] = Math.rint(a[i]); } }
        }
    }

    /** {@code out[i] = atan2(y[i], x[i])} in radians; NaN in either gives NaN. */
    public static void atan2(double[] y, double[] x, double[] out, int n) {
        Operands.requireLength(n, y.length, x.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = Math.atan2(y[i], x[i]);
        }
    }

    public static Tile apply(Fn fn, Tile t) {
        if (fn.keepsIntegers() && !t.cellType().isFloatingPoint()) {
            return t;
        }
        CellType ct = t.cellType().isFloatingPoint() ? t.cellType() : CellType.FLOAT64;
        double[] x = t.toDoubleLane();
        apply(fn, x, x, x.length);
        return ArrayTile.fromDoubleLane(ct, t.cols(), t.rows(), x);
    }

    /** {@code atan2(y, x)} cell by cell; float64 unless both are float32. */
    public static Tile atan2(Tile y, Tile x) {
        Operands.requireSameDimensions(y, x);
        CellType u = y.cellType().union(x.cellType());
        CellType ct = u.isFloatingPoint() ? u : CellType.FLOAT64;
        double[] a = y.toDoubleLane();
        atan2(a, x.toDoubleLane(), a, a.length);
        return ArrayTile.fromDoubleLane(ct, y.cols(), y.rows(), a);
    }
}
