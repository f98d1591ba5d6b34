package io.rastermill.spark.temporal;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;

/**
 * A scene that already lies on the target grid: same CRS, same cell size, origin a whole number of cells away. With
 * nearest resampling each target cell centre then falls inside exactly one source cell, so warping it is a window
 * copy: the composite reads only the cells a block covers and copies them, in the int lane for integer scenes,
 * instead of transforming every cell centre and sampling a double window.
 *
 * <p>Immutable.
 *
 * @param dx source column of target column 0
 * @param dy source row of target row 0
 */
record AlignedScene(long dx, long dy, int sourceCols, int sourceRows) {

    /** Offsets within this fraction of a cell are whole: the warp's own transform rounds far coarser than that. */
    private static final double TOLERANCE = 1e-6;

    /** The alignment of {@code source} on {@code target}, or null when the scene needs the warp kernel. */
    static AlignedScene of(WarpGrid target, WarpGrid source, Resampling method) {
        if (method != Resampling.NEAREST || !target.crs().equals(source.crs())) {
            return null;
        }
        RasterExtent t = target.grid();
        RasterExtent s = source.grid();
        if (t.cellWidth() != s.cellWidth() || t.cellHeight() != s.cellHeight()) {
            return null;
        }
        double dx = (t.extent().xmin() - s.extent().xmin()) / s.cellWidth();
        double dy = (s.extent().ymax() - t.extent().ymax()) / s.cellHeight();
        long rx = Math.round(dx);
        long ry = Math.round(dy);
        if (Math.abs(dx - rx) > TOLERANCE || Math.abs(dy - ry) > TOLERANCE) {
            return null;
        }
        return new AlignedScene(rx, ry, s.cols(), s.rows());
    }

    /** The source cells under the target block of {@code w × h} cells at {@code (x0, y0)}, or null if none. */
    GridBounds window(int x0, int y0, int w, int h) {
        long c0 = Math.max(0, x0 + dx);
        long r0 = Math.max(0, y0 + dy);
        long c1 = Math.min(sourceCols - 1L, x0 + dx + w - 1);
        long r1 = Math.min(sourceRows - 1L, y0 + dy + h - 1);
        return c0 > c1 || r0 > r1 ? null : new GridBounds(c0, r0, c1, r1);
    }

    /**
     * Copies {@code cells} (the {@link #window} of the block at {@code (x0, y0)}, row-major; an {@code int[]} or a
     * {@code double[]}, as {@code block}) into {@code block} ({@code w} cells wide); its other cells are left as
     * they are.
     */
    void copy(Object cells, GridBounds window, int x0, int y0, Object block, int w) {
        int cols = (int) window.width();
        int bx = (int) (window.colMin() - dx - x0);
        int by = (int) (window.rowMin() - dy - y0);
        for (int r = 0; r < window.height(); r++) {
            System.arraycopy(cells, r * cols, block, (by + r) * w + bx, cols);
        }
    }
}
