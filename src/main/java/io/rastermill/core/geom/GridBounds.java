package io.rastermill.core.geom;

import java.io.Serializable;
import java.util.Optional;

/**
 * A rectangle of pixels or tiles, with <b>inclusive</b> bounds on all four sides (GeoTrellis {@code GridBounds}).
 *
 * <p>A bounds with {@code colMax < colMin} (or {@code rowMax < rowMin}) is allowed, as in GeoTrellis: it is what an
 * unclamped {@code gridBoundsFor} returns for a sub-extent narrower than a pixel lying on a grid line; its
 * {@link #width()} is then zero or negative.
 *
 * @param colMin first column
 * @param rowMin first row
 * @param colMax last column (inclusive)
 * @param rowMax last row (inclusive)
 */
public record GridBounds(long colMin, long rowMin, long colMax, long rowMax) implements Serializable {

    /** {@code colMax - colMin + 1}. */
    public long width() {
        return colMax - colMin + 1;
    }

    /** {@code rowMax - rowMin + 1}. */
    public long height() {
        return rowMax - rowMin + 1;
    }

    /** Number of cells: {@code width * height}. */
    public long size() {
        return width() * height();
    }

    public boolean contains(long col, long row) {
        return colMin <= col && col <= colMax && rowMin <= row && row <= rowMax;
    }

    /**
     * True if every cell of {@code other} is in this bounds.
     *
     * <p>GeoTrellis answers false whenever this bounds is exactly (0,0,0,0); we do not copy that special case.
     */
    public boolean contains(GridBounds other) {
        return other.colMin >= colMin && other.rowMin >= rowMin && other.colMax <= colMax && other.rowMax <= rowMax;
    }

    public boolean intersects(GridBounds other) {
        return !(colMax < other.colMin || other.colMax < colMin) && !(rowMax < other.rowMin || other.rowMax < rowMin);
    }

    /** The common cells, or empty when there are none. */
    public Optional<GridBounds> intersection(GridBounds other) {
        if (!intersects(other)) {
            return Optional.empty();
        }
        return Optional.of(new GridBounds(
                Math.max(colMin, other.colMin), Math.max(rowMin, other.rowMin),
                Math.min(colMax, other.colMax), Math.min(rowMax, other.rowMax)));
    }

    /** The smallest bounds holding both. */
    public GridBounds combine(GridBounds other) {
        return new GridBounds(
                Math.min(colMin, other.colMin), Math.min(rowMin, other.rowMin),
                Math.max(colMax, other.colMax), Math.max(rowMax, other.rowMax));
    }

    /** Moves the bounds by the given numbers of columns and rows. */
    public GridBounds offset(long dCol, long dRow) {
        return new GridBounds(colMin + dCol, rowMin + dRow, colMax + dCol, rowMax + dRow);
    }
}
