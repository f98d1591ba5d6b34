package io.rastermill.core.warp;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.RasterExtent;
import java.io.Serializable;
import java.util.Objects;

/**
 * A georeferenced pixel grid: a north-up {@link RasterExtent} in a {@link Crs}. The grid of a warp's sources and
 * of its target.
 *
 * @param crs  the grid's coordinate reference system
 * @param grid the cells (pixel-is-area, upper-left origin)
 */
public record WarpGrid(Crs crs, RasterExtent grid) implements Serializable {

    public WarpGrid {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(grid, "grid");
    }

    public int cols() {
        return grid.cols();
    }

    public int rows() {
        return grid.rows();
    }

    /** Map x of a (fractional) pixel column: {@code xmin + col * cellWidth}. */
    double colToMap(double col) {
        return grid.extent().xmin() + col * grid.cellWidth();
    }

    /** Map y of a (fractional) pixel row: {@code ymax - row * cellHeight}. */
    double rowToMap(double row) {
        return grid.extent().ymax() - row * grid.cellHeight();
    }
}
