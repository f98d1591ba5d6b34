package io.rastermill.jobs;

import picocli.CommandLine;

/** Entry point of {@code jobs/rastermill} and of spark-submit ({@code --class io.rastermill.jobs.Main}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line against the real system properties, environment and standard streams. */
    static int run(String... args) {
        return run(LaunchContext.fromSystem(), args);
    }

    /** The command tree under {@code top}, as {@link #run} parses it. */
    static CommandLine commandLine(RastermillCommand top) {
        CommandLine commandLine = new CommandLine(top);
        for (Class<?> subcommand : RastermillCommand.SUBCOMMANDS) {
            // a CommandLine of its own, so that picocli applies the command's model transformer (added as a
            // class it would not): the terrain commands take their descriptions from the focal catalog that way
            commandLine.addSubcommand(new CommandLine(subcommand));
        }
        return commandLine;
    }

    /** Runs one command line in {@code context}; returns the exit code (0 ok, 2 usage, 1 runtime error). */
    static int run(LaunchContext context, String... args) {
        RastermillCommand top = new RastermillCommand(context);
        CommandLine commandLine = commandLine(top);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionStrategy(top::execute);
        commandLine.setExecutionExceptionHandler(new ErrorReport(top::debug, top::runsLocally));
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }
}
