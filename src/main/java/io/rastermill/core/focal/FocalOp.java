package io.rastermill.core.focal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One focal operation, described once: its name (the same in Java, {@link FocalOps#op(String)}, as the
 * command-line command and, as {@code rm_<name>}, in SQL), a one-line doc, its {@link FocalParam parameters}
 * with names, types, defaults and docs, which of them the positional SQL function takes, and the factory
 * that makes its {@link FocalKernel} (and so its halo) from checked arguments. The SQL functions and the
 * command-line help are generated or looked up from these fields; the typed Java API
 * ({@code FocalOps.slopeKernel(SlopeParams)}, ...) builds the same kernels without text. The kernel
 * records declare their ops as {@code public static final FocalOp} constants and {@link FocalOps#all()}
 * collects them.
 *
 * <p>Immutable and thread-safe.
 */
public final class FocalOp {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    // an options entry starts after blanks, commas or semicolons, where a name and '=' follow
    private static final Pattern ENTRY_START = Pattern.compile("[\\s,;]+(?=-{0,2}[A-Za-z_][A-Za-z0-9_-]*\\s*=)");

    /** Makes the op's kernel from checked arguments (throwing {@link IllegalArgumentException} for bad combinations). */
    @FunctionalInterface
    public interface Factory {
        FocalKernel kernel(FocalArgs args);
    }

    private final String name;
    private final String doc;
    private final List<FocalParam> params;
    private final List<String> sqlArgs;
    private final Factory factory;

    private FocalOp(String name, String doc, List<FocalParam> params, List<String> sqlArgs, Factory factory) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("focal op name '" + name + "' is not snake case");
        }
        if (doc == null || doc.isBlank() || doc.contains("\n")) {
            throw new IllegalArgumentException("focal op " + name + " has no one-line doc");
        }
        this.name = name;
        this.doc = doc;
        this.params = List.copyOf(params);
        this.sqlArgs = List.copyOf(sqlArgs);
        this.factory = Objects.requireNonNull(factory, "factory");
        Set<String> names = new HashSet<>();
        for (FocalParam p : this.params) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("focal op " + name + " has two parameters " + p.name());
            }
        }
        for (String a : this.sqlArgs) {
            if (!names.contains(a)) {
                throw new IllegalArgumentException("focal op " + name + ": SQL argument " + a + " is no parameter");
            }
        }
    }

    /** An op whose positional SQL function takes the buffered tile only. */
    public static FocalOp of(String name, String doc, Factory factory, FocalParam... params) {
        return new FocalOp(name, doc, List.of(params), List.of(), factory);
    }

    /** This op, its positional SQL function taking these parameters after the buffered tile, in this order. */
    public FocalOp withSqlArgs(String... names) {
        return new FocalOp(name, doc, params, List.of(names), factory);
    }

    // ------------------------------------------------------------------ what it is

    /** The name in Java ({@link FocalOps#op}) and of the command-line command. */
    public String name() {
        return name;
    }

    /** The positional SQL function, {@code rm_<name>(buffered, <sqlArgs>)}. */
    public String sqlName() {
        return "rm_" + name;
    }

    /** The SQL function taking every parameter as options text, {@code rm_<name>_with(buffered, options)}. */
    public String optionsSqlName() {
        return sqlName() + "_with";
    }

    /** One line saying what the op computes. */
    public String doc() {
        return doc;
    }

    public List<FocalParam> params() {
        return params;
    }

    /**
     * The parameter called {@code name}.
     *
     * @throws IllegalArgumentException naming the op's parameters if it has none of that name
     */
    public FocalParam param(String name) {
        for (FocalParam p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'; " + this.name + " takes " + names());
    }

    /** The parameters the positional SQL function takes after the buffered tile. */
    public List<String> sqlArgs() {
        return sqlArgs;
    }

    /** Every parameter as {@code name=VALUES (default)}, comma-separated: the options help. */
    public String usage() {
        List<String> u = new ArrayList<>();
        params.forEach(p -> u.add(p.usage()));
        return String.join(", ", u);
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        params.forEach(p -> n.add(p.name()));
        return n;
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ arguments and kernels

    /**
     * Options text as name/value pairs: {@code name=value} entries separated by blanks, commas or
     * semicolons, e.g. {@code "alg=ZevenbergenThorne, compute_edges=true"}; a list value is
     * comma-separated ({@code "weights=0,1,0,1,-4,1,0,1,0"}). Names are case-insensitive and may be
     * written with dashes ({@code z-factor}, {@code --z-factor}).
     *
     * @throws IllegalArgumentException for an entry without {@code =} or a name given twice
     */
    public static Map<String, String> options(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        String t = text.trim();
        if (t.isEmpty()) {
            return m;
        }
        for (String entry : ENTRY_START.split(t)) {
            String e = entry.trim().replaceAll("[\\s,;]+$", "");
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "options are name=value entries separated by blanks, commas or semicolons; '" + e + "' in '"
                                + text + "' is none");
            }
            String key = key(e.substring(0, eq));
            if (m.put(key, e.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("option " + key + " is given twice in '" + text + "'");
            }
        }
        return m;
    }

    private static String key(String name) {
        return name.trim().replaceFirst("^-{1,2}", "").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The checked arguments for {@code given} (names as in {@link #options}), defaults filled in.
     *
     * @throws IllegalArgumentException for an unknown parameter, a missing required one or a value of the wrong type
     */
    public FocalArgs args(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> set = new HashSet<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = key(e.getKey());
            FocalParam p = param(key);
            String v = Objects.requireNonNull(e.getValue(), key);
            p.check(v);
            if (values.put(key, v) != null) {
                throw new IllegalArgumentException(key + " is given twice");
            }
            set.add(key);
        }
        for (FocalParam p : params) {
            if (!values.containsKey(p.name())) {
                if (p.required()) {
                    throw new IllegalArgumentException("needs " + p.name() + " (" + p.doc() + ")");
                }
                values.put(p.name(), p.defaultValue());
            }
        }
        return new FocalArgs(this, values, set);
    }

    /**
     * The kernel for {@code given} (see {@link #args}).
     *
     * @throws IllegalArgumentException starting with the op's name: what is wrong with the arguments
     */
    public FocalKernel kernel(Map<String, String> given) {
        try {
            return factory.kernel(args(given));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The kernel for options text (see {@link #options}), e.g. {@code slope.kernel("alg=zt compute_edges=true")}. */
    public FocalKernel kernel(String options) {
        Map<String, String> given;
        try {
            given = options(options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return kernel(given);
    }
}
