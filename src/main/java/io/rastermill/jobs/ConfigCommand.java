package io.rastermill.jobs;

import io.rastermill.spark.EffectiveSetting;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rastermill config}: starts (or attaches to) the SparkSession and prints the effective
 * configuration with where each setting came from.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Start Spark and print the effective configuration (master, app name, serializer,"
                + " default parallelism, Spark version) and where each setting came from.")
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    RastermillCommand parent;

    @Spec
    CommandSpec spec;

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
