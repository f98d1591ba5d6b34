package io.rastermill.core.layout;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import java.io.Serializable;

/**
 * Converts between map coordinates and tile keys of a layout (GeoTrellis {@code MapKeyTransform}).
 *
 * <p>Tile (0,0) is the upper-left tile. Unlike pixel grids there is <b>no tolerance</b> and no clamping: points on the
 * east or south edge of the layout map to column {@code layoutCols} or row {@code layoutRows}. The formulas keep
 * GeoTrellis's order of floating-point operations.
 *
 * @param extent     the layout extent
 * @param layoutCols number of tile columns
 * @param layoutRows number of tile rows
 */
public record MapKeyTransform(Extent extent, int layoutCols, int layoutRows) implements Serializable {

    public MapKeyTransform {
        if (extent == null) {
            throw new IllegalArgumentException("extent must not be null");
        }
        if (layoutCols <= 0) {
            throw new IllegalArgumentException("layoutCols must be > 0, got " + layoutCols);
        }
        if (layoutRows <= 0) {
            throw new IllegalArgumentException("layoutRows must be > 0, got " + layoutRows);
        }
    }

    /** Tile width in map units: {@code extent.width / layoutCols}. */
    public double tileWidth() {
        return extent.width() / layoutCols;
    }

    /** Tile height in map units: {@code extent.height / layoutRows}. */
    public double tileHeight() {
        return extent.height() / layoutRows;
    }

    /** The extent of tile (col, row). */
    public Extent keyToExtent(int col, int row) {
        double tileWidth = tileWidth();
        double tileHeight = tileHeight();
        return new Extent(
                extent.xmin() + col * tileWidth,
                extent.ymax() - (row + 1) * tileHeight,
                extent.xmin() + (col + 1) * tileWidth,
                extent.ymax() - row * tileHeight);
    }

    public Extent keyToExtent(SpatialKey key) {
        return keyToExtent(key.col(), key.row());
    }

    /** The tile holding the point: {@code floor((x - xmin) / width * layoutCols)}, same for rows from ymax. */
    public SpatialKey pointToKey(double x, double y) {
        double tcol = ((x - extent.xmin()) / extent.width()) * layoutCols;
        double trow = ((extent.ymax() - y) / extent.height()) * layoutRows;
        return new SpatialKey((int) Math.floor(tcol), (int) Math.floor(trow));
    }

    /**
     * The tiles touched by {@code other}. The min key is {@link #pointToKey} of its upper-left corner. An east or
     * south edge lying exactly on a tile line does not take the next tile, unless that would make the bounds empty.
     */
    public GridBounds extentToBounds(Extent other) {
        SpatialKey min = pointToKey(other.xmin(), other.ymax());
        double dCol = (other.xmax() - extent.xmin()) / (extent.width() / layoutCols);
        int colMax = (dCol == Math.floor(dCol) && dCol != min.col()) ? (int) dCol - 1 : (int) dCol;
        double dRow = (extent.ymax() - other.ymin()) / (extent.height() / layoutRows);
        int rowMax = (dRow == Math.floor(dRow) && dRow != min.row()) ? (int) dRow - 1 : (int) dRow;
        return new GridBounds(min.col(), min.row(), colMax, rowMax);
    }

    /** The union of the extents of the corner tiles of {@code bounds}. */
    public Extent boundsToExtent(GridBounds bounds) {
        Extent first = keyToExtent(Math.toIntExact(bounds.colMin()), Math.toIntExact(bounds.rowMin()));
        Extent last = keyToExtent(Math.toIntExact(bounds.colMax()), Math.toIntExact(bounds.rowMax()));
        return first.combine(last);
    }
}
