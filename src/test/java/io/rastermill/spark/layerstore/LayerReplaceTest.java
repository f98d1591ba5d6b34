package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerHeader;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * Replacing a layer beside the old one, Hadoop-backend updates that rewrite only the MapFiles they touch,
 * and names and stored paths confined to the catalog.
 */
class LayerReplaceTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    /** The names in {@code dir}, sorted, hidden ones left out. */
    static List<String> children(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void replaceWritesBesideTheOldLayerAndSwapsOnBothBackends(@TempDir Path tmp) throws Exception {
        for (Catalog.Backend backend : Catalog.Backend.values()) {
            String uri = backend == Catalog.Backend.FILE
                    ? tmp.resolve("FILE").toString()
                    : tmp.resolve(backend.name()).toUri().toString().replaceAll("/$", "");
            LayerWriter writer = LayerWriter.open(SPARK.session(), uri, backend);
            LayerReader reader = LayerReader.open(SPARK.session(), uri, backend);
            Path layerParent = tmp.resolve(backend.name()).resolve("dem");
            LayerId id = new LayerId("dem", 3);
            Map<SpatialKey, Tile> first = LayerStoreFixtures.randomTiles(CellType.INT16, 1);
            writer.replace(id, LayerStoreFixtures.layer(SPARK.session(), CellType.INT16, first), KeyIndexMethod.ZORDER);
            assertEquals(List.of("3"), children(layerParent), backend.name()); // a first write is GeoTrellis's layout

            // Replace with other tiles, another cell type and key index: the new layer goes to 3.v…, the old is
            // deleted.
            Map<SpatialKey, Tile> second = LayerStoreFixtures.randomTiles(CellType.FLOAT64, 2);
            writer.replace(
                    id, LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT64, second), KeyIndexMethod.HILBERT);
            LayerAttributes a = reader.attributes(id);
            List<String> dirs = children(layerParent);
            assertEquals(1, dirs.size(), dirs.toString());
            assertTrue(dirs.get(0).startsWith("3.v"), dirs.toString());
            assertTrue(
                    a.header().path().endsWith("dem/" + dirs.get(0)), a.header().path());
            assertEquals(CellType.FLOAT64, a.metadata().cellType());
            LayerStoreFixtures.assertSameTiles(second, LayerStoreFixtures.collect(reader.read(id)));

            // And back: the next version takes the canonical name again.
            writer.replace(
                    id, LayerStoreFixtures.layer(SPARK.session(), CellType.INT16, first), KeyIndexMethod.ROWMAJOR);
            assertEquals(List.of("3"), children(layerParent), backend.name());
            LayerStoreFixtures.assertSameTiles(first, LayerStoreFixtures.collect(reader.read(id)));
            assertEquals(List.of(id), reader.layerIds());
        }
    }

    @Test
    void aWriteDeletesTilesThatAKilledWriteLeft(@TempDir Path tmp) throws Exception {
        Path cat = tmp.resolve("cat");
        LayerWriter writer = LayerWriter.open(SPARK.session(), cat.toString(), Catalog.Backend.FILE);
        LayerId id = new LayerId("dem", 0);
        Files.createDirectories(cat.resolve("dem/0.v17f3"));
        Files.write(cat.resolve("dem/0.v17f3/0"), new byte[] {1, 2, 3});
        Files.createDirectories(cat.resolve("dem/0/"));
        Files.createDirectories(cat.resolve("dem/01")); // not a tile directory of zoom 0: kept
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(CellType.UINT8, 3);
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.UINT8, tiles), KeyIndexMethod.ZORDER);
        assertEquals(List.of("0", "01"), children(cat.resolve("dem")));
        LayerStoreFixtures.assertSameTiles(
                tiles,
                LayerStoreFixtures.collect(
                        LayerReader.open(SPARK.session(), cat.toString(), null).read(id)));
    }

    @Test
    void hadoopUpdateRewritesOnlyTheMapFilesItTouches(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toUri().toString().replaceAll("/$", "");
        LayerWriter writer = LayerWriter.open(SPARK.session(), uri, Catalog.Backend.HADOOP);
        LayerReader reader = LayerReader.open(SPARK.session(), uri, Catalog.Backend.HADOOP);
        LayerId id = new LayerId("dem", 1);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(CellType.FLOAT32, 4);
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT32, tiles), KeyIndexMethod.ROWMAJOR);
        Path v0 = tmp.resolve("cat/dem/1");
        List<String> files =
                children(v0).stream().filter(n -> n.startsWith("part-r-")).toList();
        assertEquals(2, files.size(), files.toString()); // two partitions of 3 tiles: row-major indexes 0-2 and 3-5

        // Update tile (1, 1): row-major index 4, in the second MapFile.
        Map<SpatialKey, Tile> more = LayerStoreFixtures.randomTiles(CellType.FLOAT32, 5);
        SpatialKey k = new SpatialKey(1, 1);
        writer.update(
                id,
                TileLayers.fromRdd(
                        JavaSparkContext.fromSparkContext(SPARK.session().sparkContext())
                                .parallelizePairs(List.of(new Tuple2<>(k, more.get(k)))),
                        LayerStoreFixtures.metadata(CellType.FLOAT32)),
                (a, b) -> a.combineDouble(b, Double::sum));
        LayerAttributes a = reader.attributes(id);
        Path v1 = Path.of(java.net.URI.create(a.header().path()));
        assertTrue(v1.getFileName().toString().startsWith("1.v"), v1.toString());
        assertFalse(Files.exists(v0), "the old version is deleted once the new one is the layer");
        assertEquals(
                files,
                children(v1).stream().filter(n -> n.startsWith("part-r-")).toList());
        // The untouched MapFile was copied, not rewritten; the touched one differs only by tile (1, 1).
        KeyIndex ki = a.keyIndex();
        assertEquals(4, ki.toIndex(k));
        String untouched =
                files.stream().filter(n -> n.endsWith("-0")).findFirst().orElseThrow();
        String touched =
                files.stream().filter(n -> !n.endsWith("-0")).findFirst().orElseThrow();
        assertTrue(touched.endsWith("-3"), touched);
        assertTrue(Files.exists(v1.resolve(untouched).resolve("data")));
        Map<SpatialKey, Tile> want = new TreeMap<>(tiles);
        want.put(k, tiles.get(k).combineDouble(more.get(k), Double::sum));
        LayerStoreFixtures.assertSameTiles(want, LayerStoreFixtures.collect(reader.read(id)));
        assertFalse(
                java.util.Arrays.equals(tiles.get(k).toBytes(), want.get(k).toBytes()),
                "the update changed tile (1, 1)");
    }

    @Test
    void hadoopUpdateCopiesUntouchedMapFilesByteForByte(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toUri().toString().replaceAll("/$", "");
        LayerWriter writer = LayerWriter.open(SPARK.session(), uri, Catalog.Backend.HADOOP);
        LayerId id = new LayerId("dem", 1);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(CellType.FLOAT32, 6);
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT32, tiles), KeyIndexMethod.ROWMAJOR);
        Path v0 = tmp.resolve("cat/dem/1");
        String untouched = children(v0).stream()
                .filter(n -> n.startsWith("part-r-") && n.endsWith("-0"))
                .findFirst()
                .orElseThrow();
        byte[] before = Files.readAllBytes(v0.resolve(untouched).resolve("data"));
        SpatialKey k = new SpatialKey(2, 1); // index 5
        writer.overwrite(
                id,
                TileLayers.fromRdd(
                        JavaSparkContext.fromSparkContext(SPARK.session().sparkContext())
                                .parallelizePairs(List.of(new Tuple2<>(k, tiles.get(new SpatialKey(0, 0))))),
                        LayerStoreFixtures.metadata(CellType.FLOAT32)));
        Path v1 = Path.of(java.net.URI.create(LayerReader.open(SPARK.session(), uri, null)
                .attributes(id)
                .header()
                .path()));
        assertArrayEquals(before, Files.readAllBytes(v1.resolve(untouched).resolve("data")));
    }

    @Test
    void namesThatWouldLeaveTheCatalogAreRefused() {
        for (String bad : List.of("", ".", "..", "../x", "a/b", "/abs", "a\\b", "C:x", "a\u0000b", "tab\tname")) {
            assertThrows(IllegalArgumentException.class, () -> new LayerId(bad, 0), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new LayerId("dem", -1));
        assertEquals("..dem", new LayerId("..dem", 0).name()); // dots inside a name are a plain directory name
    }

    @Test
    void aStoredPathOutsideTheCatalogIsNeverFollowedNorDeleted(@TempDir Path tmp) throws Exception {
        Path cat = tmp.resolve("cat");
        Path victim = tmp.resolve("victim");
        Files.createDirectories(victim);
        Files.write(victim.resolve("keep.txt"), new byte[] {42});
        LayerWriter writer = LayerWriter.open(SPARK.session(), cat.toString(), Catalog.Backend.FILE);
        LayerId id = new LayerId("dem", 0);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(CellType.UINT8, 7);
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.UINT8, tiles), KeyIndexMethod.ZORDER);
        FileCatalog fc = (FileCatalog) writer.catalog();
        LayerAttributes a = fc.readAttributes(id);
        for (String forged : List.of("../victim", victim.toString(), "dem/../../victim", ".")) {
            LayerHeader h = new LayerHeader(
                    a.header().keyClass(),
                    a.header().valueClass(),
                    forged,
                    a.header().layerType(),
                    "file");
            fc.writeAttributes(id, new LayerAttributes(h, a.metadata(), a.keyIndex(), a.schema()));
            LayerStoreException e = assertThrows(
                    LayerStoreException.class,
                    () -> LayerReader.open(SPARK.session(), cat.toString(), null)
                            .read(id),
                    forged);
            assertTrue(e.getMessage().contains("outside the catalog"), e.getMessage());
            assertThrows(
                    LayerStoreException.class,
                    () -> writer.replace(
                            id,
                            LayerStoreFixtures.layer(SPARK.session(), CellType.UINT8, tiles),
                            KeyIndexMethod.ZORDER),
                    forged);
        }
        writer.delete(id);
        assertTrue(Files.exists(victim.resolve("keep.txt")));
        assertEquals(List.of(), fc.layerIds());
    }
}
