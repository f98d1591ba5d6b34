package io.rastermill.core.layout;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import java.io.Serializable;

/**
 * How a layout is cut into tiles: {@code layoutCols × layoutRows} tiles of {@code tileCols × tileRows} pixels
 * (GeoTrellis {@code TileLayout}).
 *
 * @param layoutCols number of tile columns, > 0
 * @param layoutRows number of tile rows, > 0
 * @param tileCols   pixel columns per tile, > 0
 * @param tileRows   pixel rows per tile, > 0
 */
public record TileLayout(int layoutCols, int layoutRows, int tileCols, int tileRows) implements Serializable {

    /** @throws IllegalArgumentException naming the first argument that is not > 0 */
    public TileLayout {
        requirePositive("layoutCols", layoutCols);
        requirePositive("layoutRows", layoutRows);
        requirePositive("tileCols", tileCols);
        requirePositive("tileRows", tileRows);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("TileLayout " + name + " must be > 0, got " + value);
        }
    }

    /** A layout of one tile. */
    public static TileLayout singleTile(int cols, int rows) {
        return new TileLayout(1, 1, cols, rows);
    }

    /** Pixel columns of the whole layout: {@code layoutCols * tileCols}. */
    public long totalCols() {
        return (long) layoutCols * tileCols;
    }

    /** Pixel rows of the whole layout: {@code layoutRows * tileRows}. */
    public long totalRows() {
        return (long) layoutRows * tileRows;
    }

    /** Pixels per tile. */
    public int tileSize() {
        return tileCols * tileRows;
    }

    /** The pixel size when this layout covers {@code extent}: {@code (width / totalCols, height / totalRows)}. */
    public CellSize cellSize(Extent extent) {
        return new CellSize(extent.width() / totalCols(), extent.height() / totalRows());
    }
}
