package io.rastermill.core.reclass;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed reclassification map: ordered rules from input values to output values, as written on
 * the command line, e.g. {@code "0-10:1,10-20:2,42:7,nodata:0,else:NODATA"}.
 *
 * <h2>Syntax</h2>
 * Comma-separated items {@code KEY:TARGET}:
 * <ul>
 *   <li>{@code LO-HI}: the half-open range {@code LO <= v < HI}; {@code *} for an open end
 *       ({@code *-0}: every value below 0, {@code 100-*}: 100 and up, +∞ included). Negative bounds
 *       work ({@code -10--5}). {@code LO} must be below {@code HI}.</li>
 *   <li>{@code VALUE}: exactly that value.</li>
 *   <li>{@code else}: every data value no other rule matched (at most one).</li>
 *   <li>{@code nodata}: the input's NoData cells (at most one); without it NoData stays NoData.</li>
 * </ul>
 * A {@code TARGET} is a number or {@code NODATA}. Numbers are decimal ({@code 1.5e3} works).
 *
 * <h2>Semantics</h2>
 * Range and value rules are tried in the order written and the <b>first match wins</b>
 * (overlapping ranges are allowed, the earlier one takes the overlap). A data value no rule
 * matches becomes the {@code else} target, or NoData if there is no {@code else}. Values compare as
 * doubles, so an integer raster's cell 10 matches {@code 10-20} and not {@code 0-10}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} writes the canonical form, which parses back
 * to an equal map.
 */
