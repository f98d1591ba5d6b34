package io.rastermill.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child-JVM entry point for tests: runs {@link Main} once per line of a file (arguments separated by tabs)
 * against the real standard streams, so Spark's own logging reaches stderr as it would from
 * {@code jobs/rastermill}. Before each run it writes {@code === run N} to stderr, after it {@code === exit C}.
 */
final class MainBatch {
    private MainBatch() {}

    public static void main(String[] args) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            System.err.println("=== run " + n++);
            int code = Main.run(LaunchContext.fromSystem(), line.split("\t"));
            System.err.println("=== exit " + code);
        }
        System.exit(0);
    }
}
