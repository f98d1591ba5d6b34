package io.rastermill.jobs;

import io.rastermill.core.temporal.SceneDates;
import io.rastermill.spark.temporal.SceneDating;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where scene times come from: {@code --dates CSV} or {@code --date-pattern REGEX}, else the TIFF DateTime tag, else a
 * date in the file name. Shared by the commands that take scene series ({@code composite}, {@code layer write
 * --space-time}); {@link TimeRangeOptions} selects by time.
 */
final class SceneDatingOptions {

    @ArgGroup(exclusive = true)
    Dating dating;

    static final class Dating {
        @Option(
                names = "--dates",
                paramLabel = "CSV",
                description = "a CSV of path,time lines (path as given, or the file name)")
        Path csv;

        @Option(
                names = "--date-pattern",
                paramLabel = "REGEX",
                description = "regular expression finding the date in each file name: its group 'date', else group 1,"
                        + " else the match (e.g. \"_(\\d{8})_\")")
        String pattern;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** True if {@code --dates} or {@code --date-pattern} was given. */
    boolean datingGiven() {
        return dating != null;
    }

    SceneDating sceneDating() throws IOException {
        if (dating == null) {
            return SceneDating.automatic();
        }
        if (dating.csv != null) {
            if (!Files.isRegularFile(dating.csv)) {
                throw usage("--dates " + dating.csv + ": no such file");
            }
            try {
                return SceneDating.fromTable(
                        SceneDates.parseTable(Files.readAllLines(dating.csv), dating.csv.toString()));
            } catch (IllegalArgumentException e) {
                throw usage("--dates " + e.getMessage());
            }
        }
        try {
            return SceneDating.fromName(Pattern.compile(dating.pattern));
        } catch (PatternSyntaxException e) {
            throw usage("--date-pattern '" + dating.pattern + "' is not a regular expression: " + e.getDescription());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
