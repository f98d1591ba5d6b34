package io.rastermill.core.temporal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.WarpedValues;

/**
 * The tiles of one spatial key, added in time order, reduced per cell by a {@link TemporalReducer} into tiles of one
 * cell type: the step {@code LayerComposite} and the SQL aggregates share, so both give the same cells. NoData cells
 * never count. Integer tiles are added in the int lane, floating-point ones in the double lane.
 *
 * <p>Mutable, not thread-safe: one per key being reduced.
 */
public final class TileSeries {
    private final CellType cellType;
    private final int cols;
    private final int rows;
    private final TemporalAccumulator acc;

    /** An empty series of {@code cols × rows} tiles whose result has {@code cellType}. */
    public TileSeries(TemporalReducer reducer, CellType cellType, int cols, int rows) {
        this.cellType = cellType;
        this.cols = cols;
        this.rows = rows;
        this.acc = reducer.newAccumulator(cols * rows);
    }

    /**
     * Adds the next tile in time order.
     *
     * @param day   its time in days since the series' origin (only trend reads it)
     * @param which the tile's name for errors, e.g. its key
     * @throws IllegalArgumentException naming {@code which} if the tile's size is not the series'
     */
    public void add(Tile tile, double day, Object which) {
        if (tile.cols() != cols || tile.rows() != rows) {
            throw new IllegalArgumentException("tile " + which + " is " + tile.cols() + "x" + tile.rows()
                    + ", the series' first is " + cols + "x" + rows);
        }
        if (tile.cellType().isFloatingPoint()) {
            acc.add(tile.toDoubleLane(), day);
        } else { // integer tiles stay in the int lane, where the reducers keep them compact and exact
            acc.add(tile.toIntLane(), day);
        }
    }

    /** The reducer's bands as tiles of the cell type (rounded and clamped for integer types, NoData where NaN). */
    public Tile[] result() {
        double[][] result = acc.result();
        Tile[] out = new Tile[result.length];
        for (int j = 0; j < result.length; j++) {
            out[j] = Tiles.fromDoubleLane(cellType, cols, rows, WarpedValues.fitted(result[j], cellType));
        }
        return out;
    }
}
