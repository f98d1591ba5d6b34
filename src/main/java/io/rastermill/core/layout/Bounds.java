package io.rastermill.core.layout;

import java.io.Serializable;
import java.util.Optional;

/**
 * The keys a layer may hold: either {@link KeyBounds} or {@link EmptyBounds} (GeoTrellis {@code Bounds[SpatialKey]}).
 */
public sealed interface Bounds extends Serializable permits KeyBounds, EmptyBounds {

    boolean isEmpty();

    /** The key bounds, or empty for {@link EmptyBounds}. */
    Optional<KeyBounds> toKeyBounds();

    /** Smallest bounds holding both. */
    Bounds combine(Bounds other);

    /** Keys in both. */
    Bounds intersect(Bounds other);

    /** True if every key of {@code other} is in these bounds; empty bounds are contained in everything. */
    boolean contains(Bounds other);

    /** True if the key lies in these bounds. */
    boolean includes(SpatialKey key);
}
