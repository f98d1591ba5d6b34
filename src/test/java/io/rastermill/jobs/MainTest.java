package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line without Spark: help, version, usage errors, runtime errors. */
class MainTest {

    @AfterEach
    void sparkNeverStarted() {
        assertTrue(
                SparkSession.getActiveSession().isEmpty()
                        && SparkSession.getDefaultSession().isEmpty(),
                "these commands must not start Spark");
    }

    @Test
    void helpListsOptionsAndCommands() {
        CliRun run = CliRun.run("--help");
        assertEquals(0, run.exitCode());
        for (String expected : List.of(
                "--master",
                "--submit",
                "--driver-memory",
                "--executor-memory",
                "--conf",
                "--jars",
                "--debug",
                "--version",
                "config",
                "Exit codes")) {
            assertTrue(run.out().contains(expected), "help mentions " + expected + ":\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void versionPrintsProjectAndSparkVersions() {
        VersionInfo info = VersionInfo.load();
        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+.*"), "filtered version: " + info.version());
        assertTrue(info.sparkVersion().matches("\\d+\\.\\d+\\.\\d+"), "filtered Spark version: " + info.sparkVersion());
        assertEquals(System.getProperty("rastermill.spark.line"), info.scalaBinaryVersion());

        CliRun run = CliRun.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("rastermill " + info.version() + System.lineSeparator()), run.out());
        assertTrue(
                run.out()
                        .contains("built for Spark " + info.sparkVersion() + " (Scala " + info.scalaBinaryVersion()
                                + ")"),
                run.out());
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.run();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing command"), run.err());
        assertTrue(run.err().contains("Usage: rastermill"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("--bogus", "config");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--bogus'"), run.err());
    }

    @Test
    void malformedConfIsAUsageError() {
        CliRun run = CliRun.run("--conf", "spark.master", "config");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--conf"), run.err());
    }

    @Test
    void submitWithoutSparkHomeIsAUsageError() {
        CliRun run = CliRun.run("--submit", "config");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("SPARK_HOME"), run.err());
    }

    @Test
    void runtimeErrorIsOneLineNamingTheFile(@TempDir Path home) throws IOException {
        Path defaults = writeBrokenDefaults(home);
        CliRun run = CliRun.run(CliRun.withHome(home), Map.of(), "config");
        assertEquals(1, run.exitCode());
        assertEquals(
                "rastermill: " + defaults + ":2: setting 'spark.serializer' has no value (expected 'key value')"
                        + System.lineSeparator(),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path home) throws IOException {
        writeBrokenDefaults(home);
        CliRun run = CliRun.run(CliRun.withHome(home), Map.of(), "--debug", "config");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("rastermill: "), run.err());
        assertTrue(run.err().contains("\tat io.rastermill.spark.SparkDefaultsFile"), run.err());
    }

    @Test
    void missingHomePropertyIsExplained() {
        CliRun run = CliRun.run(CliRun.withHome(null), Map.of(), "config");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("rastermill.home is not set"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void submitModeWithoutABuiltJarIsARuntimeErrorNamingIt(@TempDir Path home) {
        CliRun run = CliRun.run(CliRun.withHome(home), Map.of(), "--master", "local[2]", "config");
        assertEquals(1, run.exitCode());
        Path jar = home.resolve("target")
                .resolve("rastermill-" + VersionInfo.load().version() + ".jar");
        assertEquals(
                "rastermill: " + jar
                        + " not found: build with 'mvn -DskipTests package' (jobs/rastermill does it for you)"
                        + System.lineSeparator(),
                run.err());
    }

    @Test
    void launcherOptionsAreStrippedBeforeTheSubcommand() {
        RastermillCommand top = new RastermillCommand(null);
        CommandLine commandLine = new CommandLine(top);
        RastermillCommand.SUBCOMMANDS.forEach(commandLine::addSubcommand);
        String[] args = {
            "--master",
            "local[2]",
            "--conf",
            "a=b",
            "--jars=x.jar,y.jar",
            "--debug",
            "--driver-memory",
            "2g",
            "config",
            "--help"
        };
        commandLine.parseArgs(args);
        assertEquals(List.of("config", "--help"), top.subcommandArgs(List.of(args)));
    }

    @Test
    void launcherOptionsAfterTheCommandAreTheLaunchersToo() {
        RastermillCommand top = new RastermillCommand(null);
        CommandLine commandLine = new CommandLine(top);
        RastermillCommand.SUBCOMMANDS.forEach(commandLine::addSubcommand);
        String[] args = {
            "--debug",
            "slope",
            "a.tif",
            "--master",
            "spark://h:7077",
            "b.tif",
            "--conf",
            "a=b",
            "--jars=x.jar",
            "-z",
            "2",
            "--executor-memory",
            "4g",
            "--dry-run"
        };
        commandLine.parseArgs(args);
        assertEquals("spark://h:7077", top.master);
        assertEquals(Map.of("a", "b"), top.conf);
        assertEquals(List.of("x.jar"), top.jars);
        assertEquals("4g", top.executorMemory);
        assertTrue(top.debug() && top.dryRun);
        assertEquals(List.of("slope", "a.tif", "b.tif", "-z", "2"), top.subcommandArgs(List.of(args)));
    }

    @Test
    void launcherOptionsAfterTheCommandReachSparkSubmitAndLeaveTheCommandsArguments(@TempDir Path home)
            throws IOException {
        Path jar = home.resolve("target")
                .resolve("rastermill-" + VersionInfo.load().version() + ".jar");
        Files.createDirectories(home.resolve("target").resolve("app-lib"));
        Files.writeString(jar, "");
        Path sparkHome = home.resolve("spark");
        CliRun run = CliRun.run(
                CliRun.withHome(home),
                Map.of("SPARK_HOME", sparkHome.toString()),
                "slope",
                "a.tif",
                "--master",
                "spark://h:7077",
                "b.tif",
                "--conf",
                "spark.executor.cores=2",
                "-z",
                "2",
                "--executor-memory=4g",
                "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        String line = run.out().strip();
        assertTrue(
                line.startsWith(sparkHome.resolve("bin").resolve("spark-submit") + " --master spark://h:7077 "), line);
        assertTrue(line.contains(" --executor-memory 4g --conf spark.executor.cores=2 "), line);
        assertTrue(line.endsWith(" " + jar + " slope a.tif b.tif -z 2"), line);
    }

    @Test
    void debugAfterTheCommandPrintsTheStackTrace(@TempDir Path dir) {
        String missing = dir.resolve("missing.tif").toString();
        CliRun plain = CliRun.run("info", missing);
        CliRun debug = CliRun.run("info", missing, "--debug");
        assertEquals(1, plain.exitCode());
        assertEquals(1, debug.exitCode());
        assertFalse(plain.err().contains("\tat io.rastermill"), plain.err());
        assertTrue(debug.err().contains("\tat io.rastermill"), debug.err());
    }

    private static Path writeBrokenDefaults(Path home) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path defaults = conf.resolve("spark-defaults.conf");
        Files.writeString(defaults, "# broken on purpose\nspark.serializer\n");
        return defaults;
    }

    @Test
    void driverMemoryInLocalModeIsTheLaunchersHeapAndOnlyAJvmStartedOtherwiseWarns(@TempDir Path dir) {
        // jobs/rastermill turns --driver-memory into -Xmx and passes -Drastermill.heap; info of a missing file fails
        // before Spark starts, after the settings (and the warning) were read
        String missing = dir.resolve("missing.tif").toString();
        Properties launched = CliRun.withHome(CliRun.projectHome());
        launched.setProperty(RastermillCommand.HEAP_PROPERTY, "2g");
        CliRun viaLauncher = CliRun.run(launched, Map.of(), "--driver-memory", "2g", "info", missing);
        assertFalse(viaLauncher.err().contains("--driver-memory has no effect"), viaLauncher.err());
        CliRun direct = CliRun.run("--driver-memory", "2g", "info", missing);
        assertTrue(
                direct.err().contains("--driver-memory has no effect here")
                        && direct.err().contains("-Xmx2g"),
                direct.err());
    }
}
