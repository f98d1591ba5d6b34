package io.rastermill.core.zonal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statistic a zonal report can give per zone, by name: {@code count}, {@code nodata}, {@code sum}, {@code mean},
 * {@code min}, {@code max}, {@code stddev}, {@code median} or {@code pNN} (a nearest-rank percentile, 0 to 100, e.g.
 * {@code p90} or {@code p2.5}). Immutable.
 *
 * @param name     the name as parsed (lower case), which reports use as the column or key
 * @param kind     what is computed
 * @param fraction for {@link Kind#PERCENTILE}: the percentile as a fraction in [0, 1] (median: 0.5); else NaN
 */
public record ZonalStat(String name, Kind kind, double fraction) {

    /** What a statistic computes. */
    public enum Kind {
        COUNT,
        NODATA,
        SUM,
        MEAN,
        MIN,
        MAX,
        STDDEV,
        PERCENTILE
    }

    /** The statistics reported when none are asked for. */
    public static final List<ZonalStat> DEFAULTS = parseAll(List.of("count", "sum", "mean", "min", "max", "stddev"));

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
    private static final String NAMES = "count, nodata, sum, mean, min, max, stddev, median, p0..p100";

    /** Parses one name (case and surrounding blanks ignored); an unknown one is an error listing the known ones. */
    public static ZonalStat parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "count" -> new ZonalStat(s, Kind.COUNT, Double.NaN);
            case "nodata" -> new ZonalStat(s, Kind.NODATA, Double.NaN);
            case "sum" -> new ZonalStat(s, Kind.SUM, Double.NaN);
            case "mean" -> new ZonalStat(s, Kind.MEAN, Double.NaN);
            case "min" -> new ZonalStat(s, Kind.MIN, Double.NaN);
            case "max" -> new ZonalStat(s, Kind.MAX, Double.NaN);
            case "stddev" -> new ZonalStat(s, Kind.STDDEV, Double.NaN);
            case "median" -> new ZonalStat(s, Kind.PERCENTILE, 0.5);
            default -> {
                Matcher m = PERCENTILE.matcher(s);
                double percent = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
                if (!(percent <= 100)) {
                    throw new IllegalArgumentException("unknown statistic '" + text.strip() + "' (" + NAMES + ")");
                }
                yield new ZonalStat(s, Kind.PERCENTILE, percent / 100);
            }
        };
    }

    /** Parses the names in order; an empty list is an error. */
    public static List<ZonalStat> parseAll(List<String> names) {
        List<ZonalStat> out = new ArrayList<>();
        for (String n : names) {
            out.add(parse(n));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no statistic given (" + NAMES + ")");
        }
        return List.copyOf(out);
    }

    /** True if any of {@code stats} is a percentile, so the accumulators must keep histograms. */
    public static boolean anyPercentile(List<ZonalStat> stats) {
        return stats.stream().anyMatch(s -> s.kind == Kind.PERCENTILE);
    }

    /** True for the cell counts ({@code count}, {@code nodata}), which are whole numbers. */
    public boolean isCount() {
        return kind == Kind.COUNT || kind == Kind.NODATA;
    }

    /**
     * This statistic of a zone's accumulator, NaN when it is undefined (a zone without data cells); a zone that met no
     * cell ({@code acc} null) counts 0 cells and sums to 0.
     */
    public double of(ZoneAccumulator acc) {
        if (acc == null) {
            return kind == Kind.COUNT || kind == Kind.NODATA || kind == Kind.SUM ? 0 : Double.NaN;
        }
        return switch (kind) {
            case COUNT -> acc.finish().dataCells();
            case NODATA -> acc.finish().noDataCells();
            case SUM -> acc.finish().sum();
            case MEAN -> acc.finish().mean();
            case MIN -> acc.finish().min();
            case MAX -> acc.finish().max();
            case STDDEV -> acc.finish().stddev();
            case PERCENTILE -> acc.percentile(fraction);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
