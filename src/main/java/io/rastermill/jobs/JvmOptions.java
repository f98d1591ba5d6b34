package io.rastermill.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code conf/jvm-options}: the JDK 17 flags Spark needs ({@code --add-opens ...}), one per line,
 * {@code #} comments. The same file is read by {@code jobs/rastermill}, so the list lives in one place
 * (the pom's {@code spark.jvm.opens} property repeats it for surefire; a test checks they agree).
 */
final class JvmOptions {

    private JvmOptions() {}

    static List<String> read(Path file) {
        try {
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
            return options;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + ": JVM options file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
