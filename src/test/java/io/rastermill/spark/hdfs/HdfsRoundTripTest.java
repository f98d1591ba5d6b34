package io.rastermill.spark.hdfs;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.vrt.TileDirectoryWriter;
import io.rastermill.spark.write.vrt.VrtTestSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.rastermill.spark.write.vrt.VrtTestSupport.assertSameValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.storedValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reading and writing through a real HDFS: a {@link MiniDFSCluster} (one NameNode, one DataNode, on
 * 127.0.0.1, in a temporary directory) in the same JVM as a local Spark session.
 */
class HdfsRoundTripTest {
    private static final String INT16 = "cog_int16_deflate_bs32";
    private static final String FLOAT32 = "ovr_float32_deflate_p3_tile16_avg";

    private static java.nio.file.Path baseDir;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        baseDir = Files.createTempDirectory("rastermill-minidfs");
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
                org.apache.spark.sql.SparkSession.clearActiveSession();
                org.apache.spark.sql.SparkSession.clearDefaultSession();
            }
        } finally {
            try {
                if (cluster != null) {
                    cluster.shutdown(true);
                }
            } finally {
                deleteTree(baseDir);
            }
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String upload(String fixture, String dir) throws IOException {
        Path dst = new Path(root + "/" + dir + "/" + fixture + ".tif");
        hdfs.copyFromLocalFile(new Path(GdalFixtures.named(fixture).tif().toUri()), dst);
        return dst.toString();
    }

    private static Configuration conf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    private static List<String> listing(String dir) throws IOException {
        Path base = new Path(dir);
        String prefix = hdfs.makeQualified(base).toUri().getPath() + "/";
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(base, true);
        while (it.hasNext()) {
            out.add(it.next().getPath().toUri().getPath().substring(prefix.length()));
        }
        out.sort(null);
        return out;
    }

    private static List<String> names(String dir) throws IOException {
        return Arrays.stream(hdfs.listStatus(new Path(dir))).map(FileStatus::getPath).map(Path::getName).sorted().toList();
    }

    @Test
    void theReaderReadsTheSameCellsFromHdfsAsFromTheLocalFile() throws IOException {
        for (String fixture : List.of(INT16, FLOAT32)) {
            String uri = upload(fixture, "read");
            try (GeoTiffReader local = GeoTiffReader.open(GdalFixtures.named(fixture).tif().toString());
                 GeoTiffReader remote = GeoTiffReader.open(uri, conf())) {
                GeoTiffInfo a = local.info();
                GeoTiffInfo b = remote.info();
                assertEquals(a.width(), b.width(), fixture);
                assertEquals(a.height(), b.height(), fixture);
                assertEquals(a.cellType(), b.cellType(), fixture);
                assertEquals(a.geoTransform(), b.geoTransform(), fixture);
                assertEquals(a.epsg(), b.epsg(), fixture);
                GridBounds all = new GridBounds(0, 0, a.width() - 1, a.height() - 1);
                assertSameValues(storedValues(local.readBand(all, 0, 0)), storedValues(remote.readBand(all, 0, 0)),
                        fixture + " whole");
                GridBounds window = new GridBounds(7, 5, 40, 33);
                assertSameValues(storedValues(local.readBand(window, 0, 0)), storedValues(remote.readBand(window, 0, 0)),
                        fixture + " window");
                for (int level = 1; level < a.levelCount(); level++) {
                    GridBounds ovr = new GridBounds(0, 0, local.width(level) - 1, local.height(level) - 1);
                    assertSameValues(storedValues(local.readBand(ovr, 0, level)), storedValues(remote.readBand(ovr, 0, level)),
                            fixture + " overview " + level);
                }
            }
        }
    }

    @Test
    void aLayerReadFromHdfsEqualsTheLayerReadLocally() throws IOException {
        String uri = upload(INT16, "layer");
        TileLayers.ReadOptions o = TileLayers.ReadOptions.defaults().withTileSize(24);
        TileLayer local = TileLayers.readGeoTiffs(spark, List.of(GdalFixtures.named(INT16).tif().toString()), o);
        TileLayer remote = TileLayers.readGeoTiffs(spark, List.of(uri), o);
        assertEquals(local.metadata(), remote.metadata());
        Map<SpatialKey, Tile> a = local.rdd().collectAsMap();
        Map<SpatialKey, Tile> b = remote.rdd().collectAsMap();
        assertEquals(a.keySet(), b.keySet());
        for (SpatialKey k : a.keySet()) {
            assertSameValues(storedValues(a.get(k)), storedValues(b.get(k)), "tile " + k);
        }
    }

    @Test
    void aCogWrittenToHdfsReadsBackEqual() throws IOException {
        String local = GdalFixtures.named(FLOAT32).tif().toString();
        Tile cells = whole(local);
        RasterDescription d;
        try (GeoTiffReader r = GeoTiffReader.open(local)) {
            GeoTiffInfo info = r.info();
            d = RasterDescription.of(info.width(), info.height(), 1, info.cellType())
                    .withTransform(info.geoTransform().orElseThrow()).withEpsg(info.epsg().getAsInt());
        }
        String target = root + "/cog/dem.tif";
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder().blockSize(16).build(); // COG, DEFLATE, auto overviews
        try (GeoTiffWriter w = GeoTiffWriter.create(target, d, o, conf())) {
            for (int br = 0; br < w.blocksDown(); br++) {
                for (int bc = 0; bc < w.blocksAcross(); bc++) {
                    int c1 = Math.min(cells.cols(), bc * 16 + 16) - 1;
                    int r1 = Math.min(cells.rows(), br * 16 + 16) - 1;
                    w.writeBlock(bc, br, MultibandTile.of(cells.crop(bc * 16, br * 16, c1, r1)));
                }
            }
            w.finish();
        }
        assertEquals(List.of("dem.tif"), names(root + "/cog"), "no temporary file is left beside the COG");
        try (GeoTiffReader r = GeoTiffReader.open(target, conf())) {
            assertEquals(d.cellType(), r.info().cellType());
            assertEquals(d.transform(), r.info().geoTransform());
            assertEquals(d.epsg(), r.info().epsg());
            assertTrue(r.info().levelCount() > 1, "overviews were written");
            assertSameValues(storedValues(cells), storedValues(r.readBand(new GridBounds(0, 0, cells.cols() - 1,
                    cells.rows() - 1), 0, 0)), "COG on HDFS");
        }
    }

    @Test
    void theTileDirectoryWriterWritesACompleteDirectoryToHdfs(@TempDir java.nio.file.Path tmp) throws IOException {
        String source = GdalFixtures.named(INT16).tif().toString();
        TileLayer layer = TileLayers.readGeoTiffs(spark, List.of(upload(INT16, "in")),
                TileLayers.ReadOptions.defaults().withTileSize(32));
        String target = root + "/out/dem";
        TileDirectoryWriter.Result result = TileDirectoryWriter.write(layer, target);
        assertEquals(12, result.tileCount());

        List<String> expected = new ArrayList<>(List.of("dem.vrt"));
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                expected.add("tiles/" + row + "/" + col + ".tif");
            }
        }
        expected.sort(null);
        assertEquals(expected, listing(target), "the VRT and one file per tile, nothing else");
        assertEquals(List.of("dem"), names(root + "/out"), "no temporary directory is left");

        Tile cells = whole(source);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                try (GeoTiffReader r = GeoTiffReader.open(target + "/tiles/" + row + "/" + col + ".tif", conf())) {
                    int w = r.info().width();
                    int h = r.info().height();
                    assertEquals(Math.min(32, 100 - col * 32), w);
                    assertEquals(Math.min(32, 80 - row * 32), h);
                    assertSameValues(storedValues(cells.crop(col * 32, row * 32, col * 32 + w - 1, row * 32 + h - 1)),
                            storedValues(r.readBand(new GridBounds(0, 0, w - 1, h - 1), 0, 0)), "tile " + col + "," + row);
                }
            }
        }

        assumeTrue(VrtTestSupport.hasGdal(), "gdal_translate is not installed (bash .ci/run installs gdal-bin)");
        hdfs.copyToLocalFile(false, new Path(target), new Path(tmp.toUri()), true);
        java.nio.file.Path vrt = tmp.resolve("dem").resolve("dem.vrt");
        assertSameValues(storedValues(cells), VrtTestSupport.cellsViaEnvi(vrt, "Int16", tmp), "VRT copied from HDFS");
    }
}
