package io.rastermill.core.reclass;

import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.Statistics;
import java.util.function.DoubleUnaryOperator;

/**
 * Class breaks computed from a reduction (statistics or a histogram), to build a
 * {@link ReclassMap} with {@link ReclassMap#fromBreaks}. A result holds the {@code n − 1} interior
 * breaks of {@code n} classes, ascending; class {@code i} is {@code breaks[i−2] <= v < breaks[i−1]}.
 *
 * <ul>
 *   <li>{@link #equalInterval}: {@code min + i·(max − min)/n}, i = 1..n−1 — NumPy's
 *       {@code np.linspace(min, max, n + 1)[1:-1]}.</li>
 *   <li>{@link #quantile}: break {@code i} is the nearest-rank percentile at {@code q = i/n}: the
 *       smallest data value whose cumulative count reaches {@code ceil(q·N)} — NumPy's
 *       {@code np.quantile(data, i/n, method="inverted_cdf")}. Exact from an {@link IntHistogram};
 *       from a {@link DoubleHistogram} within its {@link DoubleHistogram#errorBound()}. With ties,
 *       breaks can repeat and a class stays empty (classes keep their numbers). As every break is a
 *       data value and ranges are half-open, class {@code i} holds the cells whose rank lies in
 *       roughly the i-th n-tile, cells equal to a break going to the upper class.</li>
 * </ul>
 */
public final class ClassBreaks {
    private ClassBreaks() {}

    /** Equal-width breaks over the data's [min, max]. */
    public static double[] equalInterval(Statistics stats, int classes) {
        return equalInterval(stats.min(), stats.max(), classes);
    }

    public static double[] equalInterval(double min, double max, int classes) {
        check(classes);
        if (!(min <= max)) {
            throw new IllegalArgumentException("no data values to compute class breaks from");
        }
        double[] b = new double[classes - 1];
        double step = (max - min) / classes; // NumPy linspace's operation order
        for (int i = 1; i < classes; i++) {
            b[i - 1] = min + i * step;
        }
        return b;
    }

    /** Exact quantile breaks of integer data. */
    public static double[] quantile(IntHistogram h, int classes) {
        return quantile(h.totalCount(), h::percentile, classes);
    }

    /** Quantile breaks of float data within {@code h.errorBound()}. */
    public static double[] quantile(DoubleHistogram h, int classes) {
        return quantile(h.totalCount(), h::percentile, classes);
    }

    /** The breaks at the quantiles {@code i / classes}, {@code 0 < i < classes}, of a histogram of {@code count} values. */
    private static double[] quantile(long count, DoubleUnaryOperator percentile, int classes) {
        check(classes);
        if (count == 0) {
            throw new IllegalArgumentException("no data values to compute class breaks from");
        }
        double[] b = new double[classes - 1];
        for (int i = 1; i < classes; i++) {
            b[i - 1] = percentile.applyAsDouble((double) i / classes);
        }
        return b;
    }

    private static void check(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }
}
