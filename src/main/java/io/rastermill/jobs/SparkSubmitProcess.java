package io.rastermill.jobs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs spark-submit as a child process with inherited standard streams and returns its exit code:
 * {@code $SPARK_HOME/bin/spark-submit} when {@code SPARK_HOME} is set, otherwise a child JVM running
 * {@code org.apache.spark.deploy.SparkSubmit} (what the spark-submit script calls) from
 * {@code target/lib}, so no Spark download is needed.
 */
final class SparkSubmitProcess {

    static final String SPARK_SUBMIT_CLASS = "org.apache.spark.deploy.SparkSubmit";

    private SparkSubmitProcess() {}

    /** The full command: executable, its JVM options where we start the JVM, then {@code submitArgs}. */
    static List<String> command(
            Optional<Path> sparkHome,
            InstallLayout layout,
            List<String> jvmOptions,
            String driverMemory,
            List<String> submitArgs) {
        return command(sparkHome, layout, jvmOptions, driverMemory, submitArgs, Map.of());
    }

    /**
     * As {@link #command(Optional, InstallLayout, List, String, List)}; without a Spark installation the child
     * JVM's class path also gets {@code HADOOP_CONF_DIR} and {@code YARN_CONF_DIR} from {@code environment}, as
     * Spark's own launcher adds them, so {@code core-site.xml}/{@code hdfs-site.xml} (fs.defaultFS, HA name
     * services, S3A endpoints) are found the standard way.
     */
    static List<String> command(
            Optional<Path> sparkHome,
            InstallLayout layout,
            List<String> jvmOptions,
            String driverMemory,
            List<String> submitArgs,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        if (sparkHome.isPresent()) {
            command.add(sparkHome.get().resolve("bin").resolve("spark-submit").toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (driverMemory != null) {
                // In client mode the driver is this child JVM, so its heap is the driver memory.
                command.add("-Xmx" + driverMemory);
            }
            command.addAll(jvmOptions);
            command.add("-Dlog4j.configurationFile=" + layout.log4jConfig());
            command.add("-D" + LaunchContext.HOME_PROPERTY + "=" + layout.home());
            command.add("-cp");
            StringBuilder cp = new StringBuilder(layout.libDir().resolve("*") + File.pathSeparator + layout.thinJar());
            for (String dir : List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR")) {
                String value = environment.get(dir);
                if (value != null && !value.isBlank()) {
                    cp.append(File.pathSeparator).append(value);
                }
            }
            command.add(cp.toString());
            command.add(SPARK_SUBMIT_CLASS);
        }
        command.addAll(submitArgs);
        return command;
    }

    /** Starts {@code command}, waits for it, and returns its exit code. */
    static int run(List<String> command) {
        Path executable = Path.of(command.get(0));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is not an executable file (check SPARK_HOME / JAVA_HOME)");
        }
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + executable, e);
        }
    }
}
