package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.focal.FocalOp;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalParam;
import io.rastermill.spark.sql.SqlFunction;
import io.rastermill.spark.sql.SqlFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One descriptor per focal op reaches every surface: each op of {@link FocalOps#all()} has a Java entry
 * (found by its name), both SQL functions with its doc, and a command of its name whose help starts with
 * its doc and which takes each of its parameters. An op added to the catalog without a command, or a
 * parameter without an option, fails here.
 */
class FocalCatalogTest {

    private static CommandSpec command(String name) {
        CommandLine top = Main.commandLine(new RastermillCommand(null));
        CommandLine sub = top.getSubcommands().get(name);
        assertNotNull(sub, "focal op " + name + " has no command");
        return sub.getCommandSpec();
    }

    @Test
    void everyFocalOpHasAJavaEntryBothSqlFunctionsAndACommand() {
        Map<String, SqlFunction> sql =
                SqlFunctions.all().stream().collect(Collectors.toMap(SqlFunction::name, Function.identity()));
        List<String> missing = new ArrayList<>();
        for (FocalOp op : FocalOps.all()) {
            assertSame(op, FocalOps.op(op.name()), "Java: FocalOps.op finds " + op);

            SqlFunction positional = sql.get(op.sqlName());
            SqlFunction options = sql.get(op.optionsSqlName());
            assertNotNull(positional, op + " has no SQL function " + op.sqlName());
            assertNotNull(options, op + " has no SQL function " + op.optionsSqlName());
            StringBuilder signature = new StringBuilder(op.sqlName()).append("(buffered");
            op.sqlArgs().forEach(a -> signature.append(", ").append(a));
            assertEquals(signature.append(')').toString(), positional.signature());
            assertEquals(op.optionsSqlName() + "(buffered, options)", options.signature());
            assertTrue(positional.doc().startsWith(op.doc()), positional.doc());
            assertTrue(options.doc().equals(op.doc() + "; options: " + op.usage()), options.doc());

            CommandSpec cmd = command(op.name());
            String doc = op.doc();
            assertEquals(
                    Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".",
                    cmd.usageMessage().description()[0],
                    "the help of " + op + " starts with its doc");
            for (FocalParam p : op.params()) {
                if (!takes(cmd, p)) {
                    missing.add(op + "." + p.name());
                }
            }
        }
        assertTrue(missing.isEmpty(), "parameters without a command-line option: " + missing);
    }

    /**
     * The command takes {@code p} as the option {@code --name-with-dashes}, as a positional parameter
     * labelled {@code NAME}, or (a choice) as one flag per value other than the default, e.g. hillshade's
     * {@code --combined}.
     */
    private static boolean takes(CommandSpec cmd, FocalParam p) {
        if (cmd.findOption(p.cliOption()) != null) {
            return true;
        }
        for (PositionalParamSpec pos : cmd.positionalParameters()) {
            if (pos.paramLabel().equalsIgnoreCase(p.name())) {
                return true;
            }
        }
        if (p.type() != FocalParam.Type.CHOICE) {
            return false;
        }
        for (String choice : p.choices()) {
            if (!choice.equalsIgnoreCase(p.defaultValue()) && cmd.findOption("--" + choice) == null) {
                return false;
            }
        }
        return true;
    }
}
