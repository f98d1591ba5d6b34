package io.rastermill.spark.sql;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.sql.UDFRegistration;

/**
 * One entry of the {@link SqlFunctions} catalog: the function's name, how it is called, what it
 * returns, a one-line doc, and how it registers itself on a session. The doc is what
 * {@code docs/sql-functions.md} shows, so an entry without one is refused when the catalog is built.
 *
 * @param group     the heading the function is listed under on the generated page
 * @param name      the SQL name, {@code rm_} and snake case
 * @param signature the call with its argument names, e.g. {@code rm_add(a, b)}
 * @param returns   the SQL type of the result, e.g. {@code BINARY tile} or {@code DOUBLE}
 * @param doc       one line: what the function computes
 */
public record SqlFunction(
        String group, String name, String signature, String returns, String doc, Registration registration) {
    private static final Pattern NAME = Pattern.compile("rm_[a-z0-9_]+");

    /** Registers the function under the given name (the entry's own) on a session's UDF registry. */
    @FunctionalInterface
    public interface Registration {
        void register(UDFRegistration udf, String name);
    }

    public SqlFunction {
        Objects.requireNonNull(registration, "registration");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("SQL function name '" + name + "' is not rm_ and snake case");
        }
        if (signature == null || !signature.startsWith(name + "(") || !signature.endsWith(")")) {
            throw new IllegalArgumentException(name + ": signature '" + signature + "' is not " + name + "(...)");
        }
        for (String[] field : new String[][] {{"group", group}, {"returns", returns}, {"doc", doc}}) {
            if (field[1] == null || field[1].isBlank() || field[1].contains("\n")) {
                throw new IllegalArgumentException(name + " has no one-line " + field[0]);
            }
        }
    }

    /** Adds this function to {@code udf}. */
    public void register(UDFRegistration udf) {
        registration.register(udf, name);
    }
}
