package io.rastermill.spark.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rastermill} catalog of SQL functions: the one list that {@link RastermillSql#register}
 * registers and {@code docs/sql-functions.md} is generated from ({@link #markdown()}). A function
 * exists in SQL only through an entry here, and every entry carries its signature and doc, so the
 * page cannot miss a function or describe one that is gone.
 */
public final class SqlFunctions {
    /** The command that rewrites {@code docs/sql-functions.md} from this catalog. */
    public static final String REGENERATE = "mvn -B -q -o test -Dtest=SqlFunctionsPageTest -Drastermill.writeDocs=true";

    private SqlFunctions() {}

    /**
     * Every function, grouped as on the page.
     *
     * @throws IllegalStateException if two entries share a name (e.g. a local op whose SQL name is taken)
     */
    public static List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>();
        all.addAll(TileFunctions.all());
        all.addAll(LocalOpFunctions.all());
        all.addAll(CalcFunctions.all());
        all.addAll(ReclassFunctions.all());
        all.addAll(FocalFunctions.all());
        all.addAll(WarpFunctions.all());
        all.addAll(AggregateFunctions.all());
        all.addAll(TimeSeriesFunctions.all());
        Set<String> names = new HashSet<>();
        for (SqlFunction f : all) {
            if (!names.add(f.name())) {
                throw new IllegalStateException("two SQL functions are named " + f.name()
                        + "; give a local op another with LocalOp.withSqlName");
            }
        }
        return all;
    }

    /** An entry named by its signature's function name. */
    static SqlFunction entry(
            String group, String signature, String returns, String doc, SqlFunction.Registration registration) {
        int paren = signature.indexOf('(');
        String name = paren < 0 ? signature : signature.substring(0, paren);
        return new SqlFunction(group, name, signature, returns, doc, registration);
    }

    /** The page {@code docs/sql-functions.md}: every function under its group, with its result and doc. */
    public static String markdown() {
        Map<String, List<SqlFunction>> groups = new LinkedHashMap<>();
        for (SqlFunction f : all()) {
            groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
        }
        StringBuilder b = new StringBuilder()
                .append("# Rastermill SQL functions\n\n")
                .append("<!-- Generated from io.rastermill.spark.sql.SqlFunctions; do not edit. Regenerate with:\n")
                .append("     ")
                .append(REGENERATE)
                .append(" -->\n\n")
                .append("`RastermillSql.register(spark)` adds these ")
                .append(all().size())
                .append(" functions to a session. Tiles are BINARY columns in the `TileBytes` form")
                .append(" (`LayerFrames.toDataFrame`); focal functions take buffered tiles")
                .append(" (`LayerFrames.toBufferedDataFrame`). A NULL argument gives NULL.\n");
        for (Map.Entry<String, List<SqlFunction>> g : groups.entrySet()) {
            b.append("\n## ")
                    .append(g.getKey())
                    .append("\n\n")
                    .append("| function | returns | what it computes |\n")
                    .append("|---|---|---|\n");
            for (SqlFunction f : g.getValue()) {
                b.append("| `")
                        .append(f.signature())
                        .append("` | ")
                        .append(f.returns())
                        .append(" | ")
                        .append(f.doc().replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return b.append(CommandsInSql.markdown()).toString();
    }
}
