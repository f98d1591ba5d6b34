package io.rastermill.core.warp;

import java.util.Arrays;

/**
 * Resampling of one source band onto target cells, with GDAL's warper semantics.
 *
 * <p><b>Coordinates.</b> Inputs are source pixel coordinates (column, row; the raster's upper-left corner is
 * (0, 0), cell centres at +0.5) of each target cell's centre — or, for aggregating methods, of its corners.
 *
 * <p><b>NoData.</b> Source NoData is NaN. A target cell whose centre falls outside the source, or (for
 * interpolating methods) on a NoData source cell, gets nothing. Otherwise NoData and out-of-raster neighbours are
 * left out of the kernel and the remaining weights renormalised; no weight at all gives nothing. Cells that get
 * nothing are left untouched in {@code out}, so consecutive sources mosaic (later sources win where they have
 * data).
 *
 * <p><b>Kernels.</b> When the target is coarser than the source ({@code scale < 1}: target cells per source cell),
 * kernels are widened by {@code 1 / scale} and evaluated at {@code distance * scale}; at scales of 0.95 and above
 * bilinear and cubic use their 2×2 and 4×4 forms, cubic falling back to bilinear near the raster edge or NoData.
 *
 * <p>Stateless apart from scratch arrays: one instance per thread.
 */
public final class WarpKernel {
    /** Below this total weight an interpolation has no value (GDAL's threshold). */
    private static final double MIN_WEIGHT = 1e-5;

    private static final double EDGE_EPSILON = 1e-10;

    private double[] wx = new double[8];
    private double[] wy = new double[8];
    private double[] values = new double[64];
    private double[] distinctValues = new double[64];
    private double[] counts = new double[64];

    /**
     * Interpolates (or takes the nearest) at {@code count} target cell centres whose source coordinates are
     * {@code xs}/{@code ys}, writing the cells that get a value into {@code out}.
     *
     * @param scaleX target cells per source cell across (1 for same or finer resolution)
     */
    public void sample(
            SourceWindow src,
            double[] xs,
            double[] ys,
            int count,
            Resampling method,
            double scaleX,
            double scaleY,
            double[] out) {
        if (method.isAggregating()) {
            throw new IllegalArgumentException(method.gdalName() + " aggregates footprints: use aggregate()");
        }
        double sx = Math.min(1, scaleX);
        double sy = Math.min(1, scaleY);
        boolean fourSamples = sx >= 0.95 && sy >= 0.95;
        int rx = method == Resampling.NEAREST ? 0 : (int) Math.ceil(method.radius() / sx);
        int ry = method == Resampling.NEAREST ? 0 : (int) Math.ceil(method.radius() / sy);
        if (wx.length < 2 * rx + 2) {
            wx = new double[2 * rx + 2];
        }
        if (wy.length < 2 * ry + 2) {
            wy = new double[2 * ry + 2];
        }
        if (method != Resampling.NEAREST
                && !(fourSamples && (method == Resampling.BILINEAR || method == Resampling.CUBIC))) {
            separable(src, xs, ys, count, method, rx, ry, sx, sy, out);
            return;
        }
        double[] v = src.values();
        int w = src.cols();
        int h = src.rows();
        for (int i = 0; i < count; i++) {
            double x = xs[i] - src.col0();
            double y = ys[i] - src.row0();
            if (!(x >= 0 && y >= 0 && x < w && y < h)) {
                continue;
            }
            int ix = (int) x;
            int iy = (int) y;
            double centre = v[iy * w + ix];
            if (Double.isNaN(centre)) {
                continue;
            }
            double r;
            if (method == Resampling.NEAREST) {
                r = centre;
            } else if (method == Resampling.BILINEAR) {
                r = bilinear(v, w, h, x, y);
            } else {
                r = cubic(v, w, h, x, y);
            }
            if (!Double.isNaN(r)) {
                out[i] = r;
            }
        }
    }

