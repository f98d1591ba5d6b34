package io.rastermill.core.cell;

import java.util.Objects;

/**
 * Placeholder for the GeoTrellis cell type that is being written on another branch.
 *
 * <p>Only the API the geometry branch relies on is here: {@link #parse(String)}, {@link #name()},
 * {@link #union(CellType)} and {@link #toString()}. This file is dropped when the real type is merged.
 */
public final class CellType {

    private final String name;

    private CellType(String name) {
        this.name = name;
    }

    /**
     * Parses a GeoTrellis cell type name such as {@code "int32"} or {@code "float32ud-9999.0"}.
     *
     * @throws IllegalArgumentException if {@code geoTrellisName} is null or empty
     */
    public static CellType parse(String geoTrellisName) {
        if (geoTrellisName == null || geoTrellisName.isEmpty()) {
            throw new IllegalArgumentException("cell type name must be non-empty, got: " + geoTrellisName);
        }
        return new CellType(geoTrellisName);
    }

    /** The exact GeoTrellis name. */
    public String name() {
        return name;
    }

    /** Placeholder union: returns this type when both are equal, otherwise the other one. */
    public CellType union(CellType other) {
        Objects.requireNonNull(other, "other");
        return this.equals(other) ? this : other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellType other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
