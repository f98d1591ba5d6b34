package io.rastermill.core.layout;

import java.io.Serializable;
import java.time.Instant;

/**
 * The inclusive range of instants (epoch milliseconds, UTC) of a space-time layer: the time part of
 * GeoTrellis's {@code KeyBounds[SpaceTimeKey]}, whose spatial part stays in {@link KeyBounds}.
 *
 * @param min first instant
 * @param max last instant, {@code >= min}
 */
public record TemporalBounds(long min, long max) implements Serializable {

    public TemporalBounds {
        if (min > max) {
            throw new IllegalArgumentException(
                    "time bounds " + Instant.ofEpochMilli(min) + " .. " + Instant.ofEpochMilli(max) + " are reversed");
        }
    }

    public static TemporalBounds of(long instant) {
        return new TemporalBounds(instant, instant);
    }

    /**
     * The instants of the half-open range {@code [from, until)}, either bound null for open; null if both are.
     * {@code until} with a fraction of a millisecond keeps that millisecond.
     */
    public static TemporalBounds halfOpen(Instant from, Instant until) {
        if (from == null && until == null) {
            return null;
        }
        long min = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long max = Long.MAX_VALUE;
        if (until != null) {
            long ms = until.toEpochMilli();
            max = until.getNano() % 1_000_000 == 0 ? ms - 1 : ms;
        }
        return new TemporalBounds(min, Math.max(min, max));
    }

    public boolean includes(long instant) {
        return min <= instant && instant <= max;
    }

    /** These bounds grown to hold {@code instant}. */
    public TemporalBounds include(long instant) {
        return new TemporalBounds(Math.min(min, instant), Math.max(max, instant));
    }

    public TemporalBounds combine(TemporalBounds other) {
        return new TemporalBounds(Math.min(min, other.min), Math.max(max, other.max));
    }

    @Override
    public String toString() {
        return Instant.ofEpochMilli(min) + " .. " + Instant.ofEpochMilli(max);
    }
}
