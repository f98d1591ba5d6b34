package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spark-submit argument list, built without starting anything. */
class SparkSubmitArgumentsTest {

    private static final InstallLayout LAYOUT =
            new InstallLayout(Path.of("/opt/rm"), Path.of("/opt/rm/target/rastermill-1.2.3.jar"));
    private static final List<Path> APP_LIB =
            List.of(Path.of("/opt/rm/target/app-lib/a.jar"), Path.of("/opt/rm/target/app-lib/b.jar"));

    @Test
    void allOptions() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.shuffle.partitions", "64");
        conf.put("spark.eventLog.enabled", "true");
        SubmitRequest request = new SubmitRequest(
                "spark://h:7077", "4g", "8g", conf, List.of("/x/extra.jar"), List.of("config", "--help"));

        assertEquals(
                List.of(
                        "--master",
                        "spark://h:7077",
                        "--name",
                        "rastermill",
                        "--class",
                        "io.rastermill.jobs.Main",
                        "--properties-file",
                        "/opt/rm/conf/spark-defaults.conf",
                        "--driver-memory",
                        "4g",
                        "--executor-memory",
                        "8g",
                        "--conf",
                        "spark.sql.shuffle.partitions=64",
                        "--conf",
                        "spark.eventLog.enabled=true",
                        "--jars",
                        "/opt/rm/target/app-lib/a.jar,/opt/rm/target/app-lib/b.jar,/x/extra.jar",
                        "--driver-java-options",
                        "-Dlog4j.configurationFile=/opt/rm/conf/log4j2.properties -Drastermill.home=/opt/rm",
                        "/opt/rm/target/rastermill-1.2.3.jar",
                        "config",
                        "--help"),
                SparkSubmitArguments.build(request, LAYOUT, APP_LIB));
    }

    @Test
    void minimal() {
        SubmitRequest request =
                new SubmitRequest(null, null, null, Map.of("spark.app.name", "mine"), List.of(), List.of("config"));
        assertEquals(
                List.of(
                        "--class",
                        "io.rastermill.jobs.Main",
                        "--properties-file",
                        "/opt/rm/conf/spark-defaults.conf",
                        "--conf",
                        "spark.app.name=mine",
                        "--driver-java-options",
                        "-Dlog4j.configurationFile=/opt/rm/conf/log4j2.properties -Drastermill.home=/opt/rm",
                        "/opt/rm/target/rastermill-1.2.3.jar",
                        "config"),
                SparkSubmitArguments.build(request, LAYOUT, List.of()));
    }

    @Test
    void sparkHomeUsesTheSparkSubmitScript() {
        assertEquals(
                List.of("/spark/bin/spark-submit", "--class", "X"),
                SparkSubmitProcess.command(
                        Optional.of(Path.of("/spark")),
                        LAYOUT,
                        List.of("--add-opens=a"),
                        "4g",
                        List.of("--class", "X")));
    }

    @Test
    void withoutSparkHomeAChildJvmRunsSparkSubmitFromTargetLib() {
        List<String> expected = new ArrayList<>();
        expected.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        expected.addAll(List.of(
                "-Xmx4g",
                "--add-opens=a",
                "-Dlog4j.configurationFile=/opt/rm/conf/log4j2.properties",
                "-Drastermill.home=/opt/rm",
                "-cp",
                "/opt/rm/target/lib/*" + File.pathSeparator + "/opt/rm/target/rastermill-1.2.3.jar",
                "org.apache.spark.deploy.SparkSubmit",
                "--class",
                "X"));
        assertEquals(
                expected,
                SparkSubmitProcess.command(
                        Optional.empty(), LAYOUT, List.of("--add-opens=a"), "4g", List.of("--class", "X")));
    }

    @Test
    void hadoopConfDirGoesOnTheChildJvmClassPath() {
        List<String> command = SparkSubmitProcess.command(
                Optional.empty(),
                LAYOUT,
                List.of(),
                null,
                List.of("--class", "X"),
                java.util.Map.of("HADOOP_CONF_DIR", "/etc/hadoop/conf", "YARN_CONF_DIR", " "));
        assertEquals(
                "/opt/rm/target/lib/*" + File.pathSeparator + "/opt/rm/target/rastermill-1.2.3.jar" + File.pathSeparator
                        + "/etc/hadoop/conf",
                command.get(command.indexOf("-cp") + 1));
    }

    @Test
    void dryRunPrintsTheShellQuotedCommand() {
        assertEquals(
                "java -cp '/a b/*' --driver-java-options '-Dx=1 -Dy='\\''q'\\''' X",
                RastermillCommand.shellQuoted(
                        List.of("java", "-cp", "/a b/*", "--driver-java-options", "-Dx=1 -Dy='q'", "X")));
    }
}
