package io.rastermill.core.local;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Mathematical functions of each cell: {@code sqrt, exp, log, log10, sin, cos, tan, asin, acos, atan,
 * floor, ceil, round}, {@link #atan2}, {@link #hypot} and {@link #SIGN}. Computed in the double lane with
 * {@link Math}, except {@code sign} of an integral tile, which stays in the int lane.
 *
 * <p><b>NoData:</b> NoData in gives NoData; an argument outside the domain ({@code sqrt(-1)},
 * {@code log(-1)}) gives NaN, which is NoData. Infinities are values, not NoData:
 * {@code log(0) = -Infinity} is stored as such in floating point types (and as NoData in an integral
 * type, since {@code (int) -Infinity} is {@link Integer#MIN_VALUE}).
 *
 * <p><b>Type:</b> a floating point tile keeps its type (float32 stays float32, as in GeoTrellis). An
 * integral tile gives float64 — <em>divergence from GeoTrellis</em>, which truncates {@code sqrt} of
 * an int tile back to int. {@code floor, ceil, round} keep the tile's type (on integral tiles they are
 * the identity), and so does {@code sign}. {@code round} rounds half to even ({@link Math#rint}, numpy's
 * {@code round}).
 */
public final class MathFunctions {
    private MathFunctions() {}

    /** Selects one of the one-argument kernels below. */
    public enum Fn {
        SQRT,
        EXP,
        LOG,
        LOG10,
        SIN,
        COS,
        TAN,
        ASIN,
        ACOS,
        ATAN,
        FLOOR,
        CEIL,
        ROUND
    }

    public static final LocalOp SQRT = fn("sqrt", Fn.SQRT, "square root");
    public static final LocalOp EXP = fn("exp", Fn.EXP, "e to the power a");
    public static final LocalOp LOG = fn("log", Fn.LOG, "natural logarithm");
    public static final LocalOp LOG10 = fn("log10", Fn.LOG10, "base-10 logarithm");
    public static final LocalOp SIN = fn("sin", Fn.SIN, "sine of radians");
    public static final LocalOp COS = fn("cos", Fn.COS, "cosine of radians");
    public static final LocalOp TAN = fn("tan", Fn.TAN, "tangent of radians");
    public static final LocalOp ASIN = fn("asin", Fn.ASIN, "arc sine in radians");
    public static final LocalOp ACOS = fn("acos", Fn.ACOS, "arc cosine in radians");
    public static final LocalOp ATAN = fn("atan", Fn.ATAN, "arc tangent in radians");
    public static final LocalOp FLOOR = whole("floor", Fn.FLOOR, "the largest whole number <= a (integers unchanged)");
    public static final LocalOp CEIL = whole("ceil", Fn.CEIL, "the smallest whole number >= a (integers unchanged)");
    public static final LocalOp ROUND = whole("round", Fn.ROUND, "a rounded to the nearest whole number, half to even");
    public static final LocalOp ATAN2 = LocalOp.floating(
            "atan2",
            2,
            (in, out, n) -> atan2(in[0], in[1], out, n),
            "the angle of the point (x = b, y = a) in radians, as Math.atan2(a, b)");
    public static final LocalOp HYPOT = LocalOp.floating(
            "hypot",
            2,
            (in, out, n) -> hypot(in[0], in[1], out, n),
            "sqrt(a² + b²) without intermediate overflow, as Math.hypot");
    public static final LocalOp SIGN = LocalOp.union(
            "sign",
            1,
            (in, out, n) -> sign(in[0], out, n),
            (in, out, n) -> sign(in[0], out, n),
            "-1, 0 or 1 by the sign of a, in a's type (as Math.signum)");

    private static LocalOp fn(String name, Fn fn, String doc) {
        return LocalOp.floating(name, 1, (in, out, n) -> apply(fn, in[0], out, n), doc);
    }

    private static LocalOp whole(String name, Fn fn, String doc) {
        return LocalOp.union(name, 1, LocalOp.INT_IDENTITY, (in, out, n) -> apply(fn, in[0], out, n), doc);
    }

    /** {@code out[i] = fn(a[i])}; NaN stays NaN; {@code out} may alias {@code a}. */
    public static void apply(Fn fn, double[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        switch (fn) {
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.sqrt(a[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.exp(a[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.log(a[i]);
                }
            }
            case LOG10 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.log10(a[i]);
                }
            }
            case SIN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.sin(a[i]);
                }
            }
            case COS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.cos(a[i]);
                }
            }
            case TAN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.tan(a[i]);
                }
            }
            case ASIN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.asin(a[i]);
                }
            }
            case ACOS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.acos(a[i]);
                }
            }
            case ATAN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.atan(a[i]);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.floor(a[i]);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.ceil(a[i]);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.rint(a[i]);
                }
            }
        }
    }

    /** {@code out[i] = atan2(y[i], x[i])} in radians; NaN in either gives NaN. */
    public static void atan2(double[] y, double[] x, double[] out, int n) {
        Operands.requireLength(n, y.length, x.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = Math.atan2(y[i], x[i]);
        }
    }

    /** {@code out[i] = hypot(a[i], b[i])}; NaN in either gives NaN (Math.hypot would give Infinity next to one). */
    public static void hypot(double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i], y = b[i];
            out[i] = x != x || y != y ? Double.NaN : Math.hypot(x, y);
        }
    }

    /** {@code out[i] = signum(a[i])} in the int lane; NoData stays NoData; {@code out} may alias {@code a}. */
    public static void sign(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? x : Integer.signum(x);
        }
    }

    /** {@code out[i] = signum(a[i])}: -1.0, 1.0, or a zero with its own sign; NaN stays NaN. */
    public static void sign(double[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = Math.signum(a[i]);
        }
    }

    /** {@code atan2(y, x)} cell by cell; float64 unless both are float32. */
    public static Tile atan2(Tile y, Tile x) {
        return ATAN2.apply(y, x);
    }
}
