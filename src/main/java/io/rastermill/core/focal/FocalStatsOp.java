package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.stats.OrderStatistics;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.List;
import java.util.Locale;

/**
 * Focal mean, min, max, sum, standard deviation and median over a {@link Neighbourhood} (square,
 * circle, annulus or custom weights, see {@link FocalStatsParams}); float64 output, NaN where the
 * window holds no data.
 *
 * <p>Every output cell is computed from its own window in a fixed order (no running sums carried
 * from cell to cell), so results are bit-for-bit independent of how a raster is tiled. Square
 * sum/mean/min/max are separable: O(radius) per cell. Other shapes, weights and stddev (two-pass, for accuracy)
 * are O(radius²); median gathers the window into a reused buffer and selects in expected
 * O(radius²).
 */
public record FocalStatsOp(FocalStatsParams params) implements FocalKernel {

    /**
     * Focal statistics in the catalog ({@link FocalOps#all()}): {@code stat} over a {@code shape} of
     * {@code radius} cells; {@code inner} only with an annulus, {@code weights} only with weighted.
     */
    public static final FocalOp FOCAL = FocalOp.of(
                    "focal",
                    "focal mean, min, max, sum, stddev or median over a square, circle, annulus or weighted"
                            + " neighbourhood, NoData skipped",
                    FocalStatsOp::fromArgs,
                    FocalParam.choice(
                            "stat",
                            null,
                            List.of("mean", "min", "max", "sum", "stddev", "median"),
                            "the statistic (stddev: population)"),
                    FocalParam.choice(
                            "shape",
                            "square",
                            List.of("square", "circle", "annulus", "weighted"),
                            "the neighbourhood, distances in cells centre to centre"),
                    FocalParam.integer(
                            "radius",
                            null,
                            "in cells: the halo; an annulus' outer radius; weighted: weights has (2·radius+1)² values"),
                    FocalParam.integer("inner", 0, "annulus: only cells farther than this are in"),
                    FocalParam.numbers(
                            "weights",
                            "weighted: row-major, north row first; 0 leaves a cell out (sum Σw·v, mean Σw·v/Σw)"))
            .withSqlArgs("stat", "shape", "radius");

    private static FocalKernel fromArgs(FocalArgs a) {
        FocalStatsParams.Stat stat = a.choice("stat", FocalStatsParams.Stat::parse);
        String shape = a.choice("shape", s -> s.toLowerCase(Locale.ROOT));
        int radius = a.integer("radius");
        if (a.given("inner") && !shape.equals("annulus")) {
            throw new IllegalArgumentException("inner is for shape=annulus, not " + shape);
        }
        if (a.given("weights") && !shape.equals("weighted")) {
            throw new IllegalArgumentException("weights are for shape=weighted, not " + shape);
        }
        FocalStatsParams p = switch (shape) {
            case "annulus" -> FocalStatsParams.annulus(stat, a.integer("inner"), radius);
            case "weighted" -> FocalStatsParams.weighted(stat, radius, a.numbers("weights"));
            case "square", "circle" -> new FocalStatsParams(stat, FocalStatsParams.Shape.parse(shape), radius);
            default ->
                throw new IllegalArgumentException("shape: unknown shape '" + shape + "'; one of "
                        + FOCAL.param("shape").choices());
        };
        return new FocalStatsOp(p);
    }

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
        Neighbourhood nb = params.neighbourhood();
        FocalWindow win = new FocalWindow(input, nb);
        int cols = win.cols();
        int rows = win.rows();
        double[] out = new double[cols * rows];
        FocalStatsParams.Stat stat = params.stat();
        boolean byWeight = stat == FocalStatsParams.Stat.SUM
                || stat == FocalStatsParams.Stat.MEAN
                || stat == FocalStatsParams.Stat.STDDEV;
        if (nb.isSquare() && stat != FocalStatsParams.Stat.STDDEV && stat != FocalStatsParams.Stat.MEDIAN) {
            separable(win.values(), win.stride(), input.halo(), cols, rows, rad, stat, out);
        } else if (byWeight && !nb.isUnweighted()) {
            weighted(win, stat, out);
        } else {
            perCell(win, stat, out, new double[nb.size()]);
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

    /** Sum, mean and stddev over custom weights: Σ w·v, Σ w·v / Σ w and the weighted population deviation. */
    private static void weighted(FocalWindow win, FocalStatsParams.Stat stat, double[] out) {
        double[] v = win.values();
        int[] off = win.offsets();
        double[] w = win.weights();
        int cols = win.cols();
        for (int r = 0, k = 0; r < win.rows(); r++) {
            int i = win.index(0, r);
            for (int c = 0; c < cols; c++, k++, i++) {
                double sw = 0;
                double swv = 0;
                int n = 0;
                for (int j = 0; j < off.length; j++) {
                    double x = v[i + off[j]];
                    if (x == x) {
                        n++;
                        sw += w[j];
                        swv += w[j] * x;
                    }
                }
                if (n == 0) {
                    out[k] = Double.NaN;
                } else if (stat == FocalStatsParams.Stat.SUM) {
                    out[k] = swv;
                } else if (stat == FocalStatsParams.Stat.MEAN) {
                    out[k] = swv / sw;
                } else {
                    double m = swv / sw; // two passes, as the unweighted deviation, for accuracy
                    double ss = 0;
                    for (int j = 0; j < off.length; j++) {
                        double x = v[i + off[j]];
                        if (x == x) {
                            double d = x - m;
                            ss += w[j] * d * d;
                        }
                    }
                    out[k] = Math.sqrt(ss / sw);
                }
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
