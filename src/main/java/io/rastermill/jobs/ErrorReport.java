package io.rastermill.jobs;

import java.util.function.BooleanSupplier;

import picocli.CommandLine;

/**
 * Reports a failed command: one line {@code rastermill: <message>} on stderr, plus the stack trace
 * when {@code --debug} was given. Exit code 1.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {

    private final BooleanSupplier debug;

    ErrorReport(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("rastermill: " + firstLine(ex));
        if (debug.getAsBoolean()) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The exception's message (or its type if it has none), cut to its first line. */
    static String firstLine(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
