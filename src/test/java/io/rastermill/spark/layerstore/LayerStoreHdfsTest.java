package io.rastermill.spark.layerstore;

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
import io.rastermill.spark.write.vrt.VrtTestSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hadoop backend on a real HDFS ({@link MiniDFSCluster}): MapFiles, _attributes, queries, update, corrupt records. */
class LayerStoreHdfsTest {
    private static java.nio.file.Path baseDir;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        baseDir = Files.createTempDirectory("rastermill-layerstore-dfs");
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        try {
            cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(1).build();
            cluster.waitActive();
            hdfs = cluster.getFileSystem();
            root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
            spark = VrtTestSupport.localSpark();
        } catch (IOException | RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (spark != null) {
                spark.stop();
                SparkSession.clearActiveSession();
                SparkSession.clearDefaultSession();
            }
        } finally {
            try {
                if (cluster != null) {
                    cluster.shutdown(true);
                }
            } finally {
                if (baseDir != null && Files.exists(baseDir)) {
                    try (Stream<java.nio.file.Path> s = Files.walk(baseDir)) {
                        for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    @Test
    void writesReadsQueriesAndUpdatesMapFileLayers() throws Exception {
        String uri = root + "/catalog";
        CellType ct = CellType.userDefined(DataType.FLOAT64, -1);
        Map<SpatialKey, Tile> tiles = LayerStoreFixtures.randomTiles(ct, 11);
        LayerId id = new LayerId("dem", 4);
        LayerWriter writer = LayerWriter.open(spark, uri, null);
        assertEquals(Catalog.Backend.HADOOP, writer.catalog().backend());
        writer.write(id, LayerStoreFixtures.layer(spark, ct, tiles), KeyIndexMethod.ZORDER);

        // GeoTrellis's layout: _attributes/<name>___<zoom>___metadata.json, MapFiles part-r-NNNNN-<first index>, _SUCCESS.
        assertTrue(hdfs.isFile(new Path(uri + "/_attributes/dem___4___metadata.json")));
        FileStatus[] parts = hdfs.globStatus(new Path(uri + "/dem/4/part-r-*"));
        assertTrue(parts.length >= 1);
        for (FileStatus p : parts) {
            assertTrue(p.getPath().getName().matches("part-r-\\d{5}-\\d+"), p.getPath().toString());
            assertTrue(hdfs.isFile(new Path(p.getPath(), "data")) && hdfs.isFile(new Path(p.getPath(), "index")));
        }
        assertTrue(hdfs.isFile(new Path(uri + "/dem/4/_SUCCESS")));

        LayerReader reader = LayerReader.open(spark, uri, null);
        LayerAttributes a = reader.attributes(id);
        assertEquals("hdfs", a.header().format());
        assertEquals(uri + "/dem/4", a.header().path());
        LayerStoreFixtures.assertSameTiles(tiles, LayerStoreFixtures.collect(reader.read(id)));
        KeyBounds q = new KeyBounds(new SpatialKey(0, 1), new SpatialKey(1, 1));
        Map<SpatialKey, Tile> part = LayerStoreFixtures.collect(reader.read(id, q));
        assertEquals(List.of(new SpatialKey(0, 1), new SpatialKey(1, 1)), List.copyOf(part.keySet()));

        // Update: existing + new per cell; the layer is rewritten and swapped in.
        Map<SpatialKey, Tile> more = LayerStoreFixtures.randomTiles(ct, 12);
        writer.update(id, LayerStoreFixtures.layer(spark, ct, more), (x, y) -> x.combineDouble(y, Math::max));
        Map<SpatialKey, Tile> merged = LayerStoreFixtures.collect(reader.read(id));
        Map<SpatialKey, Tile> want = new TreeMap<>();
        tiles.forEach((k, t) -> want.put(k, t.combineDouble(more.get(k), Math::max)));
        LayerStoreFixtures.assertSameTiles(want, merged);
        assertEquals(List.of(), Arrays.stream(hdfs.listStatus(new Path(uri + "/dem")))
                .map(s -> s.getPath().getName()).filter(n -> !n.equals("4")).toList());

        LayerStoreException e = assertThrows(LayerStoreException.class,
                () -> writer.write(id, LayerStoreFixtures.layer(spark, ct, tiles), KeyIndexMethod.HILBERT));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());

        // A MapFile cut short: the error names the layer and the MapFile.
        Path data = new Path(hdfs.globStatus(new Path(uri + "/dem/4/part-r-*"))[0].getPath(), "data");
        byte[] bytes;
        try (var in = hdfs.open(data)) {
            bytes = in.readAllBytes();
        }
        try (var out = hdfs.create(data, true)) {
            out.write(bytes, 0, bytes.length / 2);
        }
        Exception ex = assertThrows(Exception.class, () -> reader.read(id).rdd().count());
        assertTrue(String.valueOf(ex.getMessage()).contains("layer 'dem' zoom 4: MapFile " + data.getParent()), ex.getMessage());
    }
}
