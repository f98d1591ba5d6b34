package io.rastermill.core.layout;

import java.io.Serializable;

/**
 * A layout at a zoom level of a {@link LayoutScheme}.
 *
 * @param zoom   zoom level (0 for floating layouts)
 * @param layout the layout at that level
 */
public record LayoutLevel(int zoom, LayoutDefinition layout) implements Serializable {

    public LayoutLevel {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
    }
}
