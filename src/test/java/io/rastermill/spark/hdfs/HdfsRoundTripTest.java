package io.rastermill.spark.hdfs;

import static io.rastermill.spark.write.vrt.VrtTestSupport.assertSameValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.storedValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.SmallFiles;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.vrt.TileDirectoryWriter;
import io.rastermill.spark.write.vrt.VrtTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and writing through a real HDFS: a {@link MiniDFSCluster} (one NameNode, one DataNode, on
 * 127.0.0.1, in a temporary directory) in the same JVM as a local Spark session.
 */
class HdfsRoundTripTest {
    private static final String INT16 = "cog_int16_deflate_bs32";
    private static final String FLOAT32 = "ovr_float32_deflate_p3_tile16_avg";

    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-minidfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static String upload(String fixture, String dir) throws IOException {
        Path dst = new Path(HDFS.root() + "/" + dir + "/" + fixture + ".tif");
        HDFS.fileSystem()
                .copyFromLocalFile(new Path(GdalFixtures.named(fixture).tif().toUri()), dst);
        return dst.toString();
    }

    private static Configuration conf() {
        return SPARK.session().sparkContext().hadoopConfiguration();
    }

    private static List<String> listing(String dir) throws IOException {
        Path base = new Path(dir);
        String prefix = HDFS.fileSystem().makeQualified(base).toUri().getPath() + "/";
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = HDFS.fileSystem().listFiles(base, true);
        while (it.hasNext()) {
            out.add(it.next().getPath().toUri().getPath().substring(prefix.length()));
        }
        out.sort(null);
        return out;
    }

    private static List<String> names(String dir) throws IOException {
        return Arrays.stream(HDFS.fileSystem().listStatus(new Path(dir)))
                .map(FileStatus::getPath)
                .map(Path::getName)
                .sorted()
                .toList();
    }

