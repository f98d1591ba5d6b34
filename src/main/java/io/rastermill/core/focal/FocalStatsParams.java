package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Focal statistic over a {@link Neighbourhood}: a {@link Shape#SQUARE} of side {@code 2·radius + 1}, a
 * {@link Shape#CIRCLE} of the cells whose centre lies within {@code radius} cell widths of the focal
 * cell's centre (distance in cells, not map units), an {@link #annulus} or custom {@link #weighted}
 * cells. MEAN, MIN, MAX, SUM and STDDEV with SQUARE(r) / CIRCLE(r) equal GeoTrellis 3.7.1's focal ops
 * with {@code Square(r)} / {@code Circle(r)} (oracle-tested).
 *
 * <p>Weights: SUM is {@code Σ w·v} over the window's data cells (a convolution that skips NoData), MEAN
 * {@code Σ w·v / Σ w} and STDDEV {@code √(Σ w·(v − mean)² / Σ w)} over the same cells; MIN, MAX and
 * MEDIAN read the weights as a mask (every cell of non-zero weight counts once). Weighted MEAN and STDDEV
 * need weights {@code >= 0}.
 */
public record FocalStatsParams(Stat stat, Neighbourhood neighbourhood) implements Serializable {

    /** The statistic; NoData and outside cells are skipped, no data at all gives NoData. */
    public enum Stat {
        MEAN,
        MIN,
        MAX,
        SUM,
        /** Population standard deviation (divides by n). */
        STDDEV,
        /**
         * Middle value; for an even count the mean of the two middle values. (GeoTrellis 3.7.1's
         * focal Median differs there: it truncates that mean, e.g. 20 for 20 and 21.)
         */
        MEDIAN;

        /**
         * The statistic by name, case-insensitive, blanks around it ignored ({@code "mean"}, {@code "STDDEV"}).
         *
         * @throws IllegalArgumentException naming {@code name} and the known names
         */
        public static Stat parse(String name) {
            return FocalStatsParams.parse(Stat.class, name, "statistic");
        }
    }

    /** The shapes given by a radius alone. */
    public enum Shape {
        SQUARE,
        CIRCLE;

        /**
         * The shape by name, case-insensitive, blanks around it ignored ({@code "square"}, {@code "Circle"}).
         *
         * @throws IllegalArgumentException naming {@code name} and the known names
         */
        public static Shape parse(String name) {
            return FocalStatsParams.parse(Shape.class, name, "shape");
        }
    }

    public FocalStatsParams {
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(neighbourhood, "neighbourhood");
        if (stat == Stat.MEAN || stat == Stat.STDDEV) {
            for (double w : neighbourhood.weights()) {
                if (w < 0) {
                    throw new IllegalArgumentException(
                            "focal " + stat.name().toLowerCase(Locale.ROOT) + " needs weights >= 0, got " + w);
                }
            }
        }
    }

    /** {@code stat} over a square or circle of {@code radius} cells. */
    public FocalStatsParams(Stat stat, Shape shape, int radius) {
        this(stat, neighbourhood(shape, radius));
    }

    /** {@code stat} over the cells farther than {@code inner} and at most {@code outer} cells away ({@link Neighbourhood#annulus}). */
    public static FocalStatsParams annulus(Stat stat, int inner, int outer) {
        return new FocalStatsParams(stat, Neighbourhood.annulus(inner, outer));
    }

    /** {@code stat} over {@code (2·radius + 1)²} weights, row-major, north row first ({@link Neighbourhood#weighted}). */
    public static FocalStatsParams weighted(Stat stat, int radius, double... weights) {
        return new FocalStatsParams(stat, Neighbourhood.weighted(radius, weights));
    }

    private static Neighbourhood neighbourhood(Shape shape, int radius) {
        Objects.requireNonNull(shape, "shape");
        if (radius < 0) {
            throw new IllegalArgumentException("focal radius must be >= 0, got " + radius);
        }
        return shape == Shape.SQUARE ? Neighbourhood.square(radius) : Neighbourhood.circle(radius);
    }

    /** The halo the statistic needs: the neighbourhood's radius. */
    public int radius() {
        return neighbourhood.radius();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown " + what + " '" + name + "'; one of "
                            + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT),
                    e);
        }
    }
}
