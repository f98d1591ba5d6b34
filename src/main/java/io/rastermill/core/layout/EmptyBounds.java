package io.rastermill.core.layout;

import java.util.Optional;

/** Bounds holding no key (GeoTrellis {@code EmptyBounds}); JSON {@code {}}. */
public enum EmptyBounds implements Bounds {
    INSTANCE;

    @Override
    public boolean isEmpty() {
        return true;
    }

    @Override
    public Optional<KeyBounds> toKeyBounds() {
        return Optional.empty();
    }

    @Override
    public Bounds combine(Bounds other) {
        return other;
    }

    @Override
    public Bounds intersect(Bounds other) {
        return this;
    }

    @Override
    public boolean contains(Bounds other) {
        return other.isEmpty();
    }

    @Override
    public boolean includes(SpatialKey key) {
        return false;
    }
}
