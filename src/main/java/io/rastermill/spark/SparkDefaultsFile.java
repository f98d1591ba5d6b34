package io.rastermill.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Spark properties file such as {@code conf/spark-defaults.conf}: one {@code key value} per
 * line, key and value separated by whitespace (or {@code =}), blank lines and lines starting with
 * {@code #} or {@code !} ignored, values trimmed. Unlike {@code java.util.Properties} it keeps the
 * file's order and rejects a key without a value, naming the file and line.
 */
public final class SparkDefaultsFile {

    private SparkDefaultsFile() {}

    /**
     * The settings in {@code file}, in file order.
     *
     * @throws IllegalArgumentException if a line has a key but no value, or the file is missing
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": Spark defaults file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read Spark defaults file: " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses {@code lines}; {@code name} is only used in error messages. */
    static Map<String, String> parse(String name, List<String> lines) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int split = 0;
            while (split < line.length() && !isSeparator(line.charAt(split))) {
                split++;
            }
            String key = line.substring(0, split);
            String rest = line.substring(split).strip();
            if (rest.startsWith("=")) {
                rest = rest.substring(1).strip();
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(
                        name + ":" + (i + 1) + ": setting '" + key + "' has no value (expected 'key value')");
            }
            result.put(key, rest);
        }
        return result;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '=';
    }
}
