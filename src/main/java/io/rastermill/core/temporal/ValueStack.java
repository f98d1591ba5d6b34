package io.rastermill.core.temporal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact median and percentiles: keeps every scene's values for the tile (a copy per scene that observes at least one
 * cell), then sorts each cell's valid values once. Values are kept as floats while every one of them is exactly a
 * float (integers up to 2^24, Float32 sources), else as doubles. Memory: cells × scenes observing the tile × 4 bytes
 * (8 once a value needs a double).
 */
final class ValueStack implements TemporalAccumulator {
    private final int cells;
    private final double percentile;
    private final List<float[]> narrow = new ArrayList<>();
    private final List<double[]> scenes = new ArrayList<>();

    /** @param percentile 0..100, or negative for the median */
    ValueStack(int cells, double percentile) {
        this.cells = cells;
        this.percentile = percentile;
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
        if (fitsFloat && scenes.isEmpty()) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            narrow.add(f);
            return;
        }
        for (float[] f : narrow) { // a value needs a double: widen what was kept so far, once
            double[] d = new double[f.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f[i];
            }
            scenes.add(d);
        }
        narrow.clear();
        scenes.add(values.clone());
    }

    @Override
    public double[][] result() {
        double[] out = new double[cells];
        double[] sorted = new double[scenes.size() + narrow.size()];
        double[][] stack = scenes.toArray(new double[0][]);
        float[][] floats = narrow.toArray(new float[0][]);
        for (int i = 0; i < cells; i++) {
            int n = 0;
            for (double[] s : stack) {
                double v = s[i];
                if (v == v) {
                    sorted[n++] = v;
                }
            }
            for (float[] s : floats) {
                float v = s[i];
                if (v == v) {
                    sorted[n++] = v;
                }
            }
            sort(sorted, n);
            out[i] = percentile < 0 ? Percentiles.median(sorted, n) : Percentiles.linear(sorted, n, percentile);
        }
        return new double[][]{out};
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
