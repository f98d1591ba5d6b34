package io.rastermill.core.cell;

/**
 * The two lanes every computation runs in, and the conversions between them, exactly as GeoTrellis
 * defines them.
 *
 * <p>The int lane marks NoData with {@link Integer#MIN_VALUE}; the double lane with NaN. Typed tiles
 * translate their own stored NoData into these sentinels on read and back on write, so kernels are
 * written at most twice (int, double) and never test cell types per cell.
 */
public final class NoData {
    /** NoData in the int lane. */
    public static final int INT = Integer.MIN_VALUE;
    /** NoData in the double lane. */
    public static final double DOUBLE = Double.NaN;

    private NoData() {}

    public static boolean isNoData(int v) {
        return v == INT;
    }

    public static boolean isNoData(double v) {
        return Double.isNaN(v);
    }

    public static boolean isData(int v) {
        return v != INT;
    }

    public static boolean isData(double v) {
        return !Double.isNaN(v);
    }

    /** Int lane to double lane: NoData becomes NaN, any other value is widened. */
    public static double i2d(int v) {
        return v == INT ? Double.NaN : v;
    }

    /**
     * Double lane to int lane: NaN becomes NoData; anything else is the JVM cast, which truncates
     * toward zero and saturates, so {@code -Infinity} also becomes NoData (as in GeoTrellis).
     */
    public static int d2i(double v) {
        return Double.isNaN(v) ? INT : (int) v;
    }
}
