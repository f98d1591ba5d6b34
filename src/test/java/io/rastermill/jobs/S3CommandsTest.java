package io.rastermill.jobs;

import static io.rastermill.spark.write.vrt.VrtTestSupport.assertSameValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.storedValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rastermill.io.bytes.LocalS3;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.sample.SyntheticDem;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.write.vrt.VrtTestSupport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on s3a:// paths against a real S3 server (S3Proxy, {@link LocalS3}): slope, calc and a layer
 * write and read, each s3a:// to s3a://, equal to the same command on local files (byte for byte), and GDAL
 * reads what was written equal through {@code /vsis3/}.
 */
class S3CommandsTest {
    @RegisterExtension
    @Order(1)
    static final LocalS3 S3 = new LocalS3();

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static java.nio.file.Path dir;

    static java.nio.file.Path dem;

    @BeforeAll
    static void upload() throws IOException {
        Configuration conf = S3.configure(SPARK.session().sparkContext().hadoopConfiguration());
        dem = dir.resolve("dem.tif");
        new SyntheticDem(200).write(dem.toString(), 64);
        Path remote = new Path(S3.uri("in/dem.tif"));
        FileSystem fs = remote.getFileSystem(conf);
        fs.copyFromLocalFile(new Path(dem.toUri()), remote);
    }

    private static List<String> keys(String prefix) throws IOException {
        java.nio.file.Path base = S3.bucketDir().resolve(prefix);
        if (!Files.exists(base)) {
            return List.of();
        }
        try (var s = Files.walk(base)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> base.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static void download(String uri, java.nio.file.Path local) throws IOException {
        Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
        Path p = new Path(uri);
        p.getFileSystem(conf).copyToLocalFile(false, p, new Path(local.toUri()), true);
    }

    @Test
    void slopeFromS3ToS3EqualsSlopeOnLocalFiles() throws IOException {
        java.nio.file.Path local = dir.resolve("slope-local.tif");
        CliRun a = CliRun.run("slope", dem.toString(), local.toString(), "--block", "64", "--quiet");
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.run("slope", S3.uri("in/dem.tif"), S3.uri("out/slope.tif"), "--block", "64", "--quiet");
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(List.of("slope.tif"), keys("out"), "the COG and nothing else (no .parts, no .tmp)");
        java.nio.file.Path copy = dir.resolve("slope-s3.tif");
        download(S3.uri("out/slope.tif"), copy);
        assertEquals(-1, Files.mismatch(local, copy), "the COG written to S3 is byte for byte the local one");

        assumeTrue(VrtTestSupport.hasGdal(), "gdal_translate is not installed (bash .ci/run installs gdal-bin)");
        assertSameValues(
                storedValues(WholeRaster.firstBand(local)),
                float32CellsViaGdalVsis3("out/slope.tif"),
                "GDAL's /vsis3/ read of the slope COG on S3");
    }

    @Test
    void calcFromS3ToS3EqualsCalcOnLocalFiles() throws IOException {
        String expr = "where(A > 1000, A - 1000, nodata)";
        java.nio.file.Path local = dir.resolve("calc-local.tif");
        CliRun a = CliRun.run(
                "calc", "--expr", expr, "-A", dem.toString(), "-B", dem.toString(), local.toString(), "--quiet");
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.run(
                "calc",
                "--expr",
                expr,
                "-A",
                S3.uri("in/dem.tif"),
                "-B",
                S3.uri("in/dem.tif"),
                S3.uri("calc/high.tif"),
                "--quiet");
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(List.of("high.tif"), keys("calc"));
        java.nio.file.Path copy = dir.resolve("calc-s3.tif");
        download(S3.uri("calc/high.tif"), copy);
        assertEquals(-1, Files.mismatch(local, copy), "the calc output on S3 is byte for byte the local one");
    }

    @Test
    void aLayerWrittenToAnS3CatalogReadsBackAsTheSourceCells() throws IOException {
        String catalog = S3.uri("catalog");
        CliRun w = CliRun.run(
                "layer", "write", S3.uri("in/dem.tif"), catalog, "--name", "dem", "--zoom", "0", "--tile-size", "64");
        assertEquals(0, w.exitCode(), w.err());
        CliRun again = CliRun.run(
                "layer",
                "write",
                S3.uri("in/dem.tif"),
                catalog,
                "--name",
                "dem",
                "--zoom",
                "0",
                "--tile-size",
                "64",
                "--overwrite");
        assertEquals(0, again.exitCode(), again.err());
        CliRun list = CliRun.run("layer", "list", catalog);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("dem\t0\tfloat32ud-9999.0\tTile\t4x4 tiles of 64x64"), list.out());

        CliRun r = CliRun.run("layer", "read", catalog, S3.uri("layer/dem.tif"), "--name", "dem", "--zoom", "0");
        assertEquals(0, r.exitCode(), r.err());
        java.nio.file.Path copy = dir.resolve("layer-s3.tif");
        download(S3.uri("layer/dem.tif"), copy);
        assertSameValues(
                storedValues(WholeRaster.firstBand(dem)),
                storedValues(WholeRaster.firstBand(copy)),
                "dem.tif -> s3a catalog -> s3a COG");
    }

    /** The Float32 cells GDAL reads from {@code s3://<bucket>/<key>} through /vsis3/ on the local server. */
    private static double[] float32CellsViaGdalVsis3(String key) throws IOException {
        java.nio.file.Path img = dir.resolve("vsis3-" + System.nanoTime() + ".img");
        ProcessBuilder pb = new ProcessBuilder(
                        "gdal_translate",
                        "-q",
                        "-of",
                        "ENVI",
                        "-ot",
                        "Float32",
                        "/vsis3/" + S3.bucket() + "/" + key,
                        img.toString())
                .redirectErrorStream(true);
        pb.environment().putAll(S3.gdalEnvironment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, p.waitFor(), "gdal_translate /vsis3/: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(img)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
