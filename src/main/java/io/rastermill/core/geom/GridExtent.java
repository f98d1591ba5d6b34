package io.rastermill.core.geom;

import java.io.Serializable;

/**
 * A pixel grid over an extent with {@code long} dimensions: GeoTrellis's {@code GridExtent[Long]}, the grid of a whole
 * tiled layer.
 *
 * <p>Pixel-is-area: the extent is the outer boundary of the outer pixels and the grid origin is the upper-left
 * corner (xmin, ymax); rows grow southward. The constructor enforces GeoTrellis's invariant
 * {@code cols == Math.round(width / cellWidth)} and {@code rows == Math.round(height / cellHeight)}.
 *
 * <p>Map → grid uses {@link #floorWithTolerance(double)} (snap to the nearest integer within 1e-7, else floor) and
 * never clamps; grid → map gives the cell centre. All formulas keep GeoTrellis's floating-point operation order.
 *
 * @param extent     outer boundary of the grid
 * @param cellWidth  pixel width in map units
 * @param cellHeight pixel height in map units
 * @param cols       number of columns, > 0
 * @param rows       number of rows, > 0
 */
public record GridExtent(Extent extent, double cellWidth, double cellHeight, long cols, long rows)
        implements Serializable {

    /** Tolerance used by {@link #floorWithTolerance(double)}: {@value}. */
    public static final double EPSILON = GridFormulas.EPSILON;

    /** @throws IllegalArgumentException if cols or rows are not positive or disagree with the extent and cell size */
    public GridExtent {
        if (extent == null) {
            throw new IllegalArgumentException("extent must not be null");
        }
        GridFormulas.requireMatchingDimensions(
                extent,
                cellWidth,
                cellHeight,
                cols,
                rows,
                Math.round(extent.width() / cellWidth),
                Math.round(extent.height() / cellHeight));
    }

    /** The grid of {@code cols × rows} pixels over {@code extent}; cell size is {@code width / cols, height / rows}. */
    public static GridExtent of(Extent extent, long cols, long rows) {
        return new GridExtent(extent, extent.width() / (double) cols, extent.height() / (double) rows, cols, rows);
    }

    /** The grid with the given cell size over {@code extent}; dimensions are {@code Math.round(width / cellWidth)}. */
    public static GridExtent of(Extent extent, CellSize cellSize) {
        return new GridExtent(
                extent,
                cellSize.width(),
                cellSize.height(),
                Math.round(extent.width() / cellSize.width()),
                Math.round(extent.height() / cellSize.height()));
    }

    /** {@code round(v)} if {@code v} is within {@link #EPSILON} of it, else {@code floor(v)}. */
    public static double floorWithTolerance(double value) {
        return GridFormulas.floorWithTolerance(value);
    }

    public CellSize cellSize() {
        return new CellSize(cellWidth, cellHeight);
    }

    /** Fractional column of {@code x}: {@code (x - xmin) / cellWidth}. */
    public double mapXToGridDouble(double x) {
        return GridFormulas.mapXToGridDouble(x, extent.xmin(), cellWidth);
    }

    /** Fractional row of {@code y}: {@code (ymax - y) / cellHeight}. */
    public double mapYToGridDouble(double y) {
        return GridFormulas.mapYToGridDouble(y, extent.ymax(), cellHeight);
    }

    /** Column holding {@code x}, not clamped; the east edge maps to {@code cols}. */
    public long mapXToGrid(double x) {
        return (long) floorWithTolerance(mapXToGridDouble(x));
    }

    /** Row holding {@code y}, not clamped; the south edge maps to {@code rows}. */
    public long mapYToGrid(double y) {
        return (long) floorWithTolerance(mapYToGridDouble(y));
    }

    /** The cell holding the point, not clamped. */
    public GridCell mapToGrid(double x, double y) {
        return new GridCell(mapXToGrid(x), mapYToGrid(y));
    }

    /** x of the centre of column {@code col}. */
    public double gridColToMap(long col) {
        return GridFormulas.gridColToMap(col, extent.xmin(), cellWidth);
    }

    /** y of the centre of row {@code row}. */
    public double gridRowToMap(long row) {
        return GridFormulas.gridRowToMap(row, extent.ymax(), cellHeight);
    }

    /** Centre of the cell. */
    public Point gridToMap(long col, long row) {
        return new Point(gridColToMap(col), gridRowToMap(row));
    }

    /** {@link #gridBoundsFor(Extent, boolean)} with clamping to the grid. */
    public GridBounds gridBoundsFor(Extent subExtent) {
        return gridBoundsFor(subExtent, true);
    }

    /**
     * The cells covered by {@code subExtent}. West and north edges map with {@link #mapToGrid}; an east or south edge
     * lying on a grid line (within 1e-7) does not take the next cell. With {@code clamp} the result is limited to
     * {@code [0, cols-1] × [0, rows-1]}.
     */
    public GridBounds gridBoundsFor(Extent subExtent, boolean clamp) {
        return GridFormulas.gridBoundsFor(extent, cellWidth, cellHeight, cols, rows, subExtent, clamp, false);
    }

    /** {@link #extentFor(GridBounds, boolean)} clamped to this grid's extent. */
    public Extent extentFor(GridBounds bounds) {
        return extentFor(bounds, true);
    }

    /** The outer boundary of the cells in {@code bounds}, optionally clamped to this grid's extent. */
    public Extent extentFor(GridBounds bounds, boolean clamp) {
        return GridFormulas.extentFor(extent, cellWidth, cellHeight, bounds, clamp);
    }

    /** Same extent at another resolution; dimensions are {@code Math.round(width / targetCellWidth)}. */
    public GridExtent withResolution(double targetCellWidth, double targetCellHeight) {
        return new GridExtent(
                extent,
                targetCellWidth,
                targetCellHeight,
                Math.round((extent.xmax() - extent.xmin()) / targetCellWidth),
                Math.round((extent.ymax() - extent.ymin()) / targetCellHeight));
    }

    public GridExtent withResolution(CellSize cellSize) {
        return withResolution(cellSize.width(), cellSize.height());
    }

    /** Same extent divided into other dimensions. */
    public GridExtent withDimensions(long targetCols, long targetRows) {
        return of(extent, targetCols, targetRows);
    }

    /**
     * Union of two grids with the same cell size; dimensions are rounded.
     *
     * @throws IllegalArgumentException if the cell sizes differ
     */
    public GridExtent combine(GridExtent other) {
        if (cellWidth != other.cellWidth || cellHeight != other.cellHeight) {
            throw new IllegalArgumentException(
                    "cannot combine grids with cell sizes " + cellSize() + " and " + other.cellSize());
        }
        return of(extent.combine(other.extent), cellSize());
    }

    /** A grid with this cell size whose pixel lines pass through this grid's upper-left corner and cover {@code target}. */
    public GridExtent createAlignedGridExtent(Extent target) {
        return createAlignedGridExtent(target, extent.northWest());
    }

    /** A grid with this cell size whose pixel lines pass through {@code alignment} and cover {@code target}. */
    public GridExtent createAlignedGridExtent(Extent target, Point alignment) {
        Extent aligned = GridFormulas.alignedExtent(target, alignment, cellWidth, cellHeight);
        return new GridExtent(
                aligned,
                cellWidth,
                cellHeight,
                Math.round(aligned.width() / cellWidth),
                Math.round(aligned.height() / cellHeight));
    }

    /** This grid with its extent snapped outward to multiples of the cell size. */
    public GridExtent alignTargetPixels() {
        return of(GridFormulas.multiplesOfCellSize(extent, cellWidth, cellHeight), cellSize());
    }

    /**
     * The same grid with int dimensions.
     *
     * @throws IllegalArgumentException if cols or rows exceed {@link Integer#MAX_VALUE}
     */
    public RasterExtent toRasterExtent() {
        if (cols > Integer.MAX_VALUE || rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "grid of " + cols + "x" + rows + " cells does not fit a RasterExtent (int dimensions)");
        }
        return new RasterExtent(extent, cellWidth, cellHeight, (int) cols, (int) rows);
    }
}
