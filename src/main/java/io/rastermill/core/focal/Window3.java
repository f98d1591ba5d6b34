package io.rastermill.core.focal;

/**
 * The 3×3 window of a buffered tile under one terrain edge/NoData rule ({@link Convention}, gdaldem's
 * {@code -compute_edges}), read into a caller's {@code double[9]} (row-major, north row first:
 * a b c / d e f / g h i): the {@link FocalWindow} of {@link Neighbourhood#square square(1)} plus the
 * substitution and border extrapolation rules slope, aspect, hillshade and the terrain indices share.
 * Use it for your own 3×3 terrain kernel to get gdaldem's or GeoTrellis's edges for free.
 * One instance per tile, not thread-safe.
 */
public final class Window3 {
    private static final Neighbourhood SQUARE_1 = Neighbourhood.square(1);

    private final double[] g;
    private final int stride;
    private final int off;
    private final int cols;
    private final int rows;
    private final boolean substitute;
    private final boolean extrapolate;
    private final boolean north;
    private final boolean south;
    private final boolean west;
    private final boolean east;
    private final boolean degenerate;

    /**
     * @param computeEdges gdaldem's -compute_edges (ignored for GEOTRELLIS, which always substitutes)
     */
    public Window3(BufferedTile bt, Convention convention, boolean computeEdges) {
        this(bt, convention, computeEdges, null);
    }

    /**
     * A window read into this thread's {@link ScratchLanes#WINDOW} lane: for a kernel that opens one window
     * per call and drops it before returning (two such windows open at once on a thread would share the lane).
     */
    static Window3 onScratchLane(BufferedTile bt, Convention convention, boolean computeEdges) {
        return new Window3(
                bt,
                convention,
                computeEdges,
                ScratchLanes.lane(ScratchLanes.WINDOW, bt.tile().size()));
    }

    private Window3(BufferedTile bt, Convention convention, boolean computeEdges, double[] lane) {
        if (bt.halo() < 1) {
            throw new IllegalArgumentException("a 3x3 kernel needs a halo >= 1, got " + bt.halo());
        }
        // outside halo cells are NaN (= NoData for the rules below)
        FocalWindow window = lane == null ? new FocalWindow(bt, SQUARE_1) : new FocalWindow(bt, SQUARE_1, lane);
        int w = window.stride();
        int halo = bt.halo();
        this.g = window.values();
        this.stride = w;
        this.off = window.index(0, 0);
        this.cols = bt.cols();
        this.rows = bt.rows();
        BufferedTile.Sides s = bt.outside();
        this.north = s.north();
        this.south = s.south();
        this.west = s.west();
        this.east = s.east();
        this.substitute = convention == Convention.GEOTRELLIS || computeEdges;
        this.extrapolate = convention == Convention.GDALDEM && computeEdges;
        // gdaldem gives only NoData for a raster 1 cell high or wide, even with -compute_edges
        this.degenerate =
                convention == Convention.GDALDEM && ((north && south && rows == 1) || (west && east && cols == 1));
        if (extrapolate) {
            // beyond the west/east border: 2·(border cell) − (next cell inwards), on every raster row
            int y0 = north ? halo : halo - 1;
            int y1 = south ? halo + rows : halo + rows + 1;
            for (int y = y0; y < y1; y++) {
                int r = y * w;
                if (west) {
                    g[r + halo - 1] = (float) (2 * g[r + halo] - g[r + halo + 1]);
                }
                if (east) {
                    int x = halo + cols;
                    g[r + x] = (float) (2 * g[r + x - 1] - g[r + x - 2]);
                }
            }
        }
    }

    /** Width of the target. */
    public int cols() {
        return cols;
    }

    /** Height of the target. */
    public int rows() {
        return rows;
    }

    /** The focal value of target cell (col,row); NaN if NoData. */
    public double centre(int col, int row) {
        return g[off + row * stride + col];
    }

    /**
     * Reads the window of target cell (col,row) into {@code w}; false if the output is NoData
     * under the rule (NoData centre, or a NoData/outside neighbour without substitution).
     */
    public boolean load(int col, int row, double[] w) {
        int i = off + row * stride + col;
        double e = g[i];
        if (e != e || degenerate) {
            return false;
        }
        if (extrapolate && ((north && row == 0) || (south && row == rows - 1))) {
            loadBorderLine(col, row, w);
        } else {
            int n = i - stride;
            int s = i + stride;
            w[0] = g[n - 1];
            w[1] = g[n];
            w[2] = g[n + 1];
            w[3] = g[i - 1];
            w[4] = e;
            w[5] = g[i + 1];
            w[6] = g[s - 1];
            w[7] = g[s];
            w[8] = g[s + 1];
        }
        // one test for the common case: a NaN anywhere makes the sum NaN (so may ±Inf; the loop sorts it out)
        double sum = w[0] + w[1] + w[2] + w[3] + w[5] + w[6] + w[7] + w[8];
        if (sum == sum) {
            return true;
        }
        for (int k = 0; k < 9; k++) {
            double v = w[k];
            if (v != v) {
                if (!substitute) {
                    return false;
                }
                w[k] = e;
            }
        }
        return true;
    }

    // Extrapolated values are rounded to float as gdaldem computes them on its float window.

    /**
     * gdaldem on the first/last raster row: the window's columns are clamped to the raster (a
     * column beyond the border repeats the focal column) and the missing row is extrapolated
     * vertically, column by column.
     */
    private void loadBorderLine(int col, int row, double[] w) {
        int cl = (west && col == 0) ? col : col - 1;
        int cr = (east && col == cols - 1) ? col : col + 1;
        boolean top = north && row == 0;
        boolean bottom = south && row == rows - 1;
        borderColumn(cl, row, top, bottom, w, 0);
        borderColumn(col, row, top, bottom, w, 1);
        borderColumn(cr, row, top, bottom, w, 2);
    }

    private void borderColumn(int col, int row, boolean top, boolean bottom, double[] w, int k) {
        int x = off + col;
        double mid = g[x + row * stride];
        double up;
        double down;
        if (top && bottom) {
            up = Double.NaN;
            down = Double.NaN;
        } else if (top) {
            down = g[x + (row + 1) * stride];
            up = (float) (2 * mid - down);
        } else {
            up = g[x + (row - 1) * stride];
            down = (float) (2 * mid - up);
        }
        w[k] = up;
        w[3 + k] = mid;
        w[6 + k] = down;
    }
}
