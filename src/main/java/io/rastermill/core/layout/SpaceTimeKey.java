package io.rastermill.core.layout;

import java.io.Serializable;

/**
 * A tile of a space-time layer: its spatial key and the instant of its scene, in epoch milliseconds UTC
 * (GeoTrellis {@code SpaceTimeKey}). Ordered by column, row, then instant.
 *
 * @param col     tile column
 * @param row     tile row
 * @param instant epoch milliseconds, UTC
 */
public record SpaceTimeKey(int col, int row, long instant) implements Comparable<SpaceTimeKey>, Serializable {

    public static SpaceTimeKey of(SpatialKey key, long instant) {
        return new SpaceTimeKey(key.col(), key.row(), instant);
    }

    public SpatialKey spatialKey() {
        return new SpatialKey(col, row);
    }

    @Override
    public int compareTo(SpaceTimeKey other) {
        int bySpace = spatialKey().compareTo(other.spatialKey());
        return bySpace != 0 ? bySpace : Long.compare(instant, other.instant);
    }
}
