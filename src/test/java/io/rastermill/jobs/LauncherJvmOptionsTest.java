package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/rastermill's JVM options: conf/jvm-options always, conf/jvm-local-options unless RASTERMILL_JAVA_OPTS has an
 * option of the same kind. Runs the real launcher against a fake home (a built jar in place, so no Maven) and a fake
 * java that prints its arguments, one per line.
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
