package io.rastermill.core.geom;

import java.io.Serializable;

/**
 * The size of one pixel in map units (GeoTrellis {@code CellSize}).
 *
 * @param width  map units per pixel along x
 * @param height map units per pixel along y
 */
public record CellSize(double width, double height) implements Serializable {

    /** @throws IllegalArgumentException unless both sizes are positive and finite */
    public CellSize {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("CellSize width must be positive and finite, got " + width);
        }
        if (!(height > 0) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("CellSize height must be positive and finite, got " + height);
        }
    }

    /** The cell size of {@code extent} divided into {@code cols × rows} pixels: {@code (width / cols, height / rows)}. */
    public static CellSize from(Extent extent, long cols, long rows) {
        if (cols <= 0) {
            throw new IllegalArgumentException("cols must be > 0, got " + cols);
        }
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be > 0, got " + rows);
        }
        return new CellSize(extent.width() / cols, extent.height() / rows);
    }

    /** {@code sqrt(width * height)}: the side of a square pixel of the same area. */
    public double resolution() {
        return Math.sqrt(width * height);
    }
}
