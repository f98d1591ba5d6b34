package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.GoldenCatalogs;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** LayerWriter/LayerReader on the file backend, and reading the GeoTrellis-written golden catalogs (both backends). */
class LayerStoreTest {
    static final List<CellType> ALL_TYPES = allTypes();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    static List<CellType> allTypes() {
        List<CellType> all = new ArrayList<>(CellType.FIXED);
        all.add(CellType.userDefined(DataType.INT8, -5));
        all.add(CellType.userDefined(DataType.UINT8, 255));
        all.add(CellType.userDefined(DataType.INT16, -9999));
        all.add(CellType.userDefined(DataType.UINT16, 65535));
        all.add(CellType.userDefined(DataType.INT32, -9999));
        all.add(CellType.userDefined(DataType.FLOAT32, -9999));
        all.add(CellType.userDefined(DataType.FLOAT64, 1e-5));
        return all;
    }

    @Test
    void readsTheGoldenFileCatalog() throws Exception {
        LayerReader reader = LayerReader.open(
                SPARK.session(), GoldenCatalogs.resource("golden-file-catalog").toString(), null);
        TileLayer layer = reader.read(new LayerId("golden", 3));
        assertEquals(CellType.INT32, layer.metadata().cellType());
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.collect(layer);
        assertEquals(4, tiles.size());
        tiles.forEach(
                (k, t) -> assertArrayEquals(GoldenCatalogs.goldenCells(k.col(), k.row()), t.toIntLane(), k.toString()));

        Map<SpatialKey, Tile> hilbert = LayerStoreFixtures.collect(
                reader.read(new LayerId("golden-f32ud", 3), new KeyBounds(new SpatialKey(1, 0), new SpatialKey(1, 1))));
        assertEquals(List.of(new SpatialKey(1, 0), new SpatialKey(1, 1)), List.copyOf(hilbert.keySet()));
        assertEquals(
                101 / 2.0, hilbert.get(new SpatialKey(1, 0)).getDouble(1), 0.0); // tile (1,0) cell 1 = (100 + 1) / 2
        assertTrue(Double.isNaN(hilbert.get(new SpatialKey(1, 1)).getDouble(5)));

        MultibandLayer mb = reader.readMultiband(new LayerId("golden-mb", 3));
        Map<SpatialKey, MultibandTile> mt = new TreeMap<>(mb.rdd().collectAsMap());
        assertEquals(4, mt.size());
        assertEquals(2, mt.get(new SpatialKey(1, 1)).bandCount());
        assertEquals(2 * 302, mt.get(new SpatialKey(1, 1)).band(1).get(2));

        LayerStoreException e = assertThrows(LayerStoreException.class, () -> reader.read(new LayerId("golden-mb", 3)));
        assertTrue(e.getMessage().contains("readMultiband"), e.getMessage());
    }

    @Test
    void readsTheGoldenHadoopCatalog(@TempDir Path tmp) throws Exception {
        Path cat = GoldenCatalogs.copy("golden-hadoop-catalog", tmp);
        LayerReader reader = LayerReader.open(SPARK.session(), cat.toUri().toString(), null);
        assertEquals(Catalog.Backend.HADOOP, reader.catalog().backend());
        assertEquals(List.of(new LayerId("golden", 3)), reader.layerIds());
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.collect(reader.read(new LayerId("golden", 3)));
        assertEquals(4, tiles.size());
        tiles.forEach(
                (k, t) -> assertArrayEquals(GoldenCatalogs.goldenCells(k.col(), k.row()), t.toIntLane(), k.toString()));
        Map<SpatialKey, Tile> one =
                LayerStoreFixtures.collect(reader.read(new LayerId("golden", 3), new Extent(4.5, 0.5, 5, 1)));
        assertEquals(List.of(new SpatialKey(1, 1)), List.copyOf(one.keySet()));
    }