    @Test
    void aFileIsReplacedByOneOverwritingRenameOnHdfs() throws IOException {
        FileSystem fs = HDFS.fileSystem();
        Path target = new Path(HDFS.root() + "/replace/report.csv");
        assertTrue(fs.mkdirs(target.getParent()));
        SmallFiles.writeAtomically(target, "old\n".getBytes(StandardCharsets.UTF_8), conf());
        long oldId = ((DistributedFileSystem) fs)
                .getClient()
                .getFileInfo("/replace/report.csv")
                .getFileId();
        SmallFiles.writeAtomically(target, "new\n".getBytes(StandardCharsets.UTF_8), conf());
        try (FSDataInputStream in = fs.open(target)) {
            assertEquals("new\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // a new inode under the old name, and no temporary name left: the rename replaced the file
        long newId = ((DistributedFileSystem) fs)
                .getClient()
                .getFileInfo("/replace/report.csv")
                .getFileId();
        assertTrue(newId != oldId, "file id " + oldId + " -> " + newId);
        assertEquals(List.of("report.csv"), names(HDFS.root() + "/replace"));
    }

    @Test
    void theReaderReadsTheSameCellsFromHdfsAsFromTheLocalFile() throws IOException {
        for (String fixture : List.of(INT16, FLOAT32)) {
            String uri = upload(fixture, "read");
            try (GeoTiffReader local =
                            GeoTiffReader.open(GdalFixtures.named(fixture).tif().toString());
                    GeoTiffReader remote = GeoTiffReader.open(uri, conf())) {
                GeoTiffInfo a = local.info();
                GeoTiffInfo b = remote.info();
                assertEquals(a.width(), b.width(), fixture);
                assertEquals(a.height(), b.height(), fixture);
                assertEquals(a.cellType(), b.cellType(), fixture);
                assertEquals(a.geoTransform(), b.geoTransform(), fixture);
                assertEquals(a.epsg(), b.epsg(), fixture);
                GridBounds all = new GridBounds(0, 0, a.width() - 1, a.height() - 1);
                assertSameValues(
                        storedValues(local.readBand(all, 0, 0)),
                        storedValues(remote.readBand(all, 0, 0)),
                        fixture + " whole");
                GridBounds window = new GridBounds(7, 5, 40, 33);
                assertSameValues(
                        storedValues(local.readBand(window, 0, 0)),
                        storedValues(remote.readBand(window, 0, 0)),
                        fixture + " window");
                for (int level = 1; level < a.levelCount(); level++) {
                    GridBounds ovr = new GridBounds(0, 0, local.width(level) - 1, local.height(level) - 1);
                    assertSameValues(
                            storedValues(local.readBand(ovr, 0, level)),
                            storedValues(remote.readBand(ovr, 0, level)),
                            fixture + " overview " + level);
                }
            }
        }
    }

    @Test
    void aLayerReadFromHdfsEqualsTheLayerReadLocally() throws IOException {
        String uri = upload(INT16, "layer");
        TileLayers.ReadOptions o = TileLayers.ReadOptions.defaults().withTileSize(24);
        TileLayer local = TileLayers.readGeoTiffs(
                SPARK.session(), List.of(GdalFixtures.named(INT16).tif().toString()), o);
        TileLayer remote = TileLayers.readGeoTiffs(SPARK.session(), List.of(uri), o);
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
        Tile cells = WholeRaster.firstBand(local);
        RasterDescription d;
        try (GeoTiffReader r = GeoTiffReader.open(local)) {
            GeoTiffInfo info = r.info();
            d = RasterDescription.of(info.width(), info.height(), 1, info.cellType())
                    .withTransform(info.geoTransform().orElseThrow())
                    .withEpsg(info.epsg().getAsInt());
        }
        String target = HDFS.root() + "/cog/dem.tif";
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
        assertEquals(List.of("dem.tif"), names(HDFS.root() + "/cog"), "no temporary file is left beside the COG");
        try (GeoTiffReader r = GeoTiffReader.open(target, conf())) {
            assertEquals(d.cellType(), r.info().cellType());
            assertEquals(d.transform(), r.info().geoTransform());
            assertEquals(d.epsg(), r.info().epsg());
            assertTrue(r.info().levelCount() > 1, "overviews were written");
            assertSameValues(
                    storedValues(cells),
                    storedValues(r.readBand(new GridBounds(0, 0, cells.cols() - 1, cells.rows() - 1), 0, 0)),
                    "COG on HDFS");
        }
    }

    @Test
    void theTileDirectoryWriterWritesACompleteDirectoryToHdfs(@TempDir java.nio.file.Path tmp) throws IOException {
        String source = GdalFixtures.named(INT16).tif().toString();
        TileLayer layer = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(upload(INT16, "in")),
                TileLayers.ReadOptions.defaults().withTileSize(32));
        String target = HDFS.root() + "/out/dem";
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
        assertEquals(List.of("dem"), names(HDFS.root() + "/out"), "no temporary directory is left");

        Tile cells = WholeRaster.firstBand(source);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                try (GeoTiffReader r = GeoTiffReader.open(target + "/tiles/" + row + "/" + col + ".tif", conf())) {
                    int w = r.info().width();
                    int h = r.info().height();
                    assertEquals(Math.min(32, 100 - col * 32), w);
                    assertEquals(Math.min(32, 80 - row * 32), h);
                    assertSameValues(
                            storedValues(cells.crop(col * 32, row * 32, col * 32 + w - 1, row * 32 + h - 1)),
                            storedValues(r.readBand(new GridBounds(0, 0, w - 1, h - 1), 0, 0)),
                            "tile " + col + "," + row);
                }
            }
        }

        assumeTrue(VrtTestSupport.hasGdal(), "gdal_translate is not installed (bash .ci/run installs gdal-bin)");
        HDFS.fileSystem().copyToLocalFile(false, new Path(target), new Path(tmp.toUri()), true);
        java.nio.file.Path vrt = tmp.resolve("dem").resolve("dem.vrt");
        assertSameValues(storedValues(cells), VrtTestSupport.cellsViaEnvi(vrt, "Int16", tmp), "VRT copied from HDFS");
    }
}
