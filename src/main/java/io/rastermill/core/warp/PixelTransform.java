package io.rastermill.core.warp;

import io.rastermill.core.crs.CrsTransform;

/**
 * Maps target pixel coordinates to source pixel coordinates (through the target CRS, proj4j's transform to the
 * source CRS and the source grid), for whole blocks of target cells.
 *
 * <p><b>Exact or interpolated.</b> With {@code maxError == 0} every point goes through proj4j. Otherwise the exact
 * transform runs on a control grid (every {@value #START_STEP} cells, and the block's last row and column) and the
 * points in between are interpolated bilinearly. Before a grid is used, the exact transform is compared with the
 * interpolation at the centre of every control cell and of its top and left edges — where a bilinear
 * interpolation of a smooth map errs most — and the grid is halved until that error is at most {@code maxError}
 * source pixels (down to exact). A control point without a finite transform makes the block exact.
 *
 * <p>Not thread-safe (proj4j scratch state and buffers): one per thread.
 */
public final class PixelTransform {
    static final int START_STEP = 32;

    private final WarpGrid target;
    private final WarpGrid source;
    private final CrsTransform crs;
    private final double maxError;
    /** The control grid and check points: this transform's own, or those of the warps it shares them with. */
    private final WarpBuffers b;

    private PixelTransform(WarpGrid target, WarpGrid source, double maxError, WarpBuffers buffers) {
        this.target = target;
        this.source = source;
        this.crs = CrsTransform.between(target.crs(), source.crs());
        this.maxError = maxError;
        this.b = buffers;
    }

    /**
     * From {@code target} pixels to {@code source} pixels.
     *
     * @param maxError allowed interpolation error in source pixels; 0 transforms every point exactly
     */
    public static PixelTransform between(WarpGrid target, WarpGrid source, double maxError) {
        return between(target, source, maxError, new WarpBuffers());
    }

    /** As {@link #between(WarpGrid, WarpGrid, double)}, working in {@code buffers}. */
    static PixelTransform between(WarpGrid target, WarpGrid source, double maxError, WarpBuffers buffers) {
        if (!(maxError >= 0)) {
            throw new IllegalArgumentException("the error threshold must be >= 0 pixels, got " + maxError);
        }
        return new PixelTransform(target, source, maxError, buffers);
    }

    /**
     * Source coordinates of the target points {@code (x0 + i + offset, y0 + j + offset)} for {@code i < w},
     * {@code j < h}, row-major into {@code xs}/{@code ys} (offset 0.5: cell centres; 0: upper-left corners).
     *
     * @return the largest interpolation error measured at the check points (0 when exact)
     */
    public double transform(int x0, int y0, int w, int h, double offset, double[] xs, double[] ys) {
        if (maxError > 0 && (w > 2 || h > 2)) {
            for (int step = START_STEP; step >= 2; step /= 2) {
                double err = interpolated(x0 + offset, y0 + offset, w, h, step, xs, ys);
                if (err <= maxError) {
                    return err;
                }
            }
        }
        exact(x0 + offset, y0 + offset, w, h, xs, ys);
        return 0;
    }

