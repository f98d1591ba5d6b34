package io.rastermill.core.temporal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar windows of a scene series (UTC): a composite per month or per year. A window is the half-open range
 * {@code [start, end)} of the calendar period holding an instant.
 */
public enum TimeWindow {
    MONTH,
    YEAR;

    /** {@code month} or {@code year} (case-insensitive). */
    public static TimeWindow parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "month" -> MONTH;
            case "year" -> YEAR;
            default -> throw new IllegalArgumentException("unknown window '" + text + "': use month or year");
        };
    }

    /** The start of the window holding {@code t}. */
    public Instant start(Instant t) {
        LocalDate d = t.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = this == MONTH ? d.withDayOfMonth(1) : d.withDayOfYear(1);
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The (exclusive) end of the window starting at {@code start}. */
    public Instant end(Instant start) {
        ZonedDateTime z = start.atZone(ZoneOffset.UTC);
        return (this == MONTH ? z.plusMonths(1) : z.plusYears(1)).toInstant();
    }

    /** The window's name in output file names: {@code 2024-06} or {@code 2024}. */
    public String label(Instant start) {
        ZonedDateTime z = start.atZone(ZoneOffset.UTC);
        return this == MONTH
                ? String.format(Locale.ROOT, "%04d-%02d", z.getYear(), z.getMonthValue())
                : String.format(Locale.ROOT, "%04d", z.getYear());
    }

    /** The starts of the windows holding the {@code sorted} instants, in order, each once. */
    public List<Instant> starts(List<Instant> sorted) {
        List<Instant> out = new ArrayList<>();
        for (Instant t : sorted) {
            Instant s = start(t);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
