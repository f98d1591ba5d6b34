package io.rastermill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of ours under {@code src/main/java/io/rastermill} says what it is for in a
 * {@code package-info.java}. Only {@code io.rastermill} is walked: a package-info in Hadoop's
 * {@code org.apache.hadoop.io} (where BigIntWritable must live) would ship in the thin jar and shadow
 * Hadoop's own, which ThinJarIT refuses.
 */
class PackageInfoTest {
    private static final Path ROOT = Path.of("src", "main", "java", "io", "rastermill");
    /** The javadoc's first sentence: up to a period ending a word, a tag or the comment's end. */
    private static final Pattern FIRST_SENTENCE =
            Pattern.compile("/\\*\\*\\s*\\*?\\s*(.+?)(?:\\.\\s|\\*/|@)", Pattern.DOTALL);

    @Test
    void everyPackageHasAPackageInfoWithARealDescription() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            packages = dirs.filter(Files::isDirectory)
                    .filter(PackageInfoTest::hasClasses)
                    .toList();
        }
        assertTrue(packages.size() > 30, "packages found: " + packages.size());
        for (Path dir : packages) {
            String problem = problem(dir);
            if (problem != null) {
                problems.add(ROOT.relativize(dir) + ": " + problem);
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(
                Files.exists(Path.of("src", "main", "java", "org", "apache", "hadoop", "io", "package-info.java")),
                "no package-info in Hadoop's package: it would ship in the thin jar");
    }

    @Test
    void aMissingOrEmptyDescriptionIsReported() throws IOException {
        Path dir = Files.createTempDirectory("pkg");
        Files.writeString(dir.resolve("A.java"), "package x;\nclass A {}\n");
        assertEquals("no package-info.java", problem(dir));
        Files.writeString(dir.resolve("package-info.java"), "/** TODO. */\npackage x;\n");
        assertEquals("no one-line description (\"TODO\")", problem(dir));
        Files.writeString(
                dir.resolve("package-info.java"),
                "/**\n * Map algebra over tiles: parser and evaluator.\n */\npackage x;\n");
        assertEquals(null, problem(dir));
    }

    private static boolean hasClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": " + e.getMessage(), e);
        }
    }

    /** What is wrong with {@code dir}'s package-info, or null. */
    private static String problem(Path dir) throws IOException {
        Path info = dir.resolve("package-info.java");
        if (!Files.exists(info)) {
            return "no package-info.java";
        }
        Matcher m = FIRST_SENTENCE.matcher(Files.readString(info));
        String first = m.find() ? m.group(1).replaceAll("\\s*\\*\\s*", " ").trim() : "";
        return first.split("\\s+").length >= 3 && !first.startsWith("TODO")
                ? null
                : "no one-line description (\"" + first + "\")";
    }
}