    @Test
    void everyCellTypeAndKeyIndexRoundTrips(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toString();
        LayerWriter writer = LayerWriter.open(SPARK.session(), uri, null);
        LayerReader reader = LayerReader.open(SPARK.session(), uri, null);
        KeyIndexMethod[] methods = KeyIndexMethod.values();
        int i = 0;
        for (CellType ct : ALL_TYPES) {
            LayerId id = new LayerId("t-" + ct.name(), i % 4);
            Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(ct, 17 + i);
            writer.write(id, LayerStoreFixtures.layer(SPARK.session(), ct, tiles), methods[i % methods.length]);
            TileLayer back = reader.read(id);
            assertEquals(LayerStoreFixtures.metadata(ct), back.metadata(), ct.name());
            assertEquals(
                    methods[i % methods.length].createIndex(
                            back.metadata().bounds().toKeyBounds().orElseThrow()),
                    reader.attributes(id).keyIndex());
            LayerStoreFixtures.assertSameTiles(tiles, LayerStoreFixtures.collect(back));
            i++;
        }
        assertEquals(ALL_TYPES.size(), reader.layerIds().size());
    }

    @Test
    void multibandRoundTrips(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toString();
        CellType ct = CellType.userDefined(DataType.UINT16, 65535);
        Random rnd = new Random(5);
        Map<SpatialKey, MultibandTile> tiles = new TreeMap<>();
        for (SpatialKey k : LayerStoreFixtures.randomTiles(ct, 1).keySet()) {
            tiles.put(
                    k,
                    MultibandTile.of(
                            LayerStoreFixtures.randomTile(ct, rnd),
                            LayerStoreFixtures.randomTile(ct, rnd),
                            LayerStoreFixtures.randomTile(ct, rnd)));
        }
        LayerId id = new LayerId("mb", 0);
        LayerWriter.open(SPARK.session(), uri, null)
                .writeMultiband(id, LayerStoreFixtures.multiband(SPARK.session(), ct, tiles), KeyIndexMethod.HILBERT);
        MultibandLayer back = LayerReader.open(SPARK.session(), uri, null).readMultiband(id);
        Map<SpatialKey, MultibandTile> got = new TreeMap<>(back.rdd().collectAsMap());
        assertEquals(tiles, got);
    }

