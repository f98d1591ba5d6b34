package io.rastermill.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a Rastermill checkout the launcher uses: {@code conf/} under the home directory, the
 * thin jar, and beside it {@code lib/} (full classpath incl. Spark) and {@code app-lib/} (runtime
 * dependencies without Spark, handed to spark-submit with {@code --jars}).
 */
record InstallLayout(Path home, Path thinJar) {

    Path sparkDefaults() {
        return home.resolve("conf").resolve("spark-defaults.conf");
    }

    Path rastermillProperties() {
        return home.resolve("conf").resolve("rastermill.properties");
    }

    Path log4jConfig() {
        return home.resolve("conf").resolve("log4j2.properties");
    }

    Path jvmOptions() {
        return home.resolve("conf").resolve("jvm-options");
    }

    Path libDir() {
        return thinJar.getParent().resolve("lib");
    }

    Path appLibDir() {
        return thinJar.getParent().resolve("app-lib");
    }

    /** The jars in {@link #appLibDir()}, sorted by name. */
    List<Path> appLibJars() {
        Path dir = appLibDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    dir + " not found: build with 'mvn -DskipTests package' (jobs/rastermill does it for you)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
