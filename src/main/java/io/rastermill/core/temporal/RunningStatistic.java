package io.rastermill.core.temporal;

import io.rastermill.core.cell.NoData;
import java.util.Arrays;

/**
 * Mean, min, max and count in constant memory per cell: a running value and a count.
 *
 * <p>Integer scenes are reduced in the int lane, without a double per cell: min and max as ints, the mean's sum as
 * a long. Both are exact, and so is the double lane's sum of integers below 2^53, so the results are the same bits as
 * the double lane's. The first scene added as doubles moves the state into the double lane once; later integer scenes
 * are widened into it.
 */
final class RunningStatistic implements TemporalAccumulator {
    private final TemporalReducer.Kind kind;
    private final int[] count;
    private final int[] extreme; // the int lane's min or max (MIN, MAX), meaningful where count > 0
    private final long[] sum; // the int lane's sum (MEAN)
    private double[] value; // the double lane, allocated when a scene first comes as doubles
    private boolean inDoubles;

    RunningStatistic(int cells, TemporalReducer.Kind kind) {
        this.kind = kind;
        this.count = new int[cells];
        this.extreme = kind == TemporalReducer.Kind.MIN || kind == TemporalReducer.Kind.MAX ? new int[cells] : null;
        this.sum = kind == TemporalReducer.Kind.MEAN ? new long[cells] : null;
        clear();
    }

    @Override
    public void clear() {
        Arrays.fill(count, 0);
        if (extreme != null) {
            Arrays.fill(extreme, kind == TemporalReducer.Kind.MIN ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        }
        if (sum != null) {
            Arrays.fill(sum, 0);
        }
        inDoubles = false;
    }

    @Override
    public void add(int[] values, double day) {
        if (inDoubles) { // a series mixing lanes (rare): widened as the double lane takes it
            TemporalAccumulator.super.add(values, day);
            return;
        }
        switch (kind) {
            case MIN -> {
                for (int i = 0; i < values.length; i++) {
                    int v = values[i];
                    if (v != NoData.INT) {
                        count[i]++;
                        extreme[i] = Math.min(extreme[i], v);
                    }
                }
            }
            case MAX -> {
                for (int i = 0; i < values.length; i++) {
                    int v = values[i];
                    if (v != NoData.INT) {
                        count[i]++;
                        extreme[i] = Math.max(extreme[i], v);
                    }
                }
            }
            case MEAN -> {
                for (int i = 0; i < values.length; i++) {
                    int v = values[i];
                    if (v != NoData.INT) {
                        count[i]++;
                        sum[i] += v;
                    }
                }
            }
            default -> {
                for (int i = 0; i < values.length; i++) {
                    count[i] += values[i] != NoData.INT ? 1 : 0;
                }
            }
        }
    }

    @Override
    public void add(double[] values, double day) {
        if (!inDoubles) {
            toDoubles();
        }
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

    /** Moves the int lane's state into the double lane (exactly: ints, and sums below 2^53). */
    private void toDoubles() {
        if (value == null) {
            value = new double[count.length];
        }
        for (int i = 0; i < value.length; i++) {
            value[i] = switch (kind) {
                case MIN -> count[i] == 0 ? Double.POSITIVE_INFINITY : extreme[i];
                case MAX -> count[i] == 0 ? Double.NEGATIVE_INFINITY : extreme[i];
                case MEAN -> sum[i];
                default -> 0;
            };
        }
        inDoubles = true;
    }

    @Override
    public double[][] result() {
        double[] out = new double[count.length];
        for (int i = 0; i < out.length; i++) {
            int n = count[i];
            double v = inDoubles ? value[i] : intLane(i);
            out[i] = switch (kind) {
                case COUNT -> n;
                case MEAN -> n == 0 ? Double.NaN : v / n;
                default -> n == 0 ? Double.NaN : v;
            };
        }
        return new double[][] {out};
    }

    /** Cell {@code i}'s running value in the int lane, as a double. */
    private double intLane(int i) {
        return switch (kind) {
            case MIN, MAX -> extreme[i];
            case MEAN -> sum[i];
            default -> 0;
        };
    }
}
