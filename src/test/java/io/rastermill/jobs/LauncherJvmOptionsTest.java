package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/rastermill's JVM options: conf/jvm-options always, conf/jvm-local-options unless RASTERMILL_JAVA_OPTS has an
 * option of the same kind; the class-data-sharing archive kept only from a run that started Spark. Runs the real
 * launcher against a fake home (a built jar in place, so no Maven) and a fake java that prints its arguments, one per
 * line.
 */
class LauncherJvmOptionsTest {

    @TempDir
    Path home;

    @BeforeEach
    void fakeHome() throws IOException {
        Path project = CliRun.projectHome();
        Files.createDirectories(home.resolve("jobs"));
        Files.copy(project.resolve("jobs/rastermill"), home.resolve("jobs/rastermill"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/jvm-options"), "# comment\n  --add-opens=a/b=ALL-UNNAMED  \n\n-Dx=1");
        Files.writeString(
                home.resolve("conf/jvm-local-options"),
                "# tuning\n-XX:+UseParallelGC\n-XX:TieredStopAtLevel=1\n-XX:MaxInlineLevel=20\n-Xss4m\n");
        Files.writeString(
                home.resolve("pom.xml"), "<project><artifactId>rastermill</artifactId><version>9</version></project>");
        Path jar = Files.createDirectories(home.resolve("target/lib")).resolveSibling("rastermill-9.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path java = Files.createDirectories(home.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void confOptionsComeFirstInFileOrder() throws Exception {
        assertEquals(
                List.of(
                        "--add-opens=a/b=ALL-UNNAMED",
                        "-Dx=1",
                        "-XX:+UseParallelGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:MaxInlineLevel=20",
                        "-Xss4m"),
                jvmOptions(""));
    }

    @Test
    void userOptionsReplaceLocalOptionsOfTheSameKind() throws Exception {
        // Any collector replaces the collector, -XX:-TieredCompilation the tier setting, -Xss8m the -Xss4m,
        // -XX:MaxInlineLevel by name; the
        // required conf/jvm-options are never dropped.
        assertEquals(
                List.of(
                        "--add-opens=a/b=ALL-UNNAMED",
                        "-Dx=1",
                        "-XX:MaxInlineLevel=20",
                        "-XX:+UseG1GC",
                        "-XX:-TieredCompilation",
                        "-Xss8m"),
                jvmOptions("-XX:+UseG1GC -XX:-TieredCompilation -Xss8m"));
        assertEquals(
                List.of(
                        "--add-opens=a/b=ALL-UNNAMED",
                        "-Dx=1",
                        "-XX:+UseParallelGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Xss4m",
                        "-XX:MaxInlineLevel=9"),
                jvmOptions("-XX:MaxInlineLevel=9"));
    }

    @Test
    void driverMemoryBecomesTheLastHeapOptionInLocalMode() throws Exception {
        List<String> opts = jvmOptions("-Xmx8g", "--driver-memory", "3g", "config");
        assertEquals(
                List.of("-Xmx8g", "-Xmx3g", "-Drastermill.heap=3g"),
                opts.subList(opts.size() - 3, opts.size()),
                "the JVM takes the last -Xmx: --driver-memory wins over RASTERMILL_JAVA_OPTS");
    }

    @Test
    void keepsTheClassArchiveOnlyFromARunThatStartedSpark() throws Exception {
        // this fake java writes the archive it is asked to dump, and the Spark marker when FAKE_SPARK is set (as
        // RastermillCommand does once Spark started)
        Files.writeString(
                home.resolve("jdk/bin/java"),
                "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; case \"$a\" in\n"
                        + "  -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;;\n"
                        + "  -Drastermill.cds.spark=*) [ -z \"$FAKE_SPARK\" ] || : > \"${a#*=}\" ;;\n"
                        + "esac; done\n");
        assertFalse(
                launch(Map.of(), "info", "dem.tif").stream().anyMatch(a -> a.startsWith("-XX:ArchiveClasses")),
                "info starts no Spark: no dump");
        assertTrue(launch(Map.of(), "slope", "--help").stream().noneMatch(a -> a.startsWith("-XX:ArchiveClasses")));
        assertTrue(launch(Map.of(), "config").stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")));
        assertEquals(List.of(), archiveDir(), "a run that did not start Spark: its dump is dropped, nothing left");
        launch(Map.of("FAKE_SPARK", "1"), "config");
        List<String> kept = archiveDir();
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).matches("rastermill-\\d+\\.jsa"), kept.toString());
        assertTrue(
                launch(Map.of(), "info", "dem.tif")
                        .contains("-XX:SharedArchiveFile="
                                + home.resolve("target/cds").resolve(kept.get(0))),
                "every later run maps it");
    }

    private List<String> archiveDir() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("target/cds"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** What the fake java printed for one launcher run with the class-data-sharing archive on. */
    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", home.resolve("jobs/rastermill").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        pb.environment().remove("RASTERMILL_JAVA_OPTS");
        pb.environment().remove("RASTERMILL_CDS");
        pb.environment().remove("FAKE_SPARK");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /**
     * The options the launcher passes before its own -D settings, with RASTERMILL_JAVA_OPTS = {@code userOpts} and
     * the launcher's arguments {@code args} (default: config).
     */
    private List<String> jvmOptions(String userOpts, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", home.resolve("jobs/rastermill").toString()));
        command.addAll(args.length == 0 ? List.of("config") : List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        pb.environment().put("RASTERMILL_JAVA_OPTS", userOpts);
        pb.environment().put("RASTERMILL_CDS", "off");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> printed = out.lines().toList();
        return printed.subList(
                0, printed.indexOf("-Dlog4j.configurationFile=" + home.resolve("conf/log4j2.properties")));
    }
}
