package io.rastermill.core.geom;

import java.io.Serializable;

/**
 * A pixel grid over an extent with {@code int} dimensions: the grid of one raster or tile (GeoTrellis
 * {@code RasterExtent}).
 *
 * <p>Same model and formulas as {@link GridExtent} (upper-left origin, cell-centre {@code gridToMap},
 * {@code floorWithTolerance} with 1e-7 and no clamping in {@code mapToGrid}); indices use GeoTrellis's {@code Int}
 * conversions. Differences from {@link GridExtent}, as in GeoTrellis: {@link #withResolution} and {@link #combine}
 * use {@code ceil} for the new dimensions.
 *
 * @param extent     outer boundary of the grid
 * @param cellWidth  pixel width in map units
 * @param cellHeight pixel height in map units
 * @param cols       number of columns, > 0
 * @param rows       number of rows, > 0
 */
public record RasterExtent(Extent extent, double cellWidth, double cellHeight, int cols, int rows)
        implements Serializable {

    /** @throws IllegalArgumentException if cols or rows are not positive or disagree with the extent and cell size */
    public RasterExtent {
        if (extent == null) {
            throw new IllegalArgumentException("extent must not be null");
        }
        GridFormulas.requireMatchingDimensions(
                extent, cellWidth, cellHeight, cols, rows, (int) (double) Math.round(extent.width() / cellWidth), (int)
                        (double) Math.round(extent.height() / cellHeight));
    }

    /** The raster of {@code cols × rows} pixels over {@code extent}. */
    public static RasterExtent of(Extent extent, int cols, int rows) {
        return new RasterExtent(extent, extent.width() / cols, extent.height() / rows, cols, rows);
    }

    /** The raster with the given cell size over {@code extent}; dimensions are {@code Math.round(width / cellWidth)}. */
    public static RasterExtent of(Extent extent, CellSize cellSize) {
        return new RasterExtent(
                extent, cellSize.width(), cellSize.height(), (int) Math.round(extent.width() / cellSize.width()), (int)
                        Math.round(extent.height() / cellSize.height()));
    }

    public CellSize cellSize() {
        return new CellSize(cellWidth, cellHeight);
    }

    public double mapXToGridDouble(double x) {
        return GridFormulas.mapXToGridDouble(x, extent.xmin(), cellWidth);
    }

    public double mapYToGridDouble(double y) {
        return GridFormulas.mapYToGridDouble(y, extent.ymax(), cellHeight);
    }

    /** Column holding {@code x}, not clamped; the east edge maps to {@code cols}. */
    public int mapXToGrid(double x) {
        return (int) GridFormulas.floorWithTolerance(mapXToGridDouble(x));
    }

    /** Row holding {@code y}, not clamped; the south edge maps to {@code rows}. */
    public int mapYToGrid(double y) {
        return (int) GridFormulas.floorWithTolerance(mapYToGridDouble(y));
    }

    public GridCell mapToGrid(double x, double y) {
        return new GridCell(mapXToGrid(x), mapYToGrid(y));
    }

    public double gridColToMap(int col) {
        return GridFormulas.gridColToMap(col, extent.xmin(), cellWidth);
    }

    public double gridRowToMap(int row) {
        return GridFormulas.gridRowToMap(row, extent.ymax(), cellHeight);
    }

    /** Centre of the cell. */
    public Point gridToMap(int col, int row) {
        return new Point(gridColToMap(col), gridRowToMap(row));
    }

    public GridBounds gridBoundsFor(Extent subExtent) {
        return gridBoundsFor(subExtent, true);
    }

    /** As {@link GridExtent#gridBoundsFor(Extent, boolean)}, with int index conversions. */
    public GridBounds gridBoundsFor(Extent subExtent, boolean clamp) {
        return GridFormulas.gridBoundsFor(extent, cellWidth, cellHeight, cols, rows, subExtent, clamp, true);
    }

    public Extent extentFor(GridBounds bounds) {
        return extentFor(bounds, true);
    }

    public Extent extentFor(GridBounds bounds, boolean clamp) {
        return GridFormulas.extentFor(extent, cellWidth, cellHeight, bounds, clamp);
    }

    /**
     * Same extent at another resolution with {@code ceil(width / targetCellWidth)} columns (GeoTrellis).
     *
     * <p>As in GeoTrellis, this throws when {@code ceil} and {@code round} disagree, because the result must still
     * satisfy the constructor invariant; use {@link GridExtent#withResolution} or {@link #createAlignedRasterExtent}
     * to cover a non-multiple extent.
     *
     * @throws IllegalArgumentException if the extent is not (almost) a multiple of the new cell size
     */
    public RasterExtent withResolution(double targetCellWidth, double targetCellHeight) {
        int newCols = (int) Math.ceil((extent.xmax() - extent.xmin()) / targetCellWidth);
        int newRows = (int) Math.ceil((extent.ymax() - extent.ymin()) / targetCellHeight);
        return new RasterExtent(extent, targetCellWidth, targetCellHeight, newCols, newRows);
    }

    public RasterExtent withResolution(CellSize cellSize) {
        return withResolution(cellSize.width(), cellSize.height());
    }

    public RasterExtent withDimensions(int targetCols, int targetRows) {
        return of(extent, targetCols, targetRows);
    }

    /**
     * Union of two rasters with the same cell size, dimensions by {@code ceil} (GeoTrellis).
     *
     * @throws IllegalArgumentException if the cell sizes differ or the union is not a whole number of cells
     */
    public RasterExtent combine(RasterExtent other) {
        if (cellWidth != other.cellWidth || cellHeight != other.cellHeight) {
            throw new IllegalArgumentException(
                    "cannot combine rasters with cell sizes " + cellSize() + " and " + other.cellSize());
        }
        Extent union = extent.combine(other.extent);
        int newRows = (int) Math.ceil(union.height() / cellHeight);
        int newCols = (int) Math.ceil(union.width() / cellWidth);
        return new RasterExtent(union, cellWidth, cellHeight, newCols, newRows);
    }

    /** See {@link GridExtent#createAlignedGridExtent(Extent)}. */
    public RasterExtent createAlignedRasterExtent(Extent target) {
        return toGridExtent().createAlignedGridExtent(target).toRasterExtent();
    }

    /** See {@link GridExtent#alignTargetPixels()}. */
    public RasterExtent alignTargetPixels() {
        return toGridExtent().alignTargetPixels().toRasterExtent();
    }

    /** The same grid with long dimensions. */
    public GridExtent toGridExtent() {
        return new GridExtent(extent, cellWidth, cellHeight, cols, rows);
    }
}
