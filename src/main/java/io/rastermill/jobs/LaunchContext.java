package io.rastermill.jobs;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What one run of the command line sees of the outside world: system properties, environment and the
 * two output streams. Paths come only from the {@code rastermill.home} (and optional
 * {@code rastermill.jar}) system properties that {@code jobs/rastermill} sets; never from the working
 * directory.
 */
record LaunchContext(Properties systemProperties, Map<String, String> environment, PrintWriter out, PrintWriter err) {

    static final String HOME_PROPERTY = "rastermill.home";
    static final String JAR_PROPERTY = "rastermill.jar";

    static LaunchContext fromSystem() {
        Charset charset = Charset.defaultCharset();
        return new LaunchContext(
                System.getProperties(),
                System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true));
    }

    /** Where the project lives, from {@code -Drastermill.home}. */
    InstallLayout layout() {
        String home = systemProperties.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("the system property " + HOME_PROPERTY
                    + " is not set: start Rastermill with jobs/rastermill, or pass -D" + HOME_PROPERTY
                    + "=<project directory>");
        }
        Path homeDir = Path.of(home).toAbsolutePath().normalize();
        String jar = systemProperties.getProperty(JAR_PROPERTY);
        Path thinJar = jar == null || jar.isBlank()
                ? homeDir.resolve("target")
                        .resolve("rastermill-" + VersionInfo.load().version() + ".jar")
                : Path.of(jar).toAbsolutePath().normalize();
        return new InstallLayout(homeDir, thinJar);
    }

    /** {@code $SPARK_HOME}, if set and not blank. */
    Optional<Path> sparkHome() {
        String value = environment.get("SPARK_HOME");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
