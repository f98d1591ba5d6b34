package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.stats.OrderStatistics;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Focal mean, min, max, sum, standard deviation and median over a square or circle; float64
 * output, NaN where the window holds no data.
 *
 * <p>Every output cell is computed from its own window in a fixed order (no running sums carried
 * from cell to cell), so results are bit-for-bit independent of how a raster is tiled. Square
 * sum/mean/min/max are separable: O(radius) per cell. Circle and stddev (two-pass, for accuracy)
 * are O(radius²); median gathers the window into a reused buffer and selects in expected
 * O(radius²).
 */
public record FocalStatsOp(FocalStatsParams params) implements FocalKernel {

    @Override
    public int halo() {
        return params.radius();
    }

    @Override
    public Tile apply(BufferedTile input) {
        int rad = params.radius();
        if (input.halo() < rad) {
            throw new IllegalArgumentException(
                    "focal radius " + rad + " needs a halo >= " + rad + ", got " + input.halo());
        }
        FocalWindow win = new FocalWindow(input, params.neighbourhood());
        int cols = win.cols();
        int rows = win.rows();
        double[] out = new double[cols * rows];
        FocalStatsParams.Stat stat = params.stat();
        boolean square = params.shape() == FocalStatsParams.Shape.SQUARE;
        if (square && stat != FocalStatsParams.Stat.STDDEV && stat != FocalStatsParams.Stat.MEDIAN) {
            separable(win.values(), win.stride(), input.halo(), cols, rows, rad, stat, out);
        } else {
            perCell(win, stat, out, new double[win.neighbourhood().size()]);
        }
        return ArrayTile.fromDoubleLane(resultCellType(), cols, rows, out);
    }

    /** Square sum/mean/min/max: a horizontal pass over the rows the target needs, then a vertical one. */
    private static void separable(
            double[] g, int w, int halo, int cols, int rows, int rad, FocalStatsParams.Stat stat, double[] out) {
        int y0 = halo - rad;
        int hr = rows + 2 * rad;
        double[] acc = new double[hr * cols];
        int[] cnt = new int[hr * cols];
        boolean sum = stat == FocalStatsParams.Stat.SUM || stat == FocalStatsParams.Stat.MEAN;
        boolean min = stat == FocalStatsParams.Stat.MIN;
        for (int y = 0; y < hr; y++) {
            int rowBase = (y0 + y) * w + halo;
            for (int c = 0; c < cols; c++) {
                double a = sum ? 0 : (min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                int n = 0;
                int b = rowBase + c - rad;
                for (int dx = 0; dx <= 2 * rad; dx++) {
                    double v = g[b + dx];
                    if (v == v) {
                        n++;
                        a = sum ? a + v : (min ? Math.min(a, v) : Math.max(a, v));
                    }
                }
                acc[y * cols + c] = a;
                cnt[y * cols + c] = n;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double a = sum ? 0 : (min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                int n = 0;
                for (int dy = 0; dy <= 2 * rad; dy++) {
                    int k = (r + dy) * cols + c;
                    if (cnt[k] > 0) {
                        n += cnt[k];
                        double v = acc[k];
                        a = sum ? a + v : (min ? Math.min(a, v) : Math.max(a, v));
                    }
                }
                out[r * cols + c] = n == 0 ? Double.NaN : (stat == FocalStatsParams.Stat.MEAN ? a / n : a);
            }
        }
    }

    /** Any shape and statistic: gathers each window's data values, in the neighbourhood's order, into {@code buf}. */
    private static void perCell(FocalWindow win, FocalStatsParams.Stat stat, double[] out, double[] buf) {
        int cols = win.cols();
        for (int r = 0, k = 0; r < win.rows(); r++) {
            int i = win.index(0, r);
            for (int c = 0; c < cols; c++, k++, i++) {
                int n = win.gather(i, buf);
                out[k] = n == 0 ? Double.NaN : reduce(stat, buf, n);
            }
        }
    }

    private static double reduce(FocalStatsParams.Stat stat, double[] buf, int n) {
        switch (stat) {
            case SUM, MEAN -> {
                double a = 0;
                for (int i = 0; i < n; i++) {
                    a += buf[i];
                }
                return stat == FocalStatsParams.Stat.MEAN ? a / n : a;
            }
            case MIN -> {
                double a = buf[0];
                for (int i = 1; i < n; i++) {
                    a = Math.min(a, buf[i]);
                }
                return a;
            }
            case MAX -> {
                double a = buf[0];
                for (int i = 1; i < n; i++) {
                    a = Math.max(a, buf[i]);
                }
                return a;
            }
            case STDDEV -> {
                double m = 0;
                for (int i = 0; i < n; i++) {
                    m += buf[i];
                }
                m /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double d = buf[i] - m;
                    ss += d * d;
                }
                return Math.sqrt(ss / n);
            }
            case MEDIAN -> {
                int k = (n - 1) / 2;
                double lo = OrderStatistics.select(buf, n, k);
                if ((n & 1) == 1) {
                    return lo;
                }
                // after select, buf[k+1..n) holds values >= lo: the upper middle is their minimum
                return (lo + OrderStatistics.min(buf, k + 1, n)) / 2;
            }
            default -> throw new AssertionError(stat);
        }
    }

    @Override
    public CellType resultCellType() {
        return CellType.FLOAT64;
    }
}
