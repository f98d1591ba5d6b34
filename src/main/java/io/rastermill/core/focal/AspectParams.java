package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Objects;

/**
 * Aspect options (gdaldem aspect). Default output is the compass azimuth of the downslope
 * direction, clockwise from north in [0, 360); {@code trigonometric} gives the angle
 * counter-clockwise from east; flat cells are NoData unless {@code zeroForFlat}. The GEOTRELLIS
 * convention is Horn with the cell size, flat = -1, and ignores the other flags.
 */
public record AspectParams(
        Convention convention, GradientAlg alg, boolean trigonometric, boolean zeroForFlat, boolean computeEdges)
        implements Serializable {

    public static final AspectParams GDALDEM =
            new AspectParams(Convention.GDALDEM, GradientAlg.HORN, false, false, false);
    public static final AspectParams GEOTRELLIS =
            new AspectParams(Convention.GEOTRELLIS, GradientAlg.HORN, false, false, false);

    public AspectParams {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(alg, "alg");
        if (convention == Convention.GEOTRELLIS && (alg != GradientAlg.HORN || trigonometric || zeroForFlat)) {
            throw new IllegalArgumentException("GeoTrellis aspect is Horn, azimuth, flat = -1 only");
        }
    }

    public AspectParams withAlg(GradientAlg a) {
        return new AspectParams(convention, a, trigonometric, zeroForFlat, computeEdges);
    }

    public AspectParams withTrigonometric(boolean t) {
        return new AspectParams(convention, alg, t, zeroForFlat, computeEdges);
    }

    public AspectParams withZeroForFlat(boolean z) {
        return new AspectParams(convention, alg, trigonometric, z, computeEdges);
    }

    public AspectParams withComputeEdges(boolean e) {
        return new AspectParams(convention, alg, trigonometric, zeroForFlat, e);
    }
}
