package io.rastermill.jobs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM started on this test's class path the way {@code jobs/rastermill} starts the local mode: the JVM
 * options of {@code conf/jvm-options}, {@code rastermill.home} and {@code conf/log4j2.properties}; stdout and
 * stderr together into a log file.
 */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Path log, Class<?> mainClass, List<String> args) throws IOException {
        Path home = CliRun.projectHome();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmOptions.read(home.resolve("conf/jvm-options")));
        cmd.add("-Xmx1g");
        cmd.add("-D" + LaunchContext.HOME_PROPERTY + "=" + home);
        cmd.add("-Dlog4j.configurationFile=" + home.resolve("conf/log4j2.properties"));
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
