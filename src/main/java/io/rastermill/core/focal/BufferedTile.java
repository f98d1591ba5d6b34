package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.Objects;

/**
 * The halo contract between focal kernels and whoever cuts tiles (the Spark layer, or
 * {@link #window} in one JVM): a tile of {@code (cols + 2·halo) × (rows + 2·halo)} cells whose
 * centre {@code cols × rows} part is the target, the halo size, which sides of the halo lie
 * outside the raster, and the raster's cell size.
 *
 * <p>Halo cells on a side flagged {@link Sides outside} are ignored (their values may be
 * anything); a halo cell on an inside side is a real raster cell and may be NoData. gdaldem's
 * {@code -compute_edges} extrapolates the raster at its border, which is why "outside" and
 * "NoData inside" are told apart. Corner halo cells are outside if either adjacent side is.
 *
 * <p>Invariant every kernel honours: a kernel applied to each tile of any tiling (each buffered
 * with its neighbours' cells, sides at the raster border flagged outside) and stitched equals
 * the kernel applied to {@link #whole} of the raster, cell for cell.
 */
public record BufferedTile(Tile tile, int halo, Sides outside, CellSize cellSize) {

    /** Which sides of the halo lie outside the raster. */
    public record Sides(boolean north, boolean south, boolean west, boolean east) {
        public static final Sides NONE = new Sides(false, false, false, false);
        public static final Sides ALL = new Sides(true, true, true, true);
    }

    public BufferedTile {
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(outside, "outside");
        Objects.requireNonNull(cellSize, "cellSize");
        if (halo < 0) {
            throw new IllegalArgumentException("halo must be >= 0, got " + halo);
        }
        if (tile.cols() <= 2 * halo || tile.rows() <= 2 * halo) {
            throw new IllegalArgumentException(
                    "buffered tile " + tile.cols() + "x" + tile.rows() + " has no centre with halo " + halo);
        }
    }

    /** Width of the target (centre) part. */
    public int cols() {
        return tile.cols() - 2 * halo;
    }

    /** Height of the target (centre) part. */
    public int rows() {
        return tile.rows() - 2 * halo;
    }

    /** A whole raster as one target, with an all-outside halo of {@code halo} NoData cells. */
    public static BufferedTile whole(Tile raster, int halo, CellSize cellSize) {
        return window(raster, 0, 0, raster.cols(), raster.rows(), halo, cellSize);
    }

    /**
     * The target {@code [col0, col0+cols) × [row0, row0+rows)} of {@code raster}, buffered with
     * its neighbours' cells; halo cells beyond the raster are NoData and their sides flagged outside.
     * The halo of a side is flagged outside when the target touches the raster border there.
     */
    public static BufferedTile window(
            Tile raster, int col0, int row0, int cols, int rows, int halo, CellSize cellSize) {
        if (col0 < 0
                || row0 < 0
                || cols <= 0
                || rows <= 0
                || col0 + cols > raster.cols()
                || row0 + rows > raster.rows()) {
            throw new IllegalArgumentException("window " + col0 + "," + row0 + " " + cols + "x" + rows
                    + " is not inside the " + raster.cols() + "x" + raster.rows() + " raster");
        }
        int bw = cols + 2 * halo;
        int bh = rows + 2 * halo;
        double[] src = raster.toDoubleLane();
        double[] dst = new double[bw * bh];
        int rc = raster.cols();
        for (int y = 0; y < bh; y++) {
            int sy = row0 + y - halo;
            for (int x = 0; x < bw; x++) {
                int sx = col0 + x - halo;
                dst[y * bw + x] = sy < 0 || sy >= raster.rows() || sx < 0 || sx >= rc ? Double.NaN : src[sy * rc + sx];
            }
        }
        CellType ct = raster.cellType().isFloatingPoint() ? raster.cellType() : CellType.FLOAT64;
        Sides sides = new Sides(row0 == 0, row0 + rows == raster.rows(), col0 == 0, col0 + cols == raster.cols());
        return new BufferedTile(ArrayTile.fromDoubleLane(ct, bw, bh, dst), halo, sides, cellSize);
    }
}