    /** Every point through proj4j. */
    public void exact(double px, double py, int w, int h, double[] xs, double[] ys) {
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                xs[j * w + i] = target.colToMap(px + i);
                ys[j * w + i] = target.rowToMap(py + j);
            }
        }
        toSourcePixels(xs, ys, w * h);
    }

    private void toSourcePixels(double[] xs, double[] ys, int n) {
        crs.transformInPlace(xs, ys, 0, n);
        if (source.crs().isGeographic()) {
            // proj4j answers longitudes in [-180, 180]; a source grid running past 180° wants them near its own.
            double centre =
                    (source.grid().extent().xmin() + source.grid().extent().xmax()) / 2;
            for (int i = 0; i < n; i++) {
                xs[i] -= 360 * Math.rint((xs[i] - centre) / 360);
            }
        }
        double xmin = source.grid().extent().xmin();
        double ymax = source.grid().extent().ymax();
        double cw = source.grid().cellWidth();
        double ch = source.grid().cellHeight();
        for (int i = 0; i < n; i++) {
            xs[i] = (xs[i] - xmin) / cw;
            ys[i] = (ymax - ys[i]) / ch;
        }
    }

    /** Node positions 0, step, 2·step, ... and {@code n - 1}. */
    private static int[] nodes(int n, int step) {
        int count = (n - 1 + step - 1) / step + 1;
        if (n == 1) {
            return new int[] {0};
        }
        int[] p = new int[count];
        for (int k = 0; k < count - 1; k++) {
            p[k] = k * step;
        }
        p[count - 1] = n - 1;
        return p;
    }

    /** Interpolates from a control grid of {@code step}; the measured error, or +inf if a node has no transform. */
    private double interpolated(double px, double py, int w, int h, int step, double[] xs, double[] ys) {
        int[] cx = nodes(w, step);
        int[] cy = nodes(h, step);
        int n = cx.length * cy.length;
        double[] nx = b.nx = grow(b.nx, n);
        double[] ny = b.ny = grow(b.ny, n);
        for (int j = 0; j < cy.length; j++) {
            for (int i = 0; i < cx.length; i++) {
                nx[j * cx.length + i] = target.colToMap(px + cx[i]);
                ny[j * cx.length + i] = target.rowToMap(py + cy[j]);
            }
        }
        toSourcePixels(nx, ny, n);
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(nx[k]) || !Double.isFinite(ny[k])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        // Check points: centre, top-edge middle and left-edge middle of every control cell.
        int cells = Math.max(1, cx.length - 1) * Math.max(1, cy.length - 1);
        double[] checkX = b.checkX = grow(b.checkX, 3 * cells);
        double[] checkY = b.checkY = grow(b.checkY, 3 * cells);
        double[] checkSx = b.checkSx = grow(b.checkSx, 3 * cells);
        double[] checkSy = b.checkSy = grow(b.checkSy, 3 * cells);
        int m = 0;
        for (int j = 0; j < Math.max(1, cy.length - 1); j++) {
            double ya = cy[j];
            double yb = cy.length > 1 ? cy[j + 1] : cy[j];
            for (int i = 0; i < Math.max(1, cx.length - 1); i++) {
                double xa = cx[i];
                double xb = cx.length > 1 ? cx[i + 1] : cx[i];
                m = addCheck(m, (xa + xb) / 2, (ya + yb) / 2);
                m = addCheck(m, (xa + xb) / 2, ya);
                m = addCheck(m, xa, (ya + yb) / 2);
            }
        }
        for (int k = 0; k < m; k++) {
            checkSx[k] = target.colToMap(px + checkX[k]);
            checkSy[k] = target.rowToMap(py + checkY[k]);
        }
        toSourcePixels(checkSx, checkSy, m);
        double err = 0;
        for (int k = 0; k < m; k++) {
            double ix = interpolate(nx, cx, cy, checkX[k], checkY[k]);
            double iy = interpolate(ny, cx, cy, checkX[k], checkY[k]);
            double e = Math.max(Math.abs(ix - checkSx[k]), Math.abs(iy - checkSy[k]));
            if (!(e <= maxError)) {
                return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
            }
            err = Math.max(err, e);
        }
        fill(cx, cy, w, h, xs, ys);
        return err;
    }

    private int addCheck(int m, double x, double y) {
        b.checkX[m] = x;
        b.checkY[m] = y;
        return m + 1;
    }

    /** Bilinear interpolation of node values {@code f} at the (fractional) block position (x, y). */
    private static double interpolate(double[] f, int[] cx, int[] cy, double x, double y) {
        int i = segment(cx, x);
        int j = segment(cy, y);
        int i1 = Math.min(i + 1, cx.length - 1);
        int j1 = Math.min(j + 1, cy.length - 1);
        double tx = i1 == i ? 0 : (x - cx[i]) / (cx[i1] - cx[i]);
        double ty = j1 == j ? 0 : (y - cy[j]) / (cy[j1] - cy[j]);
        int stride = cx.length;
        double top = f[j * stride + i] + (f[j * stride + i1] - f[j * stride + i]) * tx;
        double bottom = f[j1 * stride + i] + (f[j1 * stride + i1] - f[j1 * stride + i]) * tx;
        return top + (bottom - top) * ty;
    }

    private static int segment(int[] nodes, double p) {
        int k = 0;
        while (k + 1 < nodes.length - 1 && nodes[k + 1] <= p) {
            k++;
        }
        return k;
    }

    /** Interpolates every point of the block, row by row, from the node values. */
    private void fill(int[] cx, int[] cy, int w, int h, double[] xs, double[] ys) {
        int stride = cx.length;
        double[] nx = b.nx;
        double[] ny = b.ny;
        for (int row = 0; row < h; row++) {
            int j = segment(cy, row);
            int j1 = Math.min(j + 1, cy.length - 1);
            double ty = j1 == j ? 0 : (double) (row - cy[j]) / (cy[j1] - cy[j]);
            for (int i = 0; i < Math.max(1, cx.length - 1); i++) {
                int i1 = Math.min(i + 1, cx.length - 1);
                double lx = nx[j * stride + i] + (nx[j1 * stride + i] - nx[j * stride + i]) * ty;
                double rx = nx[j * stride + i1] + (nx[j1 * stride + i1] - nx[j * stride + i1]) * ty;
                double ly = ny[j * stride + i] + (ny[j1 * stride + i] - ny[j * stride + i]) * ty;
                double ry = ny[j * stride + i1] + (ny[j1 * stride + i1] - ny[j * stride + i1]) * ty;
                int from = cx[i];
                int to = i1 == i ? from : (i + 1 == cx.length - 1 ? cx[i1] : cx[i1] - 1);
                double span = i1 == i ? 1 : cx[i1] - cx[i];
                for (int col = from; col <= to; col++) {
                    double tx = i1 == i ? 0 : (col - from) / span;
                    xs[row * w + col] = lx + (rx - lx) * tx;
                    ys[row * w + col] = ly + (ry - ly) * tx;
                }
            }
        }
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
