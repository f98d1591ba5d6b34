package io.rastermill.core.temporal;

import java.util.Arrays;

/** Mean, min, max and count in constant memory per cell: a running value and a count. */
final class RunningStatistic implements TemporalAccumulator {
    private final TemporalReducer.Kind kind;
    private final double[] value;
    private final int[] count;

    RunningStatistic(int cells, TemporalReducer.Kind kind) {
        this.kind = kind;
        this.value = new double[cells];
        this.count = new int[cells];
        clear();
    }

    @Override
    public void clear() {
        Arrays.fill(count, 0);
        Arrays.fill(
                value,
                switch (kind) {
                    case MIN -> Double.POSITIVE_INFINITY;
                    case MAX -> Double.NEGATIVE_INFINITY;
                    default -> 0;
                });
    }

    @Override
    public void add(double[] values, double day) {
        switch (kind) {
            case MIN -> {
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (v == v) {
                        count[i]++;
                        value[i] = Math.min(value[i], v);
                    }
                }
            }
            case MAX -> {
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (v == v) {
                        count[i]++;
                        value[i] = Math.max(value[i], v);
                    }
                }
            }
            default -> {
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (v == v) {
                        count[i]++;
                        value[i] += v;
                    }
                }
            }
        }
    }

    @Override
    public double[][] result() {
        double[] out = new double[value.length];
        for (int i = 0; i < out.length; i++) {
            int n = count[i];
            out[i] = switch (kind) {
                case COUNT -> n;
                case MEAN -> n == 0 ? Double.NaN : value[i] / n;
                default -> n == 0 ? Double.NaN : value[i];
            };
        }
        return new double[][] {out};
    }
}
