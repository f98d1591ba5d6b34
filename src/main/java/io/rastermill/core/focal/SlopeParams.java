package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Objects;

/**
 * Slope options (gdaldem slope). {@code zFactor} multiplies elevations ({@code -z}); {@code scale}
 * is the ratio of horizontal to vertical units ({@code -s}, e.g. 111120 for degrees vs metres);
 * {@code percent} gives 100·tan instead of degrees ({@code -p}); {@code computeEdges} is
 * {@code -compute_edges}. The GEOTRELLIS convention supports only Horn, degrees and scale 1
 * (zFactor is applied as GeoTrellis does) and ignores computeEdges.
 */
public record SlopeParams(
        Convention convention, GradientAlg alg, boolean percent, double zFactor, double scale, boolean computeEdges)
        implements Serializable {

    public static final SlopeParams GDALDEM = new SlopeParams(Convention.GDALDEM, GradientAlg.HORN, false, 1, 1, false);
    public static final SlopeParams GEOTRELLIS =
            new SlopeParams(Convention.GEOTRELLIS, GradientAlg.HORN, false, 1, 1, false);

    public SlopeParams {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(alg, "alg");
        if (!(scale > 0) || !Double.isFinite(zFactor)) {
            throw new IllegalArgumentException(
                    "slope needs scale > 0 and a finite zFactor, got scale=" + scale + " zFactor=" + zFactor);
        }
        if (convention == Convention.GEOTRELLIS && (alg != GradientAlg.HORN || percent || scale != 1)) {
            throw new IllegalArgumentException("GeoTrellis slope is Horn, degrees, scale 1 only");
        }
    }

    public SlopeParams withAlg(GradientAlg a) {
        return new SlopeParams(convention, a, percent, zFactor, scale, computeEdges);
    }

    public SlopeParams withPercent(boolean p) {
        return new SlopeParams(convention, alg, p, zFactor, scale, computeEdges);
    }

    public SlopeParams withZFactor(double z) {
        return new SlopeParams(convention, alg, percent, z, scale, computeEdges);
    }

    public SlopeParams withScale(double s) {
        return new SlopeParams(convention, alg, percent, zFactor, s, computeEdges);
    }

    public SlopeParams withComputeEdges(boolean e) {
        return new SlopeParams(convention, alg, percent, zFactor, scale, e);
    }
}
