package io.rastermill.core.layout;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridExtent;

/**
 * Tiles the data at its own resolution, anchored at its upper-left corner (GeoTrellis {@code FloatingLayoutScheme}).
 * There is a single level, zoom 0, and no pyramid.
 *
 * @param tileCols pixel columns per tile, > 0
 * @param tileRows pixel rows per tile, > 0
 */
public record FloatingLayoutScheme(int tileCols, int tileRows) implements LayoutScheme {

    /** GeoTrellis's default tile size. */
    public static final int DEFAULT_TILE_SIZE = 256;

    public FloatingLayoutScheme {
        if (tileCols <= 0) {
            throw new IllegalArgumentException("tileCols must be > 0, got " + tileCols);
        }
        if (tileRows <= 0) {
            throw new IllegalArgumentException("tileRows must be > 0, got " + tileRows);
        }
    }

    /** Square tiles. */
    public FloatingLayoutScheme(int tileSize) {
        this(tileSize, tileSize);
    }

    /** 256 × 256 tiles. */
    public FloatingLayoutScheme() {
        this(DEFAULT_TILE_SIZE);
    }

    /** Zoom 0 and {@link LayoutDefinition#fromGrid} of {@code GridExtent.of(extent, cellSize)}. */
    @Override
    public LayoutLevel levelFor(Extent extent, CellSize cellSize) {
        return new LayoutLevel(0, LayoutDefinition.fromGrid(GridExtent.of(extent, cellSize), tileCols, tileRows));
    }

    /** @throws UnsupportedOperationException always: a floating layout has no pyramid */
    @Override
    public LayoutLevel zoomOut(LayoutLevel level) {
        throw new UnsupportedOperationException("zoomOut is not supported by FloatingLayoutScheme");
    }

    /** @throws UnsupportedOperationException always: a floating layout has no pyramid */
    @Override
    public LayoutLevel zoomIn(LayoutLevel level) {
        throw new UnsupportedOperationException("zoomIn is not supported by FloatingLayoutScheme");
    }
}
