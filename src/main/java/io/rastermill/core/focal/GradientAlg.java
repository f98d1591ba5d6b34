package io.rastermill.core.focal;

/** How the surface gradient is estimated from the 3×3 window (gdaldem {@code -alg}). */
public enum GradientAlg {
    /** Horn (1981): weighted 3×3 differences; gdaldem's default and GeoTrellis' only method. */
    HORN,
    /** Zevenbergen &amp; Thorne (1987): the four edge neighbours only; smoother terrain. */
    ZEVENBERGEN_THORNE
}
