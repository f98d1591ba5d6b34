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
    /** Cells gathered together by {@link #charResult}: their values of every scene fit the core's cache. */
    private static final int RUN = 256;

    private final int cells;
    private final double percentile;
    // At most one of these holds scenes at a time: the narrowest that fits every value added so far.
    private final List<char[]> chars = new ArrayList<>();
    private final List<float[]> floats = new ArrayList<>();
    private final List<double[]> doubles = new ArrayList<>();
    // Arrays of the char form not holding a scene, kept by clear() for the next tile.
    private final List<char[]> spareChars = new ArrayList<>();

    /** @param percentile 0..100, or negative for the median */
    ValueStack(int cells, double percentile) {
        this.cells = cells;
        this.percentile = percentile;
    }

    @Override
    public void add(int[] values, double day) {
        if (!floats.isEmpty() || !doubles.isEmpty()) {
            TemporalAccumulator.super.add(values, day);
            return;
        }
        char[] c = spareChars.isEmpty() ? new char[cells] : spareChars.remove(spareChars.size() - 1);
        boolean observed = false;
        int outside = 0; // bits beyond the low 16 of v or v + 1: a value outside 0..CHAR_MAX
        for (int i = 0; i < cells; i++) {
            int v = values[i];
            if (v == NoData.INT) {
                c[i] = 0;
            } else {
                observed = true;
                outside |= (v | (v + 1)) & ~0xFFFF;
                c[i] = (char) (v + 1);
            }
        }
        if (outside != 0) {
            spareChars.add(c);
            TemporalAccumulator.super.add(values, day);
        } else if (observed) {
            chars.add(c);
        } else {
            spareChars.add(c);
        }
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
        if (!chars.isEmpty()) {
            charResult(out);
            return new double[][] {out};
        }
        double[] sorted = new double[floats.size() + doubles.size()];
        float[][] narrow = floats.toArray(new float[0][]);
        double[][] wide = doubles.toArray(new double[0][]);
        for (int i = 0; i < cells; i++) {
            int n = 0;
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
            out[i] = percentile < 0 ? Percentiles.median(sorted, n) : Percentiles.linear(sorted, n, percentile);
        }
        return new double[][] {out};
    }

    /**
     * The statistic of the scenes kept as chars (value + 1, 0 = none): per cell only the one or two ranks it reads
     * are selected, in ints, which is the same as sorting. The cells go in runs of {@link #RUN}: each scene's run is
     * copied into a small buffer first, so that memory is read along each scene's array rather than across all of
     * them for every cell (dozens of scenes are more streams than the prefetchers follow).
     */
    private void charResult(double[] out) {
        char[][] scenes = chars.toArray(new char[0][]);
        int s = scenes.length;
        int[] values = new int[s];
        int[] run = new int[RUN * s]; // cell k of the run, scene j at k * s + j
        for (int start = 0; start < cells; start += RUN) {
            int len = Math.min(RUN, cells - start);
            for (int j = 0; j < s; j++) {
                char[] scene = scenes[j];
                for (int k = 0, at = j; k < len; k++, at += s) {
                    run[at] = scene[start + k];
                }
            }
            for (int k = 0, base = 0; k < len; k++, base += s) {
                int n = 0;
                for (int j = 0; j < s; j++) {
                    int v = run[base + j];
                    values[n] = v;
                    n += -v >>> 31; // kept unless 0 (no observation), without a branch: clouds make it unpredictable
                }
                int i = start + k;
                if (n == 0) {
                    out[i] = Double.NaN;
                    continue;
                }
                int r = Percentiles.lowerRank(n, percentile);
                double lower = OrderStatistics.select(values, n, r) - 1;
                double upper = r + 1 < n ? OrderStatistics.min(values, r + 1, n) - 1 : lower;
                out[i] = percentile < 0
                        ? Percentiles.median(lower, upper, n)
                        : Percentiles.linear(lower, upper, n, percentile);
            }
        }
    }

    @Override
    public void clear() {
        spareChars.addAll(chars);
        chars.clear();
        floats.clear();
        doubles.clear();
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
