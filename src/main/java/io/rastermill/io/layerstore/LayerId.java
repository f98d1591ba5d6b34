package io.rastermill.io.layerstore;

import java.util.Objects;

/** A layer in a catalog: its name and zoom level, GeoTrellis's {@code LayerId(name, zoom)}. */
public record LayerId(String name, int zoom) implements java.io.Serializable {
    public LayerId {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("layer name must be non-empty and contain no path separator, got '" + name + "'");
        }
        if (zoom < 0) {
            throw new IllegalArgumentException("zoom must not be negative, got " + zoom);
        }
    }

    @Override
    public String toString() {
        return "layer '" + name + "' zoom " + zoom;
    }
}
