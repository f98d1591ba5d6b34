package io.rastermill.core.temporal;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.stats.OrderStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact median and percentiles: keeps every scene's values for the tile (a copy per scene that observes at least one
 * cell), then sorts each cell's valid values once. Values are kept in the narrowest form that holds every one of
 * them exactly: 2 bytes while all are integers 0..65534 added in the int lane (UInt16 scenes whose NoData is not
 * 65535 is the common case: stored as value + 1, 0 = no observation), else 4 bytes while all are floats (integers up
 * to 2^24, Float32 sources), else 8. Memory: cells × scenes observing the tile × 2, 4 or 8 bytes; a scene that needs
 * a wider form widens what was kept so far, once.
 */
final class ValueStack implements TemporalAccumulator {
    /** The largest integer kept in a char: value + 1 is stored, so that 0 can mean no observation. */
    private static final int CHAR_MAX = 0xFFFE;

    private final int cells;
    private final double percentile;
    // At most one of these holds scenes at a time: the narrowest that fits every value added so far.
    private final List<char[]> chars = new ArrayList<>();
    private final List<float[]> floats = new ArrayList<>();
    private final List<double[]> doubles = new ArrayList<>();

    /** @param percentile 0..100, or negative for the median */
    ValueStack(int cells, double percentile) {
        this.cells = cells;
        this.percentile = percentile;
    }

    @Override
    public void add(int[] values, double day) {
        boolean observed = false;
        boolean fitsChar = true;
        for (int v : values) {
            if (v != NoData.INT) {
                observed = true;
                fitsChar &= v >= 0 && v <= CHAR_MAX;
            }
        }
        if (!observed) {
            return;
        }
        if (!fitsChar || !floats.isEmpty() || !doubles.isEmpty()) {
            TemporalAccumulator.super.add(values, day);
            return;
        }
        char[] c = new char[values.length];
        for (int i = 0; i < c.length; i++) {
            int v = values[i];
            c[i] = v == NoData.INT ? 0 : (char) (v + 1);
        }
        chars.add(c);
    }

    @Override
    public void add(double[] values, double day) {
        boolean observed = false;
        boolean fitsFloat = true;
        for (double v : values) {
            if (v == v) {
                observed = true;
                fitsFloat &= (float) v == v;
            }
        }
        if (!observed) {
            return;
        }
        if (fitsFloat && doubles.isEmpty()) {
            for (char[] c : chars) { // a value needs a float: widen what was kept so far, once
                floats.add(toFloats(c));
            }
            chars.clear();
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            floats.add(f);
            return;
        }
        for (char[] c : chars) { // a value needs a double: widen what was kept so far, once
            floats.add(toFloats(c));
        }
        chars.clear();
        for (float[] f : floats) {
            double[] d = new double[f.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f[i];
            }
            doubles.add(d);
        }
        floats.clear();
        doubles.add(values.clone());
    }

    private static float[] toFloats(char[] c) {
        float[] f = new float[c.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = c[i] == 0 ? Float.NaN : c[i] - 1;
        }
        return f;
    }

    @Override
    public double[][] result() {
        double[] out = new double[cells];
        int scenes = chars.size() + floats.size() + doubles.size();
        double[] sorted = new double[scenes];
        char[][] narrowest = chars.toArray(new char[0][]);
        float[][] narrow = floats.toArray(new float[0][]);
        double[][] wide = doubles.toArray(new double[0][]);
        for (int i = 0; i < cells; i++) {
            int n = 0;
            if (narrowest.length > 0) {
                for (char[] s : narrowest) {
                    int v = s[i];
                    if (v != 0) {
                        sorted[n++] = v - 1;
                    }
                }
                if (n > 0) { // only the one or two ranks the statistic reads are placed, as a sort would place them
                    int k = Percentiles.lowerRank(n, percentile);
                    OrderStatistics.select(sorted, n, k);
                    if (k + 1 < n) {
                        sorted[k + 1] = OrderStatistics.min(sorted, k + 1, n);
                    }
                }
            } else {
                for (float[] s : narrow) {
                    float v = s[i];
                    if (v == v) {
                        sorted[n++] = v;
                    }
                }
                for (double[] s : wide) {
                    double v = s[i];
                    if (v == v) {
                        sorted[n++] = v;
                    }
                }
                sort(sorted, n);
            }
            out[i] = percentile < 0 ? Percentiles.median(sorted, n) : Percentiles.linear(sorted, n, percentile);
        }
        return new double[][] {out};
    }

    /** Insertion sort for the short series a cell usually has, the library sort beyond. */
    private static void sort(double[] a, int n) {
        if (n > 32) {
            Arrays.sort(a, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