    @Test
    void writeRefusesExistingLayerOverwriteAndUpdateMerge(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toString();
        LayerWriter writer = LayerWriter.open(SPARK.session(), uri, null);
        LayerReader reader = LayerReader.open(SPARK.session(), uri, null);
        LayerId id = new LayerId("dem", 0);
        Map<SpatialKey, Tile> first = LayerStoreFixtures.randomTiles(CellType.FLOAT32, 1);
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT32, first), KeyIndexMethod.ZORDER);
        LayerStoreException e = assertThrows(
                LayerStoreException.class,
                () -> writer.write(
                        id, LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT32, first), KeyIndexMethod.ZORDER));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());

        // Overwrite: the two tiles given replace theirs; the others stay.
        Map<SpatialKey, Tile> second = LayerStoreFixtures.randomTiles(CellType.FLOAT32, 2);
        Map<SpatialKey, Tile> part = new TreeMap<>();
        part.put(new SpatialKey(0, 0), second.get(new SpatialKey(0, 0)));
        part.put(new SpatialKey(2, 1), second.get(new SpatialKey(2, 1)));
        TileLayerMetadata md = LayerStoreFixtures.metadata(CellType.FLOAT32);
        writer.overwrite(
                id,
                io.rastermill.spark.layer.TileLayers.fromRdd(
                        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                                        SPARK.session().sparkContext())
                                .parallelizePairs(part.entrySet().stream()
                                        .map(x -> new scala.Tuple2<>(x.getKey(), x.getValue()))
                                        .toList()),
                        md));
        Map<SpatialKey, Tile> expected = new TreeMap<>(first);
        expected.putAll(part);
        LayerStoreFixtures.assertSameTiles(expected, LayerStoreFixtures.collect(reader.read(id)));

        // Update with a merge function: existing + new, per cell.
        writer.update(
                id,
                LayerStoreFixtures.layer(SPARK.session(), CellType.FLOAT32, second),
                (a, b) -> a.combineDouble(b, Double::sum));
        Map<SpatialKey, Tile> merged = LayerStoreFixtures.collect(reader.read(id));
        for (SpatialKey k : expected.keySet()) {
            Tile want = expected.get(k).combineDouble(second.get(k), Double::sum);
            assertArrayEquals(want.toBytes(), merged.get(k).toBytes(), k.toString());
        }
        // Updates must stay inside the key index bounds.
        TileLayerMetadata outside = new TileLayerMetadata(
                CellType.FLOAT32,
                md.layout(),
                md.extent(),
                md.crs(),
                new KeyBounds(new SpatialKey(0, 0), new SpatialKey(5, 5)));
        e = assertThrows(
                LayerStoreException.class,
                () -> writer.update(
                        id,
                        io.rastermill.spark.layer.TileLayers.fromRdd(
                                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                                                SPARK.session().sparkContext())
                                        .parallelizePairs(List.of(new scala.Tuple2<>(
                                                new SpatialKey(0, 0), first.get(new SpatialKey(0, 0))))),
                                outside)));
        assertTrue(e.getMessage().contains("outside the layer's key index bounds"), e.getMessage());

        writer.delete(id);
        assertEquals(List.of(), reader.layerIds());
        assertTrue(!Files.exists(tmp.resolve("cat/dem/0")));
    }

    @Test
    void queriesReadOnlyTheFilesTheyNeed(@TempDir Path tmp) throws Exception {
        String uri = tmp.resolve("cat").toString();
        LayerId id = new LayerId("q", 2);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(CellType.INT16, 3);
        LayerWriter.open(SPARK.session(), uri, null)
                .write(id, LayerStoreFixtures.layer(SPARK.session(), CellType.INT16, tiles), KeyIndexMethod.HILBERT);
        LayerReader reader = LayerReader.open(SPARK.session(), uri, null);
        LayerAttributes a = reader.attributes(id);
        // Corrupt every file outside the query: a read that touched one would fail.
        KeyBounds q = new KeyBounds(new SpatialKey(1, 0), new SpatialKey(2, 0));
        for (SpatialKey k : tiles.keySet()) {
            if (!q.includes(k)) {
                Files.write(
                        tmp.resolve("cat/q/2")
                                .resolve(a.keyIndex().fileName(a.keyIndex().toIndex(k))),
                        new byte[] {1, 2, 3});
            }
        }
        TileLayer part = reader.read(id, q);
        Map<SpatialKey, Tile> got = LayerStoreFixtures.collect(part);
        assertEquals(List.of(new SpatialKey(1, 0), new SpatialKey(2, 0)), List.copyOf(got.keySet()));
        assertEquals(q, part.metadata().bounds());
        assertEquals(new Extent(8, 8, 24, 16), part.metadata().extent());
        // Extent (8.5, 9) - (9, 10) meets only key (1, 0).
        assertEquals(
                List.of(new SpatialKey(1, 0)),
                List.copyOf(LayerStoreFixtures.collect(reader.read(id, new Extent(8.5, 9, 9, 10)))
                        .keySet()));
        // The whole layer touches the corrupt files: the error names layer and file.
        Exception e = assertThrows(Exception.class, () -> reader.read(id).rdd().count());
        String msg = String.valueOf(e.getMessage());
        assertTrue(msg.contains("layer 'q' zoom 2: tile file " + tmp.resolve("cat/q/2")), msg);
        // A tile file cut short (a truncated write or copy) inside the query.
        Path cut = tmp.resolve("cat/q/2")
                .resolve(a.keyIndex().fileName(a.keyIndex().toIndex(new SpatialKey(2, 0))));
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(Exception.class, () -> reader.read(id, q).rdd().count());
        msg = String.valueOf(e.getMessage());
        assertTrue(msg.contains("layer 'q' zoom 2: tile file " + cut + ": compressed record is truncated"), msg);
    }
}
