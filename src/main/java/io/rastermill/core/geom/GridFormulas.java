package io.rastermill.core.geom;

/**
 * The pixel-grid formulas shared by {@link GridExtent} (long dimensions) and {@link RasterExtent} (int dimensions).
 *
 * <p>Each formula keeps GeoTrellis's order of floating-point operations so results agree bit for bit.
 * {@code intGrid} selects GeoTrellis's {@code Int} conversions (saturating from double, wrapping from long) instead
 * of its {@code Long} ones.
 */
final class GridFormulas {

    /** Tolerance of {@link #floorWithTolerance(double)}: GeoTrellis's {@code GridExtent.epsilon}. */
    static final double EPSILON = 1e-7;

    private GridFormulas() {}

    static double floorWithTolerance(double value) {
        long rounded = Math.round(value);
        if (Math.abs(value - rounded) < EPSILON) {
            return (double) rounded;
        }
        return Math.floor(value);
    }

    static long toIndex(double flooredValue, boolean intGrid) {
        return intGrid ? (int) flooredValue : (long) flooredValue;
    }

    static double mapXToGridDouble(double x, double xmin, double cellWidth) {
        return (x - xmin) / cellWidth;
    }

    static double mapYToGridDouble(double y, double ymax, double cellHeight) {
        return (ymax - y) / cellHeight;
    }

    static double gridColToMap(long col, double xmin, double cellWidth) {
        return (double) col * cellWidth + xmin + (cellWidth / 2);
    }

    static double gridRowToMap(long row, double ymax, double cellHeight) {
        return ymax - ((double) row * cellHeight) - (cellHeight / 2);
    }

    /**
     * The last column (or row) touched by an east (or south) edge at grid coordinate {@code d}: an edge lying on a
     * grid line (within the tolerance) does not take the cell beyond it.
     */
    private static long lastIndexBefore(double d, boolean intGrid) {
        double floored = floorWithTolerance(d);
        long index = Math.abs(d - floored) < EPSILON ? (long) floored - 1L : (long) floored;
        return intGrid ? (int) index : index;
    }

    static GridBounds gridBoundsFor(
            Extent grid,
            double cellWidth,
            double cellHeight,
            long cols,
            long rows,
            Extent sub,
            boolean clamp,
            boolean intGrid) {
        long colMin = toIndex(floorWithTolerance(mapXToGridDouble(sub.xmin(), grid.xmin(), cellWidth)), intGrid);
        long rowMin = toIndex(floorWithTolerance(mapYToGridDouble(sub.ymax(), grid.ymax(), cellHeight)), intGrid);
        long colMax = lastIndexBefore(mapXToGridDouble(sub.xmax(), grid.xmin(), cellWidth), intGrid);
        long rowMax = lastIndexBefore(mapYToGridDouble(sub.ymin(), grid.ymax(), cellHeight), intGrid);
        if (!clamp) {
            return new GridBounds(colMin, rowMin, colMax, rowMax);
        }
        return new GridBounds(
                clampIndex(colMin, cols), clampIndex(rowMin, rows),
                clampIndex(colMax, cols), clampIndex(rowMax, rows));
    }

    private static long clampIndex(long index, long size) {
        return Math.min(Math.max(index, 0L), size - 1);
    }

    static Extent extentFor(Extent grid, double cellWidth, double cellHeight, GridBounds bounds, boolean clamp) {
        double xmin = (double) bounds.colMin() * cellWidth + grid.xmin();
        double ymax = grid.ymax() - ((double) bounds.rowMin() * cellHeight);
        double xmax = xmin + ((double) bounds.width() * cellWidth);
        double ymin = ymax - ((double) bounds.height() * cellHeight);
        if (!clamp) {
            return new Extent(xmin, ymin, xmax, ymax);
        }
        return new Extent(
                Math.max(Math.min(xmin, grid.xmax()), grid.xmin()),
                Math.max(Math.min(ymin, grid.ymax()), grid.ymin()),
                Math.max(Math.min(xmax, grid.xmax()), grid.xmin()),
                Math.max(Math.min(ymax, grid.ymax()), grid.ymin()));
    }

    /** {@code target} snapped outward to the pixel lines through {@code alignment}. */
    static Extent alignedExtent(Extent target, Point alignment, double cellWidth, double cellHeight) {
        return new Extent(
                snapDown(alignment.x(), target.xmin(), cellWidth),
                snapDown(alignment.y(), target.ymin(), cellHeight),
                snapUp(alignment.x(), target.xmax(), cellWidth),
                snapUp(alignment.y(), target.ymax(), cellHeight));
    }

    private static double snapDown(double reference, double value, double unit) {
        return reference + Math.floor((value - reference) / unit) * unit;
    }

    private static double snapUp(double reference, double value, double unit) {
        return reference + Math.ceil((value - reference) / unit) * unit;
    }

    /** {@code extent} snapped outward to multiples of the cell size. */
    static Extent multiplesOfCellSize(Extent extent, double cellWidth, double cellHeight) {
        return new Extent(
                Math.floor(extent.xmin() / cellWidth) * cellWidth,
                Math.floor(extent.ymin() / cellHeight) * cellHeight,
                Math.ceil(extent.xmax() / cellWidth) * cellWidth,
                Math.ceil(extent.ymax() / cellHeight) * cellHeight);
    }

    static void requireMatchingDimensions(
            Extent extent,
            double cellWidth,
            double cellHeight,
            long cols,
            long rows,
            long expectedCols,
            long expectedRows) {
        if (cols <= 0) {
            throw new IllegalArgumentException("cols must be > 0, got " + cols);
        }
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be > 0, got " + rows);
        }
        if (cols != expectedCols || rows != expectedRows) {
            throw new IllegalArgumentException(extent + " at cell size (" + cellWidth + ", " + cellHeight
                    + ") has round(width/cellWidth) x round(height/cellHeight) = " + expectedCols + "x" + expectedRows
                    + " cells, not cols x rows = " + cols + "x" + rows);
        }
    }
}