public final class ReclassMap implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String NUM = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern VALUE = Pattern.compile("\\s*(" + NUM + ")\\s*");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\*|" + NUM + ")\\s*-\\s*(\\*|" + NUM + ")\\s*");

    /** Rule bounds: a value rule has {@code lo == hi}; an open upper end is +∞ (inclusive). */
    private final double[] lo;

    private final double[] hi;
    private final double[] target;
    private final boolean hasElse;
    private final double elseTarget;
    private final boolean hasNoData;
    private final double noDataTarget;

    private ReclassMap(
            double[] lo,
            double[] hi,
            double[] target,
            boolean hasElse,
            double elseTarget,
            boolean hasNoData,
            double noDataTarget) {
        this.lo = lo;
        this.hi = hi;
        this.target = target;
        this.hasElse = hasElse;
        this.elseTarget = elseTarget;
        this.hasNoData = hasNoData;
        this.noDataTarget = noDataTarget;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the offending item (1-based) and what is wrong with it
     */
    public static ReclassMap parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("reclass map is empty");
        }
        String[] items = text.split(",", -1);
        List<double[]> rules = new ArrayList<>();
        boolean hasElse = false;
        double elseTarget = Double.NaN;
        boolean hasNoData = false;
        double noDataTarget = Double.NaN;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            String where = "reclass map item " + (i + 1) + " \"" + item.strip() + "\"";
            int colon = item.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected KEY:TARGET (e.g. 0-10:1)");
            }
            String key = item.substring(0, colon).strip();
            double t = parseTarget(item.substring(colon + 1).strip(), where);
            if (key.equalsIgnoreCase("else")) {
                if (hasElse) {
                    throw new IllegalArgumentException(where + ": a second 'else' rule");
                }
                hasElse = true;
                elseTarget = t;
                continue;
            }
            if (key.equalsIgnoreCase("nodata")) {
                if (hasNoData) {
                    throw new IllegalArgumentException(where + ": a second 'nodata' rule");
                }
                hasNoData = true;
                noDataTarget = t;
                continue;
            }
            Matcher v = VALUE.matcher(key);
            if (v.matches()) {
                double x = Double.parseDouble(v.group(1));
                rules.add(new double[] {x, x, t});
                continue;
            }
            Matcher r = RANGE.matcher(key);
            if (!r.matches()) {
                throw new IllegalArgumentException(where + ": \"" + key
                        + "\" is not a value, a range LO-HI (* for an open end), 'else' or 'nodata'");
            }
            double a = r.group(1).equals("*") ? Double.NEGATIVE_INFINITY : Double.parseDouble(r.group(1));
            double b = r.group(2).equals("*") ? Double.POSITIVE_INFINITY : Double.parseDouble(r.group(2));
            if (!(a < b)) {
                throw new IllegalArgumentException(where + ": empty range, LO must be below HI");
            }
            rules.add(new double[] {a, b, t});
        }
        return of(rules, hasElse, elseTarget, hasNoData, noDataTarget);
    }

    private static ReclassMap of(
            List<double[]> rules, boolean hasElse, double elseTarget, boolean hasNoData, double noDataTarget) {
        int n = rules.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = rules.get(i)[0];
            hi[i] = rules.get(i)[1];
            target[i] = rules.get(i)[2];
        }
        if (n == 0 && !hasElse && !hasNoData) {
            throw new IllegalArgumentException("reclass map has no rules");
        }
        return new ReclassMap(lo, hi, target, hasElse, elseTarget, hasNoData, noDataTarget);
    }

    /**
     * Classes {@code 1..breaks.length+1} from ascending interior class breaks: class 1 is
     * {@code v < breaks[0]}, class {@code i+1} is {@code breaks[i-1] <= v < breaks[i]}, the last class
     * {@code v >= breaks[last]}. Equal breaks leave a class empty (its number is kept).
     */
    public static ReclassMap fromBreaks(double[] breaks) {
        List<double[]> rules = new ArrayList<>();
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= breaks.length; i++) {
            double next = i < breaks.length ? breaks[i] : Double.POSITIVE_INFINITY;
            if (Double.isNaN(next) || next < prev) {
                throw new IllegalArgumentException(
                        "class breaks must be ascending numbers: " + Arrays.toString(breaks));
            }
            if (prev < next) {
                rules.add(new double[] {prev, next, i + 1});
            }
            prev = next;
        }
        return of(rules, false, Double.NaN, false, Double.NaN);
    }

    private static double parseTarget(String s, String where) {
        if (s.equalsIgnoreCase("nodata")) {
            return Double.NaN;
        }
        if (!VALUE.matcher(s).matches()) {
            throw new IllegalArgumentException(where + ": target \"" + s + "\" is not a number or NODATA");
        }
        return Double.parseDouble(s);
    }

    /** The output for a data value (never NaN): NaN here means the output is NoData. */
    public double apply(double v) {
        for (int i = 0; i < lo.length; i++) {
            double a = lo[i];
            double b = hi[i];
            if (a == b ? v == a : v >= a && (v < b || b == Double.POSITIVE_INFINITY)) {
                return target[i];
            }
        }
        return hasElse ? elseTarget : Double.NaN;
    }

    /** The output for a NoData input cell (NaN: NoData). */
    public double noDataTarget() {
        return hasNoData ? noDataTarget : Double.NaN;
    }

    /** Every target the map can produce except NoData: the values the output type must hold. */
    public double[] targets() {
        double[] all = Arrays.copyOf(target, target.length + 2);
        int n = target.length;
        if (hasElse) {
            all[n++] = elseTarget;
        }
        if (hasNoData) {
            all[n++] = noDataTarget;
        }
        return Arrays.stream(all, 0, n).filter(x -> !Double.isNaN(x)).toArray();
    }

    int ruleCount() {
        return lo.length;
    }

    double lo(int i) {
        return lo[i];
    }

    double hi(int i) {
        return hi[i];
    }

    double target(int i) {
        return target[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReclassMap m
                && Arrays.equals(lo, m.lo)
                && Arrays.equals(hi, m.hi)
                && Arrays.equals(target, m.target)
                && hasElse == m.hasElse
                && hasNoData == m.hasNoData
                && Double.compare(elseTarget, m.elseTarget) == 0
                && Double.compare(noDataTarget, m.noDataTarget) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lo) * 31 + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lo.length; i++) {
            if (b.length() > 0) {
                b.append(',');
            }
            if (lo[i] == hi[i]) {
                b.append(num(lo[i]));
            } else {
                b.append(lo[i] == Double.NEGATIVE_INFINITY ? "*" : num(lo[i]))
                        .append('-')
                        .append(hi[i] == Double.POSITIVE_INFINITY ? "*" : num(hi[i]));
            }
            b.append(':').append(num(target[i]));
        }
        if (hasNoData) {
            b.append(b.length() > 0 ? "," : "").append("nodata:").append(num(noDataTarget));
        }
        if (hasElse) {
            b.append(b.length() > 0 ? "," : "").append("else:").append(num(elseTarget));
        }
        return b.toString();
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NODATA";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x).toLowerCase(Locale.ROOT);
    }
}
