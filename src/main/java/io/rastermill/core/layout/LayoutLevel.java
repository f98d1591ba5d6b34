package io.rastermill.core.layout;

/**
 * A layout at a zoom level of a {@link LayoutScheme}.
 *
 * @param zoom   zoom level (0 for floating layouts)
 * @param layout the layout at that level
 */
public record LayoutLevel(int zoom, LayoutDefinition layout) implements java.io.Serializable {

    public LayoutLevel {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
    }
}
