package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
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
 * <p><b>Division:</b> {@link Op#DIVIDE} on integral results is integer division truncating toward
 * zero (as GeoTrellis and Java); {@link Op#FLOOR_DIVIDE} rounds toward negative infinity (Python's
 * {@code //}); {@link Op#MOD} is the remainder with the sign of the dividend (Java/C {@code %}, not
 * numpy's {@code mod}). <b>Division or remainder by zero gives NoData</b> in both lanes.
 *
 * <p><b>Integer overflow:</b> the int lane wraps (two's complement Java int arithmetic); the result is
 * then stored into the result cell type by its narrowing rule (a JVM cast, which wraps again for
 * 8- and 16-bit types). A wrapped value equal to the type's NoData reads back as NoData, as in
 * GeoTrellis. {@link Op#POW} in the int lane is {@code (int) Math.pow(a, b)}: it truncates toward
 * zero and saturates at the int range (so {@code pow(2, -1) == 0}).
 *
 * <p><b>Raw types</b> have no NoData: a NoData result (division by zero) in a raw result type is
 * stored as 0 (integral) or NaN, as in GeoTrellis; convert to a type with NoData first when it matters.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public enum Op {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, FLOOR_DIVIDE, MOD, POW;

        /** One pair of int-lane values (for single cells; the bulk kernels below do whole lanes). */
        public int apply(int a, int b) {
            if (a == NoData.INT || b == NoData.INT) {
                return NoData.INT;
            }
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? NoData.INT : a / b;
                case FLOOR_DIVIDE -> b == 0 ? NoData.INT : Math.floorDiv(a, b);
                case MOD -> b == 0 ? NoData.INT : a % b;
                case POW -> NoData.d2i(Math.pow(a, b));
            };
        }

        /** One pair of double-lane values. */
        public double apply(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? Double.NaN : a / b;
                case FLOOR_DIVIDE -> b == 0 ? Double.NaN : Math.floor(a / b);
                case MOD -> b == 0 ? Double.NaN : a % b;
                case POW -> Math.pow(a, b);
            };
        }
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

    /** {@code op} applied cell by cell to two tiles of equal size, into their union cell type. */
    public static Tile apply(Op op, Tile a, Tile b) {
        return Operands.combine(a, b, (x, y, out, n) -> apply(op, x, y, out, n), (x, y, out, n) -> apply(op, x, y, out, n));
    }

    /** {@code op} with a number on the right ({@code tile op value}). */
    public static Tile apply(Op op, Tile a, double value) {
        return withValue(op, a, value, false);
    }

    /** {@code op} with a number on the left ({@code value op tile}). */
    public static Tile apply(Op op, double value, Tile b) {
        return withValue(op, b, value, true);
    }

    private static Tile withValue(Op op, Tile t, double value, boolean valueLeft) {
        int n = t.size();
        if (!t.cellType().isFloatingPoint() && Operands.fitsIntLane(value)) {
            int[] x = t.toIntLane();
            int[] v = Operands.constant(n, (int) value);
            if (valueLeft) {
                apply(op, v, x, x, n);
            } else {
                apply(op, x, v, x, n);
            }
            return ArrayTile.fromIntLane(t.cellType(), t.cols(), t.rows(), x);
        }
        CellType ct = t.cellType().isFloatingPoint() ? t.cellType() : CellType.FLOAT64;
        double[] x = t.toDoubleLane();
        double[] v = Operands.constant(n, value);
        if (valueLeft) {
            apply(op, v, x, x, n);
        } else {
            apply(op, x, v, x, n);
        }
        return ArrayTile.fromDoubleLane(ct, t.cols(), t.rows(), x);
    }

    /** {@code -tile} in the tile's own type (int lane wraps; a wrapped value may land on NoData). */
    public static Tile negate(Tile t) {
        if (t.cellType().isFloatingPoint()) {
            double[] x = t.toDoubleLane();
            negate(x, x, x.length);
            return ArrayTile.fromDoubleLane(t.cellType(), t.cols(), t.rows(), x);
        }
        int[] x = t.toIntLane();
        negate(x, x, x.length);
        return ArrayTile.fromIntLane(t.cellType(), t.cols(), t.rows(), x);
    }

    /** {@code |tile|} in the tile's own type; NoData stays NoData. */
    public static Tile abs(Tile t) {
        if (t.cellType().isFloatingPoint()) {
            double[] x = t.toDoubleLane();
            abs(x, x, x.length);
            return ArrayTile.fromDoubleLane(t.cellType(), t.cols(), t.rows(), x);
        }
        int[] x = t.toIntLane();
        abs(x, x, x.length);
        return ArrayTile.fromIntLane(t.cellType(), t.cols(), t.rows(), x);
    }

    /**
     * {@code (a - b) / (a + b)} in the double lane into float32 (NaN NoData): NoData in either input,
     * or {@code a + b == 0}, gives NoData. The usual NDVI is {@code normalizedDifference(nir, red)}.
     */
    public static Tile normalizedDifference(Tile a, Tile b) {
        Operands.requireSameDimensions(a, b);
        double[] x = a.toDoubleLane();
        normalizedDifference(x, b.toDoubleLane(), x, x.length);
        return ArrayTile.fromDoubleLane(CellType.FLOAT32, a.cols(), a.rows(), x);
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
