package io.rastermill.core.layout;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridExtent;
import io.rastermill.core.geom.RasterExtent;
import java.io.Serializable;

/**
 * A tiled pixel grid: an extent cut by a {@link TileLayout} (GeoTrellis {@code LayoutDefinition}).
 *
 * <p>Its cell size is {@code tileLayout.cellSize(extent)}; its pixel grid is {@link #gridExtent()}. Equality compares
 * the extent and the tile layout only, as in GeoTrellis.
 *
 * @param extent     the layout extent; tile (0,0) is at its upper-left corner
 * @param tileLayout the tiling
 */
public record LayoutDefinition(Extent extent, TileLayout tileLayout) implements Serializable {

    public LayoutDefinition {
        if (extent == null) {
            throw new IllegalArgumentException("extent must not be null");
        }
        if (tileLayout == null) {
            throw new IllegalArgumentException("tileLayout must not be null");
        }
    }

    /**
     * The layout that tiles {@code grid} into {@code tileCols × tileRows} tiles: anchored at the grid's upper-left
     * corner and padded to the east and south to hold whole tiles, at the grid's cell size.
     */
    public static LayoutDefinition fromGrid(GridExtent grid, int tileCols, int tileRows) {
        return fromGrid(grid.extent(), grid.cellSize(), tileCols, tileRows);
    }

    /** See {@link #fromGrid(GridExtent, int, int)}. */
    public static LayoutDefinition fromGrid(RasterExtent grid, int tileCols, int tileRows) {
        return fromGrid(grid.extent(), grid.cellSize(), tileCols, tileRows);
    }

    /** Square tiles of {@code tileSize}; see {@link #fromGrid(GridExtent, int, int)}. */
    public static LayoutDefinition fromGrid(GridExtent grid, int tileSize) {
        return fromGrid(grid, tileSize, tileSize);
    }

    private static LayoutDefinition fromGrid(Extent extent, CellSize cellSize, int tileCols, int tileRows) {
        if (tileCols <= 0) {
            throw new IllegalArgumentException("tileCols must be > 0, got " + tileCols);
        }
        if (tileRows <= 0) {
            throw new IllegalArgumentException("tileRows must be > 0, got " + tileRows);
        }
        double totalPixelWidth = extent.width() / cellSize.width();
        double totalPixelHeight = extent.height() / cellSize.height();
        TileLayout layout = new TileLayout(
                (int) Math.ceil(totalPixelWidth / tileCols),
                (int) Math.ceil(totalPixelHeight / tileRows),
                tileCols,
                tileRows);
        Extent layoutExtent = new Extent(
                extent.xmin(),
                extent.ymax() - (layout.totalRows() * cellSize.height()),
                extent.xmin() + layout.totalCols() * cellSize.width(),
                extent.ymax());
        return new LayoutDefinition(layoutExtent, layout);
    }

    /** The pixel size: {@code tileLayout.cellSize(extent)}. */
    public CellSize cellSize() {
        return tileLayout.cellSize(extent);
    }

    /** The layout's pixel grid: {@code GridExtent.of(extent, cellSize())}. */
    public GridExtent gridExtent() {
        return GridExtent.of(extent, cellSize());
    }

    public int layoutCols() {
        return tileLayout.layoutCols();
    }

    public int layoutRows() {
        return tileLayout.layoutRows();
    }

    public int tileCols() {
        return tileLayout.tileCols();
    }

    public int tileRows() {
        return tileLayout.tileRows();
    }

    /** Map coordinates ↔ tile keys for this layout. */
    public MapKeyTransform mapTransform() {
        return new MapKeyTransform(extent, tileLayout.layoutCols(), tileLayout.layoutRows());
    }
}
