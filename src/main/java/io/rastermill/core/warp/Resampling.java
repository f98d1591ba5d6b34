package io.rastermill.core.warp;

import java.util.Locale;

/**
 * How a warped cell gets its value from the source cells, with the meanings of gdalwarp's {@code -r}.
 *
 * <p>Interpolating methods ({@link #isInterpolating()}) sample the source at the target cell's centre with a
 * separable kernel of {@link #radius()} source cells, widened when the target is coarser than the source.
 * Aggregating methods ({@link #isAggregating()}) reduce every source cell the target cell's footprint covers;
 * {@code average}, {@code sum} and {@code rms} weight border cells by the fraction covered.
 */
public enum Resampling {
    NEAREST("near", 0),
    BILINEAR("bilinear", 1),
    /** Keys' cubic convolution, a = -0.5 (Catmull-Rom). */
    CUBIC("cubic", 2),
    /** The cubic B-spline (smoothing, not interpolating). */
    CUBIC_SPLINE("cubicspline", 2),
    /** Lanczos windowed sinc, radius 3. */
    LANCZOS("lanczos", 3),
    AVERAGE("average", -1),
    MODE("mode", -1),
    MIN("min", -1),
    MAX("max", -1),
    MED("med", -1),
    Q1("q1", -1),
    Q3("q3", -1),
    SUM("sum", -1),
    RMS("rms", -1);

    private final String gdalName;
    private final int radius;

    Resampling(String gdalName, int radius) {
        this.gdalName = gdalName;
        this.radius = radius;
    }

    /** gdalwarp's name: {@code near}, {@code bilinear}, ..., {@code rms}. */
    public String gdalName() {
        return gdalName;
    }

    /** Kernel radius in source cells at full resolution (0 for nearest); aggregating methods have none. */
    public int radius() {
        if (radius < 0) {
            throw new IllegalStateException(gdalName + " aggregates a footprint and has no kernel radius");
        }
        return radius;
    }

    public boolean isAggregating() {
        return radius < 0;
    }

    /**
     * The interpolating kernel's weight at distance {@code d} (in kernel units, before any widening).
     *
     * @throws IllegalArgumentException for nearest and the aggregating methods
     */
    public double kernelWeight(double d) {
        return WarpKernel.weight(this, d);
    }

    /** A kernel method other than nearest. */
    public boolean isInterpolating() {
        return radius > 0;
    }

    /**
     * The method named {@code name}: gdalwarp's names, case-insensitive, plus {@code nearest} and
     * {@code cubic_spline}.
     *
     * @throws IllegalArgumentException naming the valid methods
     */
    public static Resampling parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("nearest")) {
            return NEAREST;
        }
        if (n.equals("cubic_spline")) {
            return CUBIC_SPLINE;
        }
        for (Resampling r : values()) {
            if (r.gdalName.equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resampling method '" + name + "': use near, bilinear, cubic,"
                + " cubicspline, lanczos, average, mode, min, max, med, q1, q3, sum or rms");
    }
}
