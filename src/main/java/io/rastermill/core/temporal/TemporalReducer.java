package io.rastermill.core.temporal;

import io.rastermill.core.cell.CellType;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How a series of co-registered scenes is reduced per cell across time: the statistic, its output bands and their
 * default cell type. {@link #newAccumulator} gives the per-tile state that takes the scenes one by one.
 *
 * <p>Percentiles use numpy's default definition ({@code method="linear"}): for the {@code n} valid values sorted,
 * the value at rank {@code (n - 1) * p / 100}, interpolated linearly between its neighbours. The median of an even
 * count is the mean of the two middle values ({@code numpy.median}).
 *
 * @param kind       the statistic
 * @param percentile for {@link Kind#PERCENTILE}, 0..100; otherwise NaN
 */
public record TemporalReducer(Kind kind, double percentile) implements Serializable {

    /** The statistics. */
    public enum Kind {
        MEDIAN,
        MEAN,
        MIN,
        MAX,
        COUNT,
        FIRST,
        LAST,
        PERCENTILE,
        /** Least-squares line through (days since the first scene, value): slope, intercept, r², count. */
        TREND
    }

    public TemporalReducer {
        if (kind == null) {
            throw new IllegalArgumentException("reducer kind must not be null");
        }
        if (kind == Kind.PERCENTILE ? !(percentile >= 0 && percentile <= 100) : !Double.isNaN(percentile)) {
            throw new IllegalArgumentException(
                    "percentile must be 0..100 for pNN and absent otherwise, got " + percentile);
        }
    }

    public static TemporalReducer of(Kind kind) {
        return new TemporalReducer(kind, Double.NaN);
    }

    public static TemporalReducer percentile(double p) {
        return new TemporalReducer(Kind.PERCENTILE, p);
    }

    /**
     * {@code median mean min max count first last trend} or {@code pNN} (e.g. {@code p10}, {@code p2.5}).
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static TemporalReducer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p") && t.length() > 1 && (Character.isDigit(t.charAt(1)) || t.charAt(1) == '.')) {
            double p;
            try {
                p = Double.parseDouble(t.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a percentile: pNN needs a number 0..100");
            }
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("'" + text + "': the percentile must be 0..100");
            }
            return percentile(p);
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.PERCENTILE && k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return of(k);
            }
        }
        throw new IllegalArgumentException("unknown reducer '" + text
                + "'; use median, mean, min, max, count, first, last, trend or pNN (e.g. p90)");
    }

    /** The output bands' names, one per band. */
    public List<String> bandNames() {
        return switch (kind) {
            case TREND -> List.of("slope", "intercept", "r2", "count");
            case PERCENTILE -> List.of(name());
            default -> List.of(name());
        };
    }

    public int bandCount() {
        return bandNames().size();
    }

    /** As {@link #parse} reads it: {@code median}, {@code p90}, {@code p2.5}. */
    public String name() {
        if (kind == Kind.PERCENTILE) {
            return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
        }
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether memory per tile grows with the number of scenes: only the exact order statistics
     * (median, percentiles) keep every valid value; the others keep a fixed number of arrays per tile.
     */
    public boolean keepsEveryValue() {
        return kind == Kind.MEDIAN || kind == Kind.PERCENTILE;
    }

    /**
     * The output cell type unless the user chooses one: the source's for selections (min, max, first, last), which
     * return source values; UInt16 without NoData for count (0 = no valid observation); Float32 with NaN otherwise.
     */
    public CellType defaultCellType(CellType source) {
        return switch (kind) {
            case MIN, MAX, FIRST, LAST -> source;
            case COUNT -> CellType.UINT16_RAW;
            default -> CellType.FLOAT32;
        };
    }

    /** Per-tile state for {@code cells} cells, empty. */
    public TemporalAccumulator newAccumulator(int cells) {
        return switch (kind) {
            case MEDIAN, PERCENTILE -> new ValueStack(cells, kind == Kind.MEDIAN ? -1 : percentile);
            case MEAN, MIN, MAX, COUNT -> new RunningStatistic(cells, kind);
            case FIRST, LAST -> new Selection(cells, kind == Kind.FIRST);
            case TREND -> new TrendFit(cells);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
