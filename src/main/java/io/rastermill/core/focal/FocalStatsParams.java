package io.rastermill.core.focal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Focal statistic over a neighbourhood of {@code radius} cells: a {@link Shape#SQUARE} of side
 * {@code 2·radius + 1}, or a {@link Shape#CIRCLE} of the cells whose centre lies within
 * {@code radius} cell widths of the focal cell's centre (distance in cells, not map units).
 * MEAN, MIN, MAX, SUM and STDDEV with SQUARE(r) / CIRCLE(r) equal GeoTrellis 3.7.1's focal ops
 * with {@code Square(r)} / {@code Circle(r)} (oracle-tested).
 */
public record FocalStatsParams(Stat stat, Shape shape, int radius) implements Serializable {

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

    /** The neighbourhood's shape. */
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
        Objects.requireNonNull(shape, "shape");
        if (radius < 0) {
            throw new IllegalArgumentException("focal radius must be >= 0, got " + radius);
        }
    }

    /** The cells the statistic reads: {@link Neighbourhood#square} or {@link Neighbourhood#circle} of the radius. */
    public Neighbourhood neighbourhood() {
        return shape == Shape.SQUARE ? Neighbourhood.square(radius) : Neighbourhood.circle(radius);
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
