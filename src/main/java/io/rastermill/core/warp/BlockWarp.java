package io.rastermill.core.warp;

import io.rastermill.core.geom.GridBounds;

/**
 * Warps one source onto blocks of the target grid: first {@link #locate} tells which source cells a block needs
 * (the footprint of its cells through the inverse transform, plus the kernel's radius), then {@link #warp} resamples
 * those cells, once read, into the block.
 *
 * <p>Not thread-safe (transform and kernel scratch): one per task thread. The warps of many sources can share their
 * scratch ({@link WarpBuffers}), each then holding only its transform.
 */
public final class BlockWarp {
    private final WarpGrid source;
    private final Resampling method;
    private final PixelTransform transform;
    private final WarpBuffers buffers;
    /** Source columns per turn of longitude (geographic sources), else 0. */
    private final double wrapCols;

    private int cols;
    private int rows;
    private double scaleX = 1;
    private double scaleY = 1;

    public BlockWarp(WarpGrid target, WarpGrid source, Resampling method, double maxError) {
        this(target, source, method, maxError, new WarpBuffers());
    }

    /** As {@link #BlockWarp(WarpGrid, WarpGrid, Resampling, double)}, working in {@code buffers}. */
    public BlockWarp(WarpGrid target, WarpGrid source, Resampling method, double maxError, WarpBuffers buffers) {
        this.source = source;
        this.method = method;
        this.transform = PixelTransform.between(target, source, maxError, buffers);
        this.buffers = buffers;
        this.wrapCols = source.crs().isGeographic() ? 360 / source.grid().cellWidth() : 0;
    }

    /**
     * Transforms the block of {@code w × h} target cells at {@code (x0, y0)} and returns the source cells it needs,
     * clamped to the source raster, or null when it needs none.
     */
    public GridBounds locate(int x0, int y0, int w, int h) {
        cols = w;
        rows = h;
        boolean corners = method.isAggregating();
        int pw = corners ? w + 1 : w;
        int ph = corners ? h + 1 : h;
        if (buffers.xs.length < pw * ph) {
            buffers.xs = new double[pw * ph];
            buffers.ys = new double[pw * ph];
        }
        double[] xs = buffers.xs;
        double[] ys = buffers.ys;
        transform.transform(x0, y0, pw, ph, corners ? 0 : 0.5, xs, ys);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        // comparisons rather than Math.min/max, which C1 calls per cell; on finite values they differ only in the
        // sign of a zero, which no bound below depends on
        for (int i = 0; i < pw * ph; i++) {
            double x = xs[i];
            double y = ys[i];
            if (Double.isFinite(x) && Double.isFinite(y)) {
                if (x < xmin) {
                    xmin = x;
                }
                if (x > xmax) {
                    xmax = x;
                }
                if (y < ymin) {
                    ymin = y;
                }
                if (y > ymax) {
                    ymax = y;
                }
            }
        }
        if (!(xmin <= xmax)) {
            return null;
        }
        // As GDAL: target cells over the source cells of the window the block covers, clamped to the raster.
        scaleX = scale(w, Math.min(source.cols(), Math.ceil(xmax)) - Math.max(0, Math.floor(xmin)));
        scaleY = scale(h, Math.min(source.rows(), Math.ceil(ymax)) - Math.max(0, Math.floor(ymin)));
        int rx = method.isInterpolating() ? (int) Math.ceil(method.radius() / scaleX) : 0;
        int ry = method.isInterpolating() ? (int) Math.ceil(method.radius() / scaleY) : 0;
        long c0 = Math.max(0, (long) Math.floor(xmin) - rx - 1);
        long r0 = Math.max(0, (long) Math.floor(ymin) - ry - 1);
        long c1 = Math.min(source.cols() - 1L, (long) Math.floor(xmax) + rx + 1);
        long r1 = Math.min(source.rows() - 1L, (long) Math.floor(ymax) + ry + 1);
        if (c0 > c1 || r0 > r1) {
            return null;
        }
        return new GridBounds(c0, r0, c1, r1);
    }

    /**
     * Target cells per source cell along one axis, at most 1, snapped to 1/n when within 5 % of it (GDAL does
     * so to keep kernels stable from chunk to chunk).
     */
    private static double scale(int targetCells, double sourceCells) {
        if (!(sourceCells > 0)) {
            return 1;
        }
        double s = targetCells / sourceCells;
        if (s >= 1) {
            return 1;
        }
        double reciprocal = 1 / s;
        long n = Math.round(reciprocal);
        return Math.abs(reciprocal - n) < 0.05 ? 1.0 / n : s;
    }

    /**
     * Resamples {@code window} (the cells {@link #locate} asked for, NaN = NoData) into the block last located:
     * {@code out} ({@code w × h}, row-major) receives a value wherever this source gives one.
     */
    public void warp(SourceWindow window, double[] out) {
        if (method.isAggregating()) {
            buffers.kernel.aggregate(window, buffers.xs, buffers.ys, cols, rows, method, wrapCols, out);
        } else {
            buffers.kernel.sample(window, buffers.xs, buffers.ys, cols * rows, method, scaleX, scaleY, out);
        }
    }
}
