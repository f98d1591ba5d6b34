package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Hillshade options (gdaldem hillshade): sun {@code azimuth} (degrees clockwise from north,
 * {@code -az}) and {@code altitude} ({@code -alt}), {@code zFactor} ({@code -z}), {@code scale}
 * ({@code -s}), the shading {@link Mode} and {@code computeEdges}. The GEOTRELLIS convention
 * supports Horn, REGULAR and scale 1.
 */
public record HillshadeParams(
        Convention convention,
        GradientAlg alg,
        Mode mode,
        double azimuth,
        double altitude,
        double zFactor,
        double scale,
        boolean computeEdges)
        implements Serializable {

    /** gdaldem's shading variants. */
    public enum Mode {
        /** One light source. */
        REGULAR,
        /** {@code -combined}: oblique shading darkened by slope. */
        COMBINED,
        /** {@code -multidirectional}: four lights at 225, 270, 315, 360° weighted by aspect; azimuth unused. */
        MULTIDIRECTIONAL,
        /** {@code -igor}: slope-strength shading by aspect difference to the light; altitude unused. */
        IGOR;

        /**
         * The mode by name, case-insensitive: {@code regular}, {@code combined}, {@code multidirectional} or
         * {@code igor}.
         *
         * @throws IllegalArgumentException naming {@code name} and the known names
         */
        public static Mode parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "regular" -> REGULAR;
                case "combined" -> COMBINED;
                case "multidirectional" -> MULTIDIRECTIONAL;
                case "igor" -> IGOR;
                default ->
                    throw new IllegalArgumentException(
                            "must be regular, combined, multidirectional or igor, not '" + name + "'");
            };
        }

        /**
         * The mode gdaldem's flags select: at most one of {@code -combined}, {@code -multidirectional} and
         * {@code -igor}, none for {@link #REGULAR}.
         *
         * @throws IllegalArgumentException if more than one is set
         */
        public static Mode of(boolean combined, boolean multidirectional, boolean igor) {
            int set = (combined ? 1 : 0) + (multidirectional ? 1 : 0) + (igor ? 1 : 0);
            if (set > 1) {
                throw new IllegalArgumentException("--combined, --multidirectional and --igor exclude each other");
            }
            return combined ? COMBINED : multidirectional ? MULTIDIRECTIONAL : igor ? IGOR : REGULAR;
        }
    }

    public static final HillshadeParams GDALDEM =
            new HillshadeParams(Convention.GDALDEM, GradientAlg.HORN, Mode.REGULAR, 315, 45, 1, 1, false);
    public static final HillshadeParams GEOTRELLIS =
            new HillshadeParams(Convention.GEOTRELLIS, GradientAlg.HORN, Mode.REGULAR, 315, 45, 1, 1, false);

    public HillshadeParams {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(mode, "mode");
        if (!(scale > 0) || !Double.isFinite(zFactor) || !Double.isFinite(azimuth) || !Double.isFinite(altitude)) {
            throw new IllegalArgumentException("hillshade needs scale > 0 and finite azimuth, altitude, zFactor");
        }
        if (convention == Convention.GEOTRELLIS && (alg != GradientAlg.HORN || mode != Mode.REGULAR || scale != 1)) {
            throw new IllegalArgumentException("GeoTrellis hillshade is Horn, regular, scale 1 only");
        }
    }

    public HillshadeParams withAlg(GradientAlg a) {
        return new HillshadeParams(convention, a, mode, azimuth, altitude, zFactor, scale, computeEdges);
    }

    public HillshadeParams withMode(Mode m) {
        return new HillshadeParams(convention, alg, m, azimuth, altitude, zFactor, scale, computeEdges);
    }

    public HillshadeParams withSun(double az, double alt) {
        return new HillshadeParams(convention, alg, mode, az, alt, zFactor, scale, computeEdges);
    }

    public HillshadeParams withZFactor(double z) {
        return new HillshadeParams(convention, alg, mode, azimuth, altitude, z, scale, computeEdges);
    }

    public HillshadeParams withScale(double s) {
        return new HillshadeParams(convention, alg, mode, azimuth, altitude, zFactor, s, computeEdges);
    }

    public HillshadeParams withComputeEdges(boolean e) {
        return new HillshadeParams(convention, alg, mode, azimuth, altitude, zFactor, scale, e);
    }
}
