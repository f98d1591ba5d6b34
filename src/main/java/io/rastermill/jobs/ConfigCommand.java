package io.rastermill.jobs;

import io.rastermill.spark.EffectiveSetting;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code rastermill config}: starts (or attaches to) the SparkSession and prints the effective
 * configuration with where each setting came from.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Start Spark and print the effective configuration (master, app name, serializer,"
                + " default parallelism, Spark version) and where each setting came from.")
final class ConfigCommand extends RastermillSubcommand {

    @Override
    public Integer call() {
        List<EffectiveSetting> rows = parent.spark().effectiveConfiguration();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Rastermill " + VersionInfo.load().version() + ", "
                + (parent.runsUnderSparkSubmit() ? "driver under spark-submit" : "local mode (in-process)"));
        int nameWidth = "setting".length();
        int sourceWidth = "source".length();
        for (EffectiveSetting row : rows) {
            nameWidth = Math.max(nameWidth, row.name().length());
            sourceWidth = Math.max(sourceWidth, row.source().length());
        }
        // The value goes last: some (class paths, java options) are long.
        String format = "%-" + nameWidth + "s  %-" + sourceWidth + "s  %s%n";
        out.printf(format, "setting", "source", "value");
        for (EffectiveSetting row : rows) {
            out.printf(format, row.name(), row.source(), row.value());
        }
        out.flush();
        return 0;
    }
}
