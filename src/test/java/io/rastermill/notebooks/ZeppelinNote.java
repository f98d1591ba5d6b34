package io.rastermill.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zeppelin 0.11/0.12 note file ({@code .zpln}): JSON with a {@code name} and {@code paragraphs},
 * each with {@code text}, {@code config} and {@code settings}. A paragraph's interpreter is its
 * leading {@code %name} (Zeppelin's rule: the first token if it starts with %); without one, the
 * default interpreter of the note, here {@code spark}.
 */
record ZeppelinNote(Path file, String id, String name, List<Paragraph> paragraphs) {

    /** {@code interpreter} is normalised: "spark", "spark.sql", "spark.conf", "md", ... ("%sql" → "spark.sql"). */
    record Paragraph(int index, String id, String title, String interpreter, String body, String text) {
        String label() {
            return "paragraph " + index + (title == null || title.isBlank() ? "" : " \"" + title + "\"") + " (%"
                    + interpreter + ")";
        }
    }

    private static final Pattern MAGIC = Pattern.compile("\\A\\s*%([\\w.]+)(\\([^)]*\\))?[ \\t]*\\R?");

    static ZeppelinNote read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.path("paragraphs").isArray()) {
            throw new IOException(file + ": not a Zeppelin note (no \"paragraphs\" array)");
        }
        List<Paragraph> ps = new ArrayList<>();
        int i = 0;
        for (JsonNode p : root.get("paragraphs")) {
            for (String field : List.of("text", "config", "settings")) {
                if (!p.has(field)) {
                    throw new IOException(file + ": paragraph " + i + " has no \"" + field + "\"");
                }
            }
            String text = p.get("text").asText("");
            Matcher m = MAGIC.matcher(text);
            String interpreter = "spark";
            String body = text;
            if (m.find()) {
                interpreter = normalise(m.group(1));
                body = text.substring(m.end());
            }
            ps.add(new Paragraph(
                    i, p.path("id").asText("paragraph_" + i), p.path("title").asText(null), interpreter, body, text));
            i++;
        }
        return new ZeppelinNote(
                file,
                root.path("id").asText(file.getFileName().toString()),
                root.path("name").asText(file.getFileName().toString()),
                List.copyOf(ps));
    }

    private static String normalise(String magic) {
        return switch (magic) {
            case "spark", "spark.spark", "scala" -> "spark";
            case "sql", "spark.sql" -> "spark.sql";
            case "conf", "spark.conf" -> "spark.conf";
            case "md", "markdown", "md.md" -> "md";
            default -> magic;
        };
    }
}
