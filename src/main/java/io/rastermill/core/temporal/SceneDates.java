package io.rastermill.core.temporal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scene times from text: the date in a file name, the TIFF DateTime tag ({@code YYYY:MM:DD HH:MM:SS}) or a CSV of
 * {@code path,time}. Times without a zone are UTC.
 */
public final class SceneDates {
    /** A date in a file name when no pattern is given: 8 digits {@code yyyyMMdd}, or {@code yyyy-MM-dd}. */
    public static final Pattern DEFAULT_NAME_PATTERN =
            Pattern.compile("(?<!\\d)((?:19|20)\\d\\d-?[01]\\d-?[0-3]\\d)(?!\\d)");

    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2}))?Z?");
    private static final Pattern TIFF = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");

    private SceneDates() {}

    /**
     * Parses {@code 2024-06-01}, {@code 20240601}, {@code 2024-06-01T10:20:30[Z|±hh:mm]}, {@code 20240601T102030}
     * or the TIFF form {@code 2024:06:01 10:20:30}.
     *
     * @throws IllegalArgumentException quoting the text
     */
    public static Instant parse(String text) {
        String t = text.trim();
        try {
            Matcher m = TIFF.matcher(t);
            if (m.matches() || (m = COMPACT.matcher(t)).matches()) {
                LocalDateTime d = LocalDateTime.of(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                        m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return d.toInstant(ZoneOffset.UTC);
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (use 2024-06-01, 20240601,"
                    + " 2024-06-01T10:20:30 or 2024:06:01 10:20:30)");
        }
    }

    /**
     * The date {@code pattern} finds in the file name of {@code path} (its last segment): the group named
     * {@code date} if the pattern has one, else group 1 if any, else the whole match; empty if it does not match.
     *
     * @throws IllegalArgumentException naming the path if the matched text is not a date
     */
    public static Optional<Instant> fromName(String path, Pattern pattern) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = pattern.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        String text;
        if (pattern.pattern().contains("(?<date>")) {
            text = m.group("date");
        } else {
            text = m.groupCount() >= 1 ? m.group(1) : m.group();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": the date pattern matched " + e.getMessage(), e);
        }
    }

    /**
     * A table of {@code path,time} lines (a header line whose time does not parse is skipped; blank lines and lines
     * starting with # too), keyed by path as written.
     *
     * @param source the table's name, for errors
     * @throws IllegalArgumentException naming the source and line of a malformed line or a path given twice
     */
    public static Map<String, Instant> parseTable(List<String> lines, String source) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                throw new IllegalArgumentException(
                        source + " line " + (i + 1) + ": expected path,time, got '" + line + "'");
            }
            String path = unquote(line.substring(0, comma).strip());
            Instant t;
            try {
                t = parse(unquote(line.substring(comma + 1).strip()));
            } catch (IllegalArgumentException e) {
                if (out.isEmpty() && i == firstContentLine(lines)) {
                    continue; // a header
                }
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (out.put(path, t) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + path + " is listed twice");
            }
        }
        return out;
    }

    /** The entry of {@code table} for {@code path}: by the path as given, else by its file name. */
    public static Optional<Instant> lookup(Map<String, Instant> table, String path) {
        Instant t = table.get(path);
        if (t == null) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            t = table.get(name);
            if (t == null) {
                for (Map.Entry<String, Instant> e : table.entrySet()) {
                    if (path.endsWith("/" + e.getKey())) {
                        return Optional.of(e.getValue());
                    }
                }
            }
        }
        return Optional.ofNullable(t);
    }

    /** {@code t - origin} in days, fractional. */
    public static double days(Instant t, Instant origin) {
        Duration d = Duration.between(origin, t);
        return (d.getSeconds() + d.getNano() / 1e9) / 86400.0;
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
