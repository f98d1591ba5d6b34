package io.rastermill.jobs;

import static io.rastermill.jobs.KilledWrites.twoDems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.jobs.KilledWrites.Snapshot;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rastermill clean CATALOG} on a catalog on HDFS ({@link MiniHdfs}): the tile directory a killed
 * {@code layer write --overwrite} leaves (a complete copy of the tiles under a version no attribute names) is
 * removed once older than {@code --older-than}; the directory the attribute names stays however old, and so does a
 * young copy; the layer reads the same after.
 */
class HdfsCleanTest {
    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-clean-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static File dir;

    private static final long TWO_DAYS_AGO =
            Instant.now().minus(2, ChronoUnit.DAYS).toEpochMilli();

    /** Sets the modification time of {@code p} and of everything under it two days back. */
    private static void age(FileSystem fs, Path p) throws IOException {
        for (FileStatus s : fs.listStatus(p)) {
            if (s.isDirectory()) {
                age(fs, s.getPath());
            } else {
                fs.setTimes(s.getPath(), TWO_DAYS_AGO, -1);
            }
        }
        fs.setTimes(p, TWO_DAYS_AGO, -1);
    }

    private static List<String> children(FileSystem fs, String uri) throws IOException {
        return Arrays.stream(fs.listStatus(new Path(uri)))
                .map(s -> s.getPath().getName())
                .sorted()
                .toList();
    }

    @Test
    void anAgedUnreferencedTileDirectoryOnHdfsIsRemovedAndTheReferencedOneKept() throws Exception {
        var dems = twoDems(dir.toPath(), 64, 80);
        String catalog = HDFS.root() + "/catalog";
        for (var dem : dems) {
            CliRun w = CliRun.run(
                    "layer", "write", dem.toString(), catalog, "--name", "dem", "--tile-size", "16", "--overwrite");
            assertEquals(0, w.exitCode(), w.err());
        }
        FileSystem fs = HDFS.fileSystem();
        String tiles = catalog + "/dem";
        List<String> live = children(fs, tiles);
        assertEquals(1, live.size(), "the second write removed the first's tiles: " + live);
        Path current = new Path(tiles + "/" + live.get(0));
        Snapshot before = Snapshot.of(SPARK.session(), catalog);

        // What killed --overwrite runs leave: complete copies of the tiles under versions no attribute names.
        Path killed = new Path(tiles + "/0.v0123abcd");
        Path running = new Path(tiles + "/0.v4567cdef");
        FileUtil.copy(fs, current, fs, killed, false, fs.getConf());
        FileUtil.copy(fs, current, fs, running, false, fs.getConf());
        age(fs, killed);
        age(fs, current);

        CliRun clean = CliRun.run("clean", catalog, "--older-than", "1h");
        assertEquals(0, clean.exitCode(), clean.err());
        assertTrue(clean.out().contains("0.v0123abcd"), clean.out());
        assertEquals(
                List.of("0.v4567cdef", live.get(0)).stream().sorted().toList(),
                children(fs, tiles),
                "the aged copy is gone; the live directory (as old) and the young copy stay:\n" + clean.out());
        assertEquals(before, Snapshot.of(SPARK.session(), catalog), "the layer reads the same");
    }
}
