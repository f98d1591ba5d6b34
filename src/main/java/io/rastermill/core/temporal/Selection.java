package io.rastermill.core.temporal;

import java.util.Arrays;

/** First or last valid observation in time order: one value per cell. */
final class Selection implements TemporalAccumulator {
    private final boolean first;
    private final double[] value;

    Selection(int cells, boolean first) {
        this.first = first;
        this.value = new double[cells];
        clear();
    }

    @Override
    public void clear() {
        Arrays.fill(value, Double.NaN);
    }

    @Override
    public void add(double[] values, double day) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == v && (!first || value[i] != value[i])) {
                value[i] = v;
            }
        }
    }

    @Override
    public double[][] result() {
        return new double[][] {value.clone()};
    }
}
