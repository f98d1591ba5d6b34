package io.rastermill.core.local;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;

/**
 * Cell-by-cell arithmetic ({@code + - * / // % pow}, negation, absolute value) of two tiles, or a tile
 * and a number, following GeoTrellis's local ops.
 *
 * <p><b>NoData:</b> NoData in either operand gives NoData, for every op ({@code pow(NoData, 0)} is
 * NoData, unlike {@link Math#pow}).
 *
 * <p><b>Result type and lane:</b> with two tiles, the union of their cell types (GeoTrellis's
 * {@code union}: the wider type, floating point on equal width), computed in the int lane if that is
 * integral, else in the double lane — chosen once per tile. With a number, the tile's type if the
 * number is whole (and the tile integral), otherwise the tile's type if it is floating point, else
 * float64. <em>Divergence from GeoTrellis:</em> GeoTrellis keeps an int tile's type for
 * {@code tile + 1.5} and truncates the number; here the result is promoted to float64.
 *
 * <p><b>Division:</b> {@link #DIVIDE} on integral results is integer division truncating toward
 * zero (as GeoTrellis and Java); {@link #FLOOR_DIVIDE} rounds toward negative infinity (Python's
 * {@code //}); {@link #MOD} is the remainder with the sign of the dividend (Java/C {@code %}, not
 * numpy's {@code mod}). <b>Division or remainder by zero gives NoData</b> in both lanes.
 *
 * <p><b>Integer overflow:</b> the int lane wraps (two's complement Java int arithmetic); the result is
 * then stored into the result cell type by its narrowing rule (a JVM cast, which wraps again for
 * 8- and 16-bit types). A wrapped value equal to the type's NoData reads back as NoData, as in
 * GeoTrellis. {@link #POW} in the int lane is {@code (int) Math.pow(a, b)}: it truncates toward
 * zero and saturates at the int range (so {@code pow(2, -1) == 0}).
 *
 * <p><b>Raw types</b> have no NoData: a NoData result (division by zero) in a raw result type is
 * stored as 0 (integral) or NaN, as in GeoTrellis; convert to a type with NoData first when it matters.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** Selects one of the binary kernels below. */
    public enum Op {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE,
        FLOOR_DIVIDE,
        MOD,
        POW
    }

    // ------------------------------------------------------------------ the ops

    public static final LocalOp ADD =
            binary("add", Op.ADD, "a + b (the int lane wraps)").withSymbol("+");
    public static final LocalOp SUBTRACT =
            binary("subtract", Op.SUBTRACT, "a - b (the int lane wraps)").withSymbol("-");
    public static final LocalOp MULTIPLY =
            binary("multiply", Op.MULTIPLY, "a * b (the int lane wraps)").withSymbol("*");
    public static final LocalOp DIVIDE = binary(
            "divide",
            Op.DIVIDE,
            "a / b in the operands' type: integer division truncating toward zero for integral ones (GeoTrellis);"
                    + " by zero: NoData");
    public static final LocalOp FLOOR_DIVIDE = binary(
                    "floorDivide",
                    Op.FLOOR_DIVIDE,
                    "a / b rounded toward negative infinity (Python's //); by zero: NoData")
            .withSymbol("//");
    public static final LocalOp MOD = binary(
                    "mod", Op.MOD, "remainder of a / b with the sign of a (Java's %); by zero: NoData")
            .withSymbol("%");
    public static final LocalOp POW = binary(
            "pow",
            Op.POW,
            "a to the power b in the operands' type: integral ones give Math.pow truncated toward zero, saturated");
    public static final LocalOp TRUE_DIVIDE = LocalOp.floating(
                    "trueDivide",
                    2,
                    (in, out, n) -> apply(Op.DIVIDE, in[0], in[1], out, n),
                    "a / b as a floating point number (Python 3's /); by zero: NoData")
            .withSymbol("/")
            .withIntsToDouble((in, out, n) -> divideToDouble(in[0], in[1], out, n));
    public static final LocalOp FLOAT_POWER = LocalOp.floating(
                    "floatPower",
                    2,
                    (in, out, n) -> apply(Op.POW, in[0], in[1], out, n),
                    "a to the power b as a floating point number")
            .withSymbol("**");
    public static final LocalOp NEGATE = LocalOp.union(
                    "negate",
                    1,
                    (in, out, n) -> negate(in[0], out, n),
                    (in, out, n) -> negate(in[0], out, n),
                    "-a in a's type (the int lane wraps)")
            .withSymbol("-");
    public static final LocalOp ABS = LocalOp.union(
            "abs", 1, (in, out, n) -> abs(in[0], out, n), (in, out, n) -> abs(in[0], out, n), "|a| in a's type");
    public static final LocalOp NORMALIZED_DIFFERENCE = LocalOp.of(
                    "normalizedDifference",
                    2,
                    LocalOp.Typing.FLOAT32,
                    null,
                    (in, out, n) -> normalizedDifference(in[0], in[1], out, n),
                    "(a - b) / (a + b) as float32, NoData where a + b is 0; NDVI is normalizedDifference(nir, red)")
            .withAliases("nd");

    private static LocalOp binary(String name, Op op, String doc) {
        return LocalOp.union(
                name,
                2,
                (in, out, n) -> apply(op, in[0], in[1], out, n),
                (in, out, n) -> apply(op, in[0], in[1], out, n),
                doc);
    }

    // ------------------------------------------------------------------ lane kernels

    /** {@code out[i] = a[i] op b[i]} for {@code i < n} in the int lane; {@code out} may alias an input. */
    public static void apply(Op op, int[] a, int[] b, int[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x + y;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x - y;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : x * y;
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd || y == 0 ? nd : x / y;
                }
            }
            case FLOOR_DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd || y == 0 ? nd : Math.floorDiv(x, y);
                }
            }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd || y == 0 ? nd : x % y;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    int x = a[i], y = b[i];
                    out[i] = x == nd || y == nd ? nd : NoData.d2i(Math.pow(x, y));
                }
            }
        }
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n} in the double lane; {@code out} may alias an input. */
    public static void apply(Op op, double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        switch (op) {
            // NaN propagates through + - * by IEEE rules.
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    double y = b[i];
                    out[i] = y == 0 ? Double.NaN : a[i] / y;
                }
            }
            case FLOOR_DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    double y = b[i];
                    out[i] = y == 0 ? Double.NaN : Math.floor(a[i] / y);
                }
            }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    double y = b[i];
                    out[i] = y == 0 ? Double.NaN : a[i] % y;
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i], y = b[i];
                    out[i] = Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.pow(x, y);
                }
            }
        }
    }

    /**
     * True division of two int lanes into a double lane, {@code out[i] = (double) a[i] / b[i]}: NaN where
     * either is NoData or {@code b[i] == 0}. The same as widening both lanes and dividing, in one pass.
     */
    public static void divideToDouble(int[] a, int[] b, double[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        final int nd = NoData.INT;
        for (int i = 0; i < n; i++) {
            int x = a[i], y = b[i];
            out[i] = x == nd || y == nd || y == 0 ? Double.NaN : (double) x / y;
        }
    }

    /** {@code out[i] = -a[i]} in the int lane (NoData stays NoData; wraps like Java). */
    public static void negate(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x == NoData.INT ? x : -x;
        }
    }

    public static void negate(double[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = -a[i];
        }
    }

    public static void abs(int[] a, int[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            int x = a[i];
            out[i] = x < 0 && x != NoData.INT ? -x : x;
        }
    }

    public static void abs(double[] a, double[] out, int n) {
        Operands.requireLength(n, a.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(a[i]);
        }
    }

    // ------------------------------------------------------------------ tiles

    /** {@code -tile} in the tile's own type (int lane wraps; a wrapped value may land on NoData). */
    public static Tile negate(Tile t) {
        return NEGATE.apply(t);
    }

    /** {@code |tile|} in the tile's own type; NoData stays NoData. */
    public static Tile abs(Tile t) {
        return ABS.apply(t);
    }

    /**
     * {@code (a - b) / (a + b)} in the double lane into float32 (NaN NoData): NoData in either input,
     * or {@code a + b == 0}, gives NoData. The usual NDVI is {@code normalizedDifference(nir, red)}.
     */
    public static Tile normalizedDifference(Tile a, Tile b) {
        return NORMALIZED_DIFFERENCE.apply(a, b);
    }

    /** {@code out[i] = (a[i] - b[i]) / (a[i] + b[i])}, NaN where either is NaN or the sum is 0. */
    public static void normalizedDifference(double[] a, double[] b, double[] out, int n) {
        Operands.requireLength(n, a.length, b.length, out.length);
        for (int i = 0; i < n; i++) {
            double x = a[i], y = b[i];
            double s = x + y;
            out[i] = s == 0 ? Double.NaN : (x - y) / s;
        }
    }
}
