package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated page and the catalog's completeness. {@code -Drastermill.writeDocs=true} rewrites the
 * page instead of checking it ({@link SqlFunctions#REGENERATE}).
 */
class SqlFunctionsPageTest {
    private static final Path PAGE = Path.of("docs", "sql-functions.md");

    @Test
    void committedPageIsTheCatalogs() throws Exception {
        String generated = SqlFunctions.markdown();
        if (Boolean.getBoolean("rastermill.writeDocs")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, PAGE + " is stale; regenerate it with: " + SqlFunctions.REGENERATE);
    }

    @Test
    void everyLocalOpHasAnSqlFunctionWithItsDoc() {
        Map<String, SqlFunction> byName =
                SqlFunctions.all().stream().collect(Collectors.toMap(SqlFunction::name, Function.identity()));
        for (LocalOp op : LocalOps.all()) {
            SqlFunction f = byName.get(op.sqlName());
            assertNotNull(f, op.name() + " has no SQL function");
            assertEquals(op.doc(), f.doc(), op.name());
            if (op.arity() == 2) {
                assertNotNull(byName.get(op.sqlName() + "_value"), op.name() + " has no _value form");
            }
        }
        // the page lists each function exactly once, with its signature
        String page = SqlFunctions.markdown();
        for (SqlFunction f : byName.values()) {
            assertTrue(page.contains("| `" + f.signature() + "` | " + f.returns() + " | "), f.name());
        }
    }

    @Test
    void anEntryWithoutADocOrWithABadNameIsRefused() {
        SqlFunction.Registration none = (udf, n) -> {};
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SqlFunctions.entry("g", "rm_thing(a)", "INT", " ", none));
        assertEquals("rm_thing has no one-line doc", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SqlFunctions.entry("g", "rm_thing(a)", "INT", "two\nlines", none));
        e = assertThrows(
                IllegalArgumentException.class, () -> SqlFunctions.entry("g", "rmThing(a)", "INT", "doc", none));
        assertEquals("SQL function name 'rmThing' is not rm_ and snake case", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> new SqlFunction("g", "rm_a", "rm_b(x)", "INT", "doc", none));
        assertTrue(e.getMessage().contains("is not rm_a(...)"), e.getMessage());
    }
}
