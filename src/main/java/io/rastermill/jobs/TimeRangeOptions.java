package io.rastermill.jobs;

import io.rastermill.core.temporal.SceneDates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --start} and {@code --end}: the time range of scenes a command keeps ({@code composite}, {@code layer write
 * --space-time}, {@code layer read} of a space-time layer), as the half-open range {@code [from, until)}.
 */
final class TimeRangeOptions {

    @Option(
            names = "--start",
            paramLabel = "DATE",
            description = "keep scenes taken at or after DATE (2024-06-01, 20240601, 2024-06-01T10:00:00)")
    String start;

    @Option(
            names = "--end",
            paramLabel = "DATE",
            description = "keep scenes taken at or before DATE (a date alone: through that whole day)")
    String end;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code --start}, or null. */
    Instant from() {
        return start == null ? null : date("--start", start, false);
    }

    /** The exclusive end of {@code --end} (a date alone: the next midnight), or null. */
    Instant until() {
        return end == null ? null : date("--end", end, true);
    }

    /** A date option; {@code --end} given as a date alone covers that whole day. */
    private Instant date(String option, String text, boolean endOfDay) {
        Instant t;
        try {
            t = SceneDates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
        String s = text.trim();
        boolean dateOnly = s.length() == 10 || s.length() == 8;
        return endOfDay ? (dateOnly ? t.plus(1, ChronoUnit.DAYS) : t.plusNanos(1)) : t;
    }
}