    /** GDAL's 2×2 bilinear: in-raster, valid neighbours only, weights renormalised. */
    private static double bilinear(double[] v, int w, int h, double x, double y) {
        int ix = floor(x - 0.5);
        int iy = floor(y - 0.5);
        double fx = x - 0.5 - ix;
        double fy = y - 0.5 - iy;
        double acc = 0;
        double weight = 0;
        for (int j = 0; j < 2; j++) {
            int yy = iy + j;
            if (yy < 0 || yy >= h) {
                continue;
            }
            double wyj = j == 0 ? 1 - fy : fy;
            for (int k = 0; k < 2; k++) {
                int xx = ix + k;
                if (xx < 0 || xx >= w) {
                    continue;
                }
                double val = v[yy * w + xx];
                if (Double.isNaN(val)) {
                    continue;
                }
                double wk = wyj * (k == 0 ? 1 - fx : fx);
                acc += val * wk;
                weight += wk;
            }
        }
        if (weight < MIN_WEIGHT) {
            return Double.NaN;
        }
        return weight == 1 ? acc : acc / weight;
    }

    /** GDAL's 4×4 cubic convolution (a = -0.5); bilinear near the edge or where a neighbour is NoData. */
    private static double cubic(double[] v, int w, int h, double x, double y) {
        int ix = (int) (x - 0.5);
        int iy = (int) (y - 0.5);
        if (x - 0.5 < 0 || y - 0.5 < 0 || ix - 1 < 0 || ix + 2 >= w || iy - 1 < 0 || iy + 2 >= h) {
            return bilinear(v, w, h, x, y);
        }
        double dx = x - 0.5 - ix;
        double dy = y - 0.5 - iy;
        double acc = 0;
        for (int j = -1; j <= 2; j++) {
            double row = 0;
            int base = (iy + j) * w + ix;
            for (int k = -1; k <= 2; k++) {
                double val = v[base + k];
                if (Double.isNaN(val)) {
                    return bilinear(v, w, h, x, y);
                }
                row += val * cubicWeight(k - dx);
            }
            acc += row * cubicWeight(j - dy);
        }
        return acc;
    }

    /**
     * The separable kernel over {@code (2 rx) × (2 ry)} cells, widened by the scale, renormalised, at every cell of
     * {@link #sample} (same rules for the centre). One loop over the cells with the kernel written out in it: the
     * launcher's JIT (C1) calls rather than inlines, and three calls per cell cost a third of the kernel's time.
     */
    private void separable(
            SourceWindow src,
            double[] xs,
            double[] ys,
            int count,
            Resampling method,
            int rx,
            int ry,
            double sx,
            double sy,
            double[] out) {
        double[] v = src.values();
        int w = src.cols();
        int h = src.rows();
        int col0 = src.col0();
        int row0 = src.row0();
        boolean tent = method == Resampling.BILINEAR;
        double[] wx = this.wx;
        double[] wy = this.wy;
        for (int i = 0; i < count; i++) {
            double x = xs[i] - col0;
            double y = ys[i] - row0;
            if (!(x >= 0 && y >= 0 && x < w && y < h)) {
                continue;
            }
            if (Double.isNaN(v[(int) y * w + (int) x])) {
                continue;
            }
            double fx = x - 0.5;
            double fy = y - 0.5;
            int ix = floor(fx);
            int iy = floor(fy);
            double dx = fx - ix;
            double dy = fy - iy;
            int k0 = Math.max(1 - rx, -ix);
            int k1 = Math.min(rx, w - 1 - ix);
            int j0 = Math.max(1 - ry, -iy);
            int j1 = Math.min(ry, h - 1 - iy);
            // only the taps inside the window: the others are never read
            if (tent) {
                for (int t = k0; t <= k1; t++) {
                    double d = 1 - Math.abs((t - dx) * sx);
                    wx[t + rx] = d > 0 ? d : 0; // Math.max(0, d): d is never NaN here
                }
                for (int t = j0; t <= j1; t++) {
                    double d = 1 - Math.abs((t - dy) * sy);
                    wy[t + ry] = d > 0 ? d : 0;
                }
            } else {
                weights(method, wx, rx, k0, k1, dx, sx);
                weights(method, wy, ry, j0, j1, dy, sy);
            }
            double acc = 0;
            double weight = 0;
            for (int j = j0; j <= j1; j++) {
                double wj = wy[j + ry];
                if (wj == 0) {
                    continue;
                }
                int base = (iy + j) * w + ix;
                for (int k = k0; k <= k1; k++) {
                    double val = v[base + k];
                    if (Double.isNaN(val)) {
                        continue;
                    }
                    double wk = wj * wx[k + rx];
                    acc += val * wk;
                    weight += wk;
                }
            }
            if (Math.abs(weight) < MIN_WEIGHT) {
                continue;
            }
            double r = weight > 0.99999 && weight < 1.00001 ? acc : acc / weight;
            if (!Double.isNaN(r)) {
                out[i] = r;
            }
        }
    }

