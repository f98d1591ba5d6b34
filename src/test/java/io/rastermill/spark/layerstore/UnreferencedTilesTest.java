package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.UnreferencedTiles;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Catalog#findUnreferencedTiles} and {@link Catalog#deleteUnreferencedTiles(UnreferencedTiles)} on local
 * catalogs of both backends: the tile directories killed writes leave go once older than the cut-off; the
 * referenced one (however old), young ones, directories holding other files, symbolic links (and what they lead
 * to), and the directories of a layer whose attribute cannot be read all stay.
 */
class UnreferencedTilesTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static final FileTime TWO_DAYS_AGO = FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS));

    /** Sets every file and directory under {@code p} (and {@code p}) two days back. */
    private static void age(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.toList()) {
                Files.setLastModifiedTime(f, TWO_DAYS_AGO);
            }
        }
    }

    /** A copy of a tile directory's files: what a killed write of the same tiles leaves. */
    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }

    private static String name(UnreferencedTiles t) {
        Path p = Path.of(URI.create(t.dir()));
        return p.getParent().getFileName() + "/" + p.getFileName();
    }

    @Test
    void oldUnreferencedTileDirectoriesGoAndEverythingElseStaysOnBothBackends(@TempDir Path tmp) throws Exception {
        for (Catalog.Backend backend : Catalog.Backend.values()) {
            Path root = tmp.resolve(backend.name());
            String uri = root.toString();
            LayerWriter writer = LayerWriter.open(SPARK.session(), uri, backend);
            LayerId id = new LayerId("dem", 3);
            Map<SpatialKey, Tile> first = LayerStoreFixtures.randomTiles(CellType.INT16, 1);
            Map<SpatialKey, Tile> second = LayerStoreFixtures.randomTiles(CellType.INT16, 2);
            writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.INT16, first), KeyIndexMethod.ZORDER);
            writer.replace(
                    id, LayerStoreFixtures.layer(SPARK.session(), CellType.INT16, second), KeyIndexMethod.ZORDER);
            Path dem = root.resolve("dem");
            List<String> live = LayerReplaceTest.children(dem);
            assertEquals(1, live.size(), live.toString());
            assertTrue(live.get(0).startsWith("3.v"), live.toString());
            Path current = dem.resolve(live.get(0));
            // A killed --overwrite back to the canonical name, a killed first write of another layer, a write
            // running now, a folder the user keeps there, a link out of the catalog, a layer with a broken attribute.
            copyTree(current, dem.resolve("3"));
            copyTree(current, root.resolve("other").resolve("5"));
            copyTree(current, dem.resolve("3.v1234abcd"));
            Files.writeString(copyTree(current, dem.resolve("3.vnotes")).resolve("notes.txt"), "mine");
            Path outside = copyTree(current, tmp.resolve("outside-" + backend));
            Files.createSymbolicLink(dem.resolve("3.vlink"), outside);
            Files.createDirectories(dem.resolve("not-a-zoom"));
            copyTree(current, dem.resolve("4"));
            String attrDir = backend == Catalog.Backend.FILE ? "attributes" : "_attributes";
            String sep = backend == Catalog.Backend.FILE ? "__.__" : "___";
            Files.writeString(root.resolve(attrDir).resolve("dem" + sep + "4" + sep + "metadata.json"), "[broken");
            for (String d : List.of("3", "3.vnotes", "4", "not-a-zoom", live.get(0))) {
                age(dem.resolve(d));
            }
            age(root.resolve("other"));
            age(outside);

            Catalog catalog = Catalog.openExisting(
                            uri, SPARK.session().sparkContext().hadoopConfiguration())
                    .orElseThrow();
            assertEquals(backend, catalog.backend());
            long cutoff = System.currentTimeMillis() - 3_600_000;
            List<UnreferencedTiles> found = catalog.findUnreferencedTiles(cutoff).stream()
                    .sorted((x, y) -> x.dir().compareTo(y.dir()))
                    .toList();
            assertEquals(
                    List.of("dem/3", "dem/3.vnotes", "dem/4", "other/5"),
                    found.stream().map(UnreferencedTilesTest::name).toList(),
                    backend + ": " + found);
            assertTrue(found.get(0).disposable() && found.get(3).disposable(), found.toString());
            assertEquals(
                    "it holds notes.txt, which no layer writer makes",
                    found.get(1).keptBecause());
            assertTrue(
                    found.get(2).keptBecause().contains("which directory layer 'dem' zoom 4 uses is unknown"),
                    found.get(2).keptBecause());
            assertEquals(TWO_DAYS_AGO.toMillis(), found.get(0).lastModified());
            long bytes;
            try (Stream<Path> s = Files.walk(current)) {
                bytes = s.filter(p -> Files.isRegularFile(p)
                                && !p.getFileName().toString().startsWith(".")) // Hadoop's checksums
                        .mapToLong(p -> p.toFile().length())
                        .sum();
            }
            assertEquals(bytes, found.get(0).bytes());

            for (UnreferencedTiles t : found) {
                assertEquals(t.disposable(), catalog.deleteUnreferencedTiles(t), t.toString());
            }
            assertEquals(
                    Stream.of("3.v1234abcd", "3.vlink", "3.vnotes", "4", live.get(0), "not-a-zoom")
                            .sorted()
                            .toList(),
                    LayerReplaceTest.children(dem));
            assertEquals(List.of(), LayerReplaceTest.children(root.resolve("other")));
            assertEquals(
                    LayerReplaceTest.children(current),
                    LayerReplaceTest.children(outside),
                    "what the link leads to is untouched");
            LayerStoreFixtures.assertSameTiles(
                    second,
                    LayerStoreFixtures.collect(
                            LayerReader.open(SPARK.session(), uri, backend).read(id)));

            // A directory found before a write committed it is not deleted after: the attribute is read again.
            UnreferencedTiles young = catalog.findUnreferencedTiles(Long.MAX_VALUE).stream()
                    .filter(t -> t.dir().endsWith("/3.v1234abcd"))
                    .findFirst()
                    .orElseThrow();
            UnreferencedTiles stale =
                    new UnreferencedTiles(id, young.dir().replace("/3.v1234abcd", "/" + live.get(0)), 0, 0, "");
            assertFalse(catalog.deleteUnreferencedTiles(stale), "the live layer's directory");
            assertTrue(Files.isDirectory(current));
            // Nor anything a forged value names outside the layer's place.
            UnreferencedTiles forged = new UnreferencedTiles(id, outside.toUri().toString(), 0, 0, "");
            assertThrows(LayerStoreException.class, () -> catalog.deleteUnreferencedTiles(forged));
            assertTrue(catalog.deleteUnreferencedTiles(young));
        }
    }
}
