package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Hadoop backend on a real HDFS ({@link MiniDFSCluster}): MapFiles, _attributes, queries, update, corrupt records. */
class LayerStoreHdfsTest {
    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-layerstore-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @Test
    void writesReadsQueriesAndUpdatesMapFileLayers() throws Exception {
        String uri = HDFS.root() + "/catalog";
        CellType ct = CellType.userDefined(DataType.FLOAT64, -1);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(ct, 11);
        LayerId id = new LayerId("dem", 4);
        LayerWriter writer = LayerWriter.open(SPARK.session(), uri, null);
        assertEquals(Catalog.Backend.HADOOP, writer.catalog().backend());
        writer.write(id, LayerStoreFixtures.layer(SPARK.session(), ct, tiles), KeyIndexMethod.ZORDER);

        // GeoTrellis's layout: _attributes/<name>___<zoom>___metadata.json, MapFiles part-r-NNNNN-<first index>,
        // _SUCCESS.
        assertTrue(HDFS.fileSystem().isFile(new Path(uri + "/_attributes/dem___4___metadata.json")));
        FileStatus[] parts = HDFS.fileSystem().globStatus(new Path(uri + "/dem/4/part-r-*"));
        assertTrue(parts.length >= 1);
        for (FileStatus p : parts) {
            assertTrue(
                    p.getPath().getName().matches("part-r-\\d{5}-\\d+"),
                    p.getPath().toString());
            assertTrue(HDFS.fileSystem().isFile(new Path(p.getPath(), "data"))
                    && HDFS.fileSystem().isFile(new Path(p.getPath(), "index")));
        }
        assertTrue(HDFS.fileSystem().isFile(new Path(uri + "/dem/4/_SUCCESS")));

        LayerReader reader = LayerReader.open(SPARK.session(), uri, null);
        LayerAttributes a = reader.attributes(id);
        assertEquals("hdfs", a.header().format());
        assertEquals(uri + "/dem/4", a.header().path());
        LayerStoreFixtures.assertSameTiles(tiles, LayerStoreFixtures.collect(reader.read(id)));
        KeyBounds q = new KeyBounds(new SpatialKey(0, 1), new SpatialKey(1, 1));
        Map<SpatialKey, Tile> part = LayerStoreFixtures.collect(reader.read(id, q));
        assertEquals(List.of(new SpatialKey(0, 1), new SpatialKey(1, 1)), List.copyOf(part.keySet()));

        // Update: existing + new per cell; the next version is written beside the old and swapped in.
        Map<SpatialKey, Tile> more = LayerStoreFixtures.randomTiles(ct, 12);
        writer.update(id, LayerStoreFixtures.layer(SPARK.session(), ct, more), (x, y) -> x.combineDouble(y, Math::max));
        Map<SpatialKey, Tile> merged = LayerStoreFixtures.collect(reader.read(id));
        Map<SpatialKey, Tile> want = new TreeMap<>();
        tiles.forEach((k, t) -> want.put(k, t.combineDouble(more.get(k), Math::max)));
        LayerStoreFixtures.assertSameTiles(want, merged);
        String current = new Path(reader.attributes(id).header().path()).getName();
        assertTrue(current.startsWith("4.v"), current);
        assertEquals(
                List.of(current),
                Arrays.stream(HDFS.fileSystem().listStatus(new Path(uri + "/dem")))
                        .map(s -> s.getPath().getName())
                        .toList());

        LayerStoreException e = assertThrows(
                LayerStoreException.class,
                () -> writer.write(id, LayerStoreFixtures.layer(SPARK.session(), ct, tiles), KeyIndexMethod.HILBERT));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());

        // A MapFile cut short: the error names the layer and the MapFile.
        Path data = new Path(
                HDFS.fileSystem()
                        .globStatus(new Path(uri + "/dem/" + current + "/part-r-*"))[0]
                        .getPath(),
                "data");
        byte[] bytes;
        try (var in = HDFS.fileSystem().open(data)) {
            bytes = in.readAllBytes();
        }
        try (var out = HDFS.fileSystem().create(data, true)) {
            out.write(bytes, 0, bytes.length / 2);
        }
        Exception ex = assertThrows(Exception.class, () -> reader.read(id).rdd().count());
        assertTrue(
                String.valueOf(ex.getMessage()).contains("layer 'dem' zoom 4: MapFile " + data.getParent()),
                ex.getMessage());
    }
}
