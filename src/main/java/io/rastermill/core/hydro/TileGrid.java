package io.rastermill.core.hydro;

import java.io.Serializable;

/**
 * A raster of {@code cols × rows} cells cut into tiles of {@code tileCols × tileRows} from the
 * upper-left corner; edge tiles are smaller (their in-raster part). Tiles are numbered row-major,
 * {@code id = tileRow * tilesAcross + tileCol}; the driver's perimeter graphs are indexed this way.
 */
public record TileGrid(long cols, long rows, int tileCols, int tileRows) implements Serializable {

    public TileGrid {
        if (cols <= 0 || rows <= 0 || tileCols <= 0 || tileRows <= 0) {
            throw new IllegalArgumentException(
                    "bad grid " + cols + "x" + rows + " in tiles of " + tileCols + "x" + tileRows);
        }
        if (tilesAcross(cols, tileCols) * tilesAcross(rows, tileRows) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many tiles: " + cols + "x" + rows + " in tiles of " + tileCols);
        }
    }

    private static long tilesAcross(long cells, int tile) {
        return (cells + tile - 1) / tile;
    }

    public int tilesAcross() {
        return (int) tilesAcross(cols, tileCols);
    }

    public int tilesDown() {
        return (int) tilesAcross(rows, tileRows);
    }

    public int tileCount() {
        return tilesAcross() * tilesDown();
    }

    public int id(int tileCol, int tileRow) {
        return tileRow * tilesAcross() + tileCol;
    }

    public int tileCol(int id) {
        return id % tilesAcross();
    }

    public int tileRow(int id) {
        return id / tilesAcross();
    }

    /** Width of tile {@code id}'s in-raster part. */
    public int width(int id) {
        return (int) Math.min(tileCols, cols - (long) tileCol(id) * tileCols);
    }

    public int height(int id) {
        return (int) Math.min(tileRows, rows - (long) tileRow(id) * tileRows);
    }

    public TilePerimeter perimeter(int id) {
        return new TilePerimeter(width(id), height(id));
    }

    public long x0(int id) {
        return (long) tileCol(id) * tileCols;
    }

    public long y0(int id) {
        return (long) tileRow(id) * tileRows;
    }

    public boolean inside(long x, long y) {
        return x >= 0 && y >= 0 && x < cols && y < rows;
    }

    /** The tile holding raster cell (x, y), which must be inside. */
    public int tileOf(long x, long y) {
        return id((int) (x / tileCols), (int) (y / tileRows));
    }
}
