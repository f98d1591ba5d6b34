package io.rastermill.jobs;

import io.rastermill.spark.layer.TileReadException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;
import picocli.CommandLine;

/**
 * Reports a failed command: one line {@code rastermill: <message>} on stderr, plus the stack trace
 * when {@code --debug} was given. Exit code 1.
 *
 * <p>A failure inside an executor arrives wrapped in Spark's job-abort exception, whose message is a
 * paragraph with a stack trace in it. The line printed is then the executor's own error, prefixed with
 * the command: {@code rastermill: slope: IFD 0: segment 7 (...): Deflate: invalid stream in tile (0, 2) of
 * hdfs://nn/dem.tif} — from a {@link TileReadException} in the cause chain, else from the first line of the
 * task failure in Spark's message.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {

    private final BooleanSupplier debug;
    private final BooleanSupplier local;

    /** {@code local}: whether the command runs in local mode, which decides the setting an out-of-memory line names. */
    ErrorReport(BooleanSupplier debug, BooleanSupplier local) {
        this.debug = debug;
        this.local = local;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String command = commandName(parseResult);
        String line = OutOfMemoryAdvice.line(ex, Runtime.getRuntime().maxMemory(), local.getAsBoolean())
                .map(oom -> command == null ? oom : command + ": " + oom)
                .orElseGet(() -> message(ex, command));
        commandLine.getErr().println("rastermill: " + line);
        if (debug.getAsBoolean()) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static final Pattern TASK_FAILURE = Pattern.compile(
            "most recent failure: Lost task [^\\n]*?\\): (?:(?:[\\w$]+\\.)*([\\w$]+(?:Exception|Error)): )?([^\\n]*)");

    /** The line to print for {@code ex}, thrown while running {@code command} (null: unknown). */
    static String message(Throwable ex, String command) {
        String prefix = command == null ? "" : command + ": ";
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TileReadException) {
                return prefix + firstLine(t);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkException && t.getMessage() != null) {
                Matcher m = TASK_FAILURE.matcher(t.getMessage());
                if (m.find() && !m.group(2).isBlank()) {
                    // An I/O wrapper's name says nothing; any other exception type does (ArithmeticException: / by
                    // zero).
                    String type = m.group(1) == null || m.group(1).endsWith("IOException") ? "" : m.group(1) + ": ";
                    return prefix + type + m.group(2).strip();
                }
            }
        }
        return firstLine(ex);
    }

    /** The name of the (innermost) subcommand that ran, or null. */
    private static String commandName(CommandLine.ParseResult parseResult) {
        String name = null;
        for (CommandLine.ParseResult p = parseResult; p != null && p.hasSubcommand(); p = p.subcommand()) {
            name = p.subcommand().commandSpec().name();
        }
        return name;
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
