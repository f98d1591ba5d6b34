package io.rastermill.core.focal;

import java.util.Locale;

/** How the surface gradient is estimated from the 3×3 window (gdaldem {@code -alg}). */
public enum GradientAlg {
    /** Horn (1981): weighted 3×3 differences; gdaldem's default and GeoTrellis' only method. */
    HORN,
    /** Zevenbergen &amp; Thorne (1987): the four edge neighbours only; smoother terrain. */
    ZEVENBERGEN_THORNE;

    /**
     * The algorithm as gdaldem's {@code -alg} names it, case-insensitive: {@code Horn}, {@code ZevenbergenThorne}
     * (also {@code zevenbergen-thorne}, {@code zt}).
     *
     * @throws IllegalArgumentException naming {@code name} and the known names
     */
    public static GradientAlg parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "horn" -> HORN;
            case "zevenbergenthorne", "zevenbergen-thorne", "zt" -> ZEVENBERGEN_THORNE;
            default -> throw new IllegalArgumentException("must be Horn or ZevenbergenThorne, not '" + name + "'");
        };
    }
}
