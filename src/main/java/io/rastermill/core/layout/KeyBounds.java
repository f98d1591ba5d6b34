package io.rastermill.core.layout;

import io.rastermill.core.geom.GridBounds;
import java.util.Optional;

/**
 * An inclusive rectangle of tile keys (GeoTrellis {@code KeyBounds[SpatialKey]}); min and max are per component.
 *
 * @param minKey upper-left key (smallest col and row)
 * @param maxKey lower-right key (largest col and row), inclusive
 */
public record KeyBounds(SpatialKey minKey, SpatialKey maxKey) implements Bounds {

    /** @throws IllegalArgumentException if a key is null or minKey is not ≤ maxKey in both components */
    public KeyBounds {
        if (minKey == null || maxKey == null) {
            throw new IllegalArgumentException("KeyBounds keys must not be null: " + minKey + ", " + maxKey);
        }
        if (minKey.col() > maxKey.col() || minKey.row() > maxKey.row()) {
            throw new IllegalArgumentException("KeyBounds minKey " + minKey + " is not <= maxKey " + maxKey);
        }
    }

    /** The keys of a tile grid bounds (columns and rows must fit in int). */
    public static KeyBounds of(GridBounds bounds) {
        return new KeyBounds(
                new SpatialKey(Math.toIntExact(bounds.colMin()), Math.toIntExact(bounds.rowMin())),
                new SpatialKey(Math.toIntExact(bounds.colMax()), Math.toIntExact(bounds.rowMax())));
    }

    public GridBounds toGridBounds() {
        return new GridBounds(minKey.col(), minKey.row(), maxKey.col(), maxKey.row());
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Optional<KeyBounds> toKeyBounds() {
        return Optional.of(this);
    }

    @Override
    public boolean includes(SpatialKey key) {
        return minKey.col() <= key.col()
                && key.col() <= maxKey.col()
                && minKey.row() <= key.row()
                && key.row() <= maxKey.row();
    }

    /** These bounds grown to hold {@code key}. */
    public KeyBounds include(SpatialKey key) {
        return new KeyBounds(
                new SpatialKey(Math.min(minKey.col(), key.col()), Math.min(minKey.row(), key.row())),
                new SpatialKey(Math.max(maxKey.col(), key.col()), Math.max(maxKey.row(), key.row())));
    }

    @Override
    public KeyBounds combine(Bounds other) {
        if (other instanceof KeyBounds kb) {
            return include(kb.minKey).include(kb.maxKey);
        }
        return this;
    }

    @Override
    public boolean contains(Bounds other) {
        if (other instanceof KeyBounds kb) {
            return includes(kb.minKey) && includes(kb.maxKey);
        }
        return true;
    }

    @Override
    public Bounds intersect(Bounds other) {
        if (other instanceof KeyBounds kb) {
            int colMin = Math.max(minKey.col(), kb.minKey.col());
            int rowMin = Math.max(minKey.row(), kb.minKey.row());
            int colMax = Math.min(maxKey.col(), kb.maxKey.col());
            int rowMax = Math.min(maxKey.row(), kb.maxKey.row());
            if (colMin <= colMax && rowMin <= rowMax) {
                return new KeyBounds(new SpatialKey(colMin, rowMin), new SpatialKey(colMax, rowMax));
            }
        }
        return EmptyBounds.INSTANCE;
    }
}
