package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.spark.sql.CommandsInSql;
import io.rastermill.spark.sql.SqlFunction;
import io.rastermill.spark.sql.SqlFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * Every command's computation is reachable from SQL, or the command is listed without SQL functions and with the
 * reason ({@link CommandsInSql}, shown on docs/sql-functions.md): a new command fails here until it is placed.
 */
class CommandsInSqlTest {
    @Test
    void everyCommandHasSqlFunctionsOrAReason() {
        List<String> commands = new ArrayList<>();
        for (Class<?> c : RastermillCommand.SUBCOMMANDS) {
            commands.add(c.getAnnotation(Command.class).name());
        }
        List<String> listed =
                CommandsInSql.all().stream().map(CommandsInSql.Entry::command).toList();
        assertEquals(
                commands,
                listed,
                "CommandsInSql must list every command of RastermillCommand.SUBCOMMANDS, in order, with its SQL"
                        + " functions or the reason it has none");
        Set<String> functions =
                SqlFunctions.all().stream().map(SqlFunction::name).collect(Collectors.toSet());
        for (CommandsInSql.Entry e : CommandsInSql.all()) {
            for (String f : e.functions()) {
                assertTrue(functions.contains(f), e.command() + ": the catalog has no " + f);
            }
        }
    }

    @Test
    void anEntryHasFunctionsOrAReasonNotBoth() {
        assertThrows(IllegalArgumentException.class, () -> new CommandsInSql.Entry("x", List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new CommandsInSql.Entry("x", List.of("rm_x"), "why"));
    }
}
