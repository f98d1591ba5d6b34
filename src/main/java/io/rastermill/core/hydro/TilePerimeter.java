package io.rastermill.core.hydro;

/**
 * The cells on the border of a {@code cols × rows} tile, numbered 0..size-1: the top row west to
 * east, then the bottom row, then the west and east cells of each middle row, north to south. A
 * tile one cell wide or high is all perimeter. Perimeter numbers index the small per-tile arrays
 * the driver exchanges with the tasks.
 */
public record TilePerimeter(int cols, int rows) {

    public TilePerimeter {
        if (cols <= 0 || rows <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + cols + "x" + rows);
        }
    }

    public int size() {
        if (rows == 1) {
            return cols;
        }
        return 2 * cols + (rows - 2) * (cols == 1 ? 1 : 2);
    }

    public boolean contains(int col, int row) {
        return row == 0 || row == rows - 1 || col == 0 || col == cols - 1;
    }

    /** The perimeter number of border cell (col, row); the cell must be on the border. */
    public int index(int col, int row) {
        if (row == 0) {
            return col;
        }
        if (row == rows - 1) {
            return cols + col;
        }
        if (cols == 1) {
            return 2 * cols + (row - 1);
        }
        return 2 * cols + (row - 1) * 2 + (col == 0 ? 0 : 1);
    }

    /** The row-major cell index of perimeter cell {@code i}. */
    public int cell(int i) {
        int col;
        int row;
        if (i < cols) {
            col = i;
            row = 0;
        } else if (rows > 1 && i < 2 * cols) {
            col = i - cols;
            row = rows - 1;
        } else if (cols == 1) {
            col = 0;
            row = i - 2 * cols + 1;
        } else {
            int j = i - 2 * cols;
            row = j / 2 + 1;
            col = (j & 1) == 0 ? 0 : cols - 1;
        }
        return row * cols + col;
    }
}