    /**
     * {@code into[t + r] = weight(method, (t - d) * s)} for the taps {@code t0..t1} of the kernels other than
     * bilinear's tent ({@link #separable} has it inline): one dispatch per axis and cell instead of one per tap.
     */
    private static void weights(Resampling method, double[] into, int r, int t0, int t1, double d, double s) {
        switch (method) {
            case CUBIC -> {
                for (int t = t0; t <= t1; t++) {
                    into[t + r] = cubicWeight((t - d) * s);
                }
            }
            case CUBIC_SPLINE -> {
                for (int t = t0; t <= t1; t++) {
                    into[t + r] = cubicSplineWeight((t - d) * s);
                }
            }
            case LANCZOS -> {
                for (int t = t0; t <= t1; t++) {
                    into[t + r] = lanczosWeight((t - d) * s);
                }
            }
            default -> throw new IllegalArgumentException(method.gdalName() + " has no kernel");
        }
    }

    /** {@code (int) Math.floor(a)} for {@code a} within the int range, without the call C1 leaves in. */
    private static int floor(double a) {
        int i = (int) a;
        return a < i ? i - 1 : i;
    }

    static double weight(Resampling method, double d) {
        return switch (method) {
            case BILINEAR -> Math.max(0, 1 - Math.abs(d));
            case CUBIC -> cubicWeight(d);
            case CUBIC_SPLINE -> cubicSplineWeight(d);
            case LANCZOS -> lanczosWeight(d);
            default -> throw new IllegalArgumentException(method.gdalName() + " has no kernel");
        };
    }

    /** Keys' cubic convolution kernel with a = -0.5. */
    static double cubicWeight(double d) {
        double x = Math.abs(d);
        if (x < 1) {
            return (1.5 * x - 2.5) * x * x + 1;
        }
        if (x < 2) {
            return ((-0.5 * x + 2.5) * x - 4) * x + 2;
        }
        return 0;
    }

    /** The cubic B-spline. */
    static double cubicSplineWeight(double d) {
        double x = Math.abs(d);
        if (x < 1) {
            return (4 - 6 * x * x + 3 * x * x * x) / 6;
        }
        if (x < 2) {
            double t = 2 - x;
            return t * t * t / 6;
        }
        return 0;
    }

    /** Lanczos windowed sinc with radius 3. */
    static double lanczosWeight(double d) {
        double x = Math.abs(d);
        if (x == 0) {
            return 1;
        }
        if (x >= 3) {
            return 0;
        }
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }

