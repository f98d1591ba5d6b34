package io.rastermill.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command directly below {@code rastermill} reaches: the top command (settings, the Spark session, --debug)
 * and its own spec (console, usage errors). Options belong to the commands and their mixins, not here.
 */
abstract class RastermillSubcommand implements Callable<Integer> {
    @ParentCommand
    RastermillCommand parent;

    @Spec
    CommandSpec spec;

    /** A usage error of this command (exit 2, with its usage line). */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
