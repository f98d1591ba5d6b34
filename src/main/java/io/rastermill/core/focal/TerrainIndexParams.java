package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of gdaldem's TPI, TRI and roughness (GDALDEM convention only): which {@link Index} and
 * {@code computeEdges}.
 */
public record TerrainIndexParams(Index index, boolean computeEdges) implements Serializable {

    /** The index computed over the 3×3 window. */
    public enum Index {
        /** Topographic Position Index: focal value minus the mean of its 8 neighbours. */
        TPI,
        /** Terrain Ruggedness Index after Riley et al. (1999): √Σ(n − e)²; gdaldem's default since 3.3. */
        TRI_RILEY,
        /** TRI after Wilson et al. (2007), for bathymetry: mean |n − e| over the 8 neighbours. */
        TRI_WILSON,
        /** Roughness: max − min of the 9 cells. */
        ROUGHNESS;

        /**
         * The TRI variant as gdaldem's {@code -alg} names it, case-insensitive: {@code Riley} or {@code Wilson}.
         *
         * @throws IllegalArgumentException naming {@code alg} and the known names
         */
        public static Index tri(String alg) {
            return switch (alg.toLowerCase(Locale.ROOT)) {
                case "riley" -> TRI_RILEY;
                case "wilson" -> TRI_WILSON;
                default -> throw new IllegalArgumentException("must be Riley or Wilson, not '" + alg + "'");
            };
        }
    }

    public TerrainIndexParams {
        Objects.requireNonNull(index, "index");
    }
}