    /**
     * Reduces the source cells under each of the {@code cols × rows} target cells whose corners' source coordinates
     * are {@code cx}/{@code cy} ({@code (cols + 1) × (rows + 1)} corners, row-major), writing cells that get a value.
     * The footprint is the box spanned by a cell's upper-left and lower-right corners, as GDAL takes it.
     *
     * @param wrapCols source columns per 360° of longitude for a geographic source, else 0: a cell whose corners
     *                 land on either side of the longitude where the transform turns by 360° (the antipode of the
     *                 source's centre) has its lower-right corner moved by a turn, next to the upper-left one, so
     *                 its footprint is the cell's own and not the whole width between the two
     */
    public void aggregate(
            SourceWindow src,
            double[] cx,
            double[] cy,
            int cols,
            int rows,
            Resampling method,
            double wrapCols,
            double[] out) {
        if (!method.isAggregating()) {
            throw new IllegalArgumentException(method.gdalName() + " is not an aggregating method");
        }
        int w = src.cols();
        int h = src.rows();
        double[] v = src.values();
        int stride = cols + 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int a = r * stride + c;
                int b = a + stride + 1;
                double x0 = cx[a] - src.col0();
                double x1 = cx[b] - src.col0();
                if (wrapCols > 0 && Math.abs(x1 - x0) > wrapCols / 2) {
                    x1 -= wrapCols * Math.rint((x1 - x0) / wrapCols);
                }
                double y0 = cy[a] - src.row0();
                double y1 = cy[b] - src.row0();
                if (Double.isNaN(x0) || Double.isNaN(x1) || Double.isNaN(y0) || Double.isNaN(y1)) {
                    continue;
                }
                double xmin = Math.min(x0, x1);
                double xmax = Math.max(x0, x1);
                double ymin = Math.min(y0, y1);
                double ymax = Math.max(y0, y1);
                int i0 = (int) Math.max(Math.floor(xmin + EDGE_EPSILON), 0);
                int i1 = (int) Math.min(Math.ceil(xmax - EDGE_EPSILON), w);
                int j0 = (int) Math.max(Math.floor(ymin + EDGE_EPSILON), 0);
                int j1 = (int) Math.min(Math.ceil(ymax - EDGE_EPSILON), h);
                if (i0 == i1 && i1 < w) {
                    i1++;
                }
                if (j0 == j1 && j1 < h) {
                    j1++;
                }
                // As GDAL: a footprint up to one cell west or north of the raster still takes its first cell.
                if (i0 >= i1 || j0 >= j1) {
                    continue;
                }
                double r0 = reduce(v, w, i0, i1, j0, j1, xmin, xmax, ymin, ymax, method);
                if (!Double.isNaN(r0)) {
                    out[r * cols + c] = r0;
                }
            }
        }
    }

    private double reduce(
            double[] v,
            int w,
            int i0,
            int i1,
            int j0,
            int j1,
            double xmin,
            double xmax,
            double ymin,
            double ymax,
            Resampling method) {
        switch (method) {
            case AVERAGE, SUM, RMS -> {
                double acc = 0;
                double weight = 0;
                boolean any = false;
                for (int j = j0; j < j1; j++) {
                    double wj = coverage(j, ymin, ymax, j1 - j0);
                    for (int i = i0; i < i1; i++) {
                        double val = v[j * w + i];
                        if (Double.isNaN(val)) {
                            continue;
                        }
                        double wk = wj * coverage(i, xmin, xmax, i1 - i0);
                        acc += method == Resampling.RMS ? val * val * wk : val * wk;
                        weight += wk;
                        any = true;
                    }
                }
                if (!any || weight <= 0) {
                    return Double.NaN;
                }
                return switch (method) {
                    case SUM -> acc;
                    case RMS -> Math.sqrt(acc / weight);
                    default -> acc / weight;
                };
            }
            case MIN, MAX -> {
                double best = Double.NaN;
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) {
                        double val = v[j * w + i];
                        if (Double.isNaN(best) || (method == Resampling.MIN ? val < best : val > best)) {
                            best = val;
                        }
                    }
                }
                return best;
            }
            case MODE -> {
                return mode(v, w, i0, i1, j0, j1);
            }
            case MED, Q1, Q3 -> {
                int n = collect(v, w, i0, i1, j0, j1);
                if (n == 0) {
                    return Double.NaN;
                }
                Arrays.sort(values, 0, n);
                double q = method == Resampling.MED ? 0.5 : method == Resampling.Q1 ? 0.25 : 0.75;
                return values[Math.max(0, (int) Math.ceil(q * n) - 1)]; // nearest rank
            }
            default -> throw new IllegalArgumentException(method.gdalName() + " is not an aggregating method");
        }
    }

    /** The part of source cell {@code i} inside [lo, hi]; a footprint narrower than one cell still counts it. */
    private static double coverage(int i, double lo, double hi, int span) {
        double c = Math.min(i + 1, hi) - Math.max(i, lo);
        return c > 0 ? c : span == 1 ? 1 : 0;
    }

    /** Valid values of the box into {@link #values}, in scan order; their number. */
    private int collect(double[] v, int w, int i0, int i1, int j0, int j1) {
        int need = (i1 - i0) * (j1 - j0);
        if (values.length < need) {
            values = new double[need];
            distinctValues = new double[need];
            counts = new double[need];
        }
        int n = 0;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                double val = v[j * w + i];
                if (!Double.isNaN(val)) {
                    values[n++] = val;
                }
            }
        }
        return n;
    }

    /** The most frequent value; among equally frequent ones, the first to reach that count in scan order (GDAL). */
    private double mode(double[] v, int w, int i0, int i1, int j0, int j1) {
        int n = collect(v, w, i0, i1, j0, j1);
        int distinct = 0;
        double best = Double.NaN;
        double bestCount = 0;
        for (int k = 0; k < n; k++) {
            double val = values[k];
            int slot = 0;
            while (slot < distinct && distinctValues[slot] != val) {
                slot++;
            }
            if (slot == distinct) {
                distinctValues[distinct] = val;
                counts[distinct++] = 0;
            }
            if (++counts[slot] > bestCount) {
                bestCount = counts[slot];
                best = val;
            }
        }
        return best;
    }
}
