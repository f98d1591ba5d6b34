package io.rastermill.spark.temporal;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where scene times come from: a table of path → time (a CSV), else a date pattern over the file name, else the
 * TIFF DateTime tag and then {@link io.rastermill.core.temporal.SceneDates#DEFAULT_NAME_PATTERN}.
 *
 * @param table       times by path or file name, or null; a scene missing from it is an error
 * @param namePattern a regular expression over the file name, or null; a scene it does not match is an error
 */
public record SceneDating(Map<String, Instant> table, Pattern namePattern) {

    public SceneDating {
        table = table == null ? null : Map.copyOf(table);
    }

    /** The TIFF tag, else a date in the file name. */
    public static SceneDating automatic() {
        return new SceneDating(null, null);
    }

    public static SceneDating fromTable(Map<String, Instant> table) {
        return new SceneDating(table, null);
    }

    public static SceneDating fromName(Pattern pattern) {
        return new SceneDating(null, pattern);
    }
}
