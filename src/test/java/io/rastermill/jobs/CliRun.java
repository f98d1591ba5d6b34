package io.rastermill.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** One in-process run of {@link Main} with captured output, for tests. */
record CliRun(int exitCode, String out, String err) {

    /** The project directory (surefire sets {@code basedir}). */
    static Path projectHome() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** System properties with {@code rastermill.home} set to {@code home} (null: unset). */
    static Properties withHome(Path home) {
        Properties p = new Properties();
        if (home != null) {
            p.setProperty(LaunchContext.HOME_PROPERTY, home.toString());
        }
        return p;
    }

    static CliRun run(String... args) {
        return run(withHome(projectHome()), Map.of(), args);
    }

    static CliRun run(Properties systemProperties, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new LaunchContext(systemProperties, environment, new PrintWriter(out), new PrintWriter(err)), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
