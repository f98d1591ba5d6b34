package io.rastermill.io.layerstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Copies of the GeoTrellis-written catalogs in src/test/resources/io/rastermill/io/layerstore/golden (see its README). */
public final class GoldenCatalogs {
    private GoldenCatalogs() {}

    public static Path resource(String name) {
        try {
            return Paths.get(GoldenCatalogs.class.getResource("golden/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of a golden catalog under {@code dir}; the Hadoop catalog's header path is pointed at the copy. */
    public static Path copy(String name, Path dir) throws IOException {
        Path src = resource(name);
        Path dst = dir.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            s.forEach(p -> {
                try {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path attrs = dst.resolve("_attributes");
        if (Files.isDirectory(attrs)) {
            try (Stream<Path> s = Files.list(attrs)) {
                for (Path p : s.toList()) {
                    if (p.getFileName().toString().endsWith(".json")) {
                        String text = Files.readString(p, StandardCharsets.UTF_8)
                                .replace("file:/CATALOG_ROOT/" + name, "file:" + dst.toAbsolutePath());
                        Files.writeString(p, text, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return dst;
    }

    /** Tile (c, r) of the golden int32 layer: {@code (r*2+c)*100 + i}, NODATA at cell 5. */
    public static int[] goldenCells(int col, int row) {
        int[] cells = new int[16];
        int base = (row * 2 + col) * 100;
        for (int i = 0; i < 16; i++) {
            cells[i] = i == 5 ? Integer.MIN_VALUE : base + i;
        }
        return cells;
    }
}
