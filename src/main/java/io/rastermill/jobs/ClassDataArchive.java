package io.rastermill.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The launcher's side channel for its class-data-sharing archive. jobs/rastermill dumps the classes the first run
 * after a build loads and maps that archive in every later run; it keeps the dump only if the run started Spark,
 * which this class tells it by creating the file {@code -Drastermill.cds.spark} names. An archive dumped by a command
 * that starts no Spark ({@code info}, {@code clean}, a {@code --help}) would lack Spark's classes, and every later job
 * of that build would load them from the jars again (about a second of start-up).
 */
final class ClassDataArchive {
    static final String SPARK_MARKER_PROPERTY = "rastermill.cds.spark";

    private ClassDataArchive() {}

    /** Marks this run as one whose classes are worth archiving; a no-op unless the launcher asked. */
    static void sparkStarted(Properties systemProperties) {
        String marker = systemProperties.getProperty(SPARK_MARKER_PROPERTY);
        if (marker == null || marker.isBlank()) {
            return;
        }
        try {
            Files.write(Path.of(marker), new byte[0]);
        } catch (IOException | RuntimeException e) {
            // the archive only saves start-up time: without the marker the launcher drops the dump, nothing fails
        }
    }
}
