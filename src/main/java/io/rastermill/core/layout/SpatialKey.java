package io.rastermill.core.layout;

import java.io.Serializable;

/**
 * The position of a tile in a layout: column first. Key (0,0) is the upper-left tile of the layout extent and rows
 * grow southward (GeoTrellis {@code SpatialKey}). Ordered by column, then row.
 *
 * @param col tile column
 * @param row tile row
 */
public record SpatialKey(int col, int row) implements Comparable<SpatialKey>, Serializable {

    @Override
    public int compareTo(SpatialKey other) {
        int byCol = Integer.compare(col, other.col);
        return byCol != 0 ? byCol : Integer.compare(row, other.row);
    }
}
