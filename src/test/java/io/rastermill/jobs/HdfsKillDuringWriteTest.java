package io.rastermill.jobs;

import static io.rastermill.jobs.KilledWrites.kill;
import static io.rastermill.jobs.KilledWrites.killWhen;
import static io.rastermill.jobs.KilledWrites.newDirectoryHolds;
import static io.rastermill.jobs.KilledWrites.stopWhen;
import static io.rastermill.jobs.KilledWrites.twoDems;
import static io.rastermill.jobs.KilledWrites.whichVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rastermill.jobs.KilledWrites.Check;
import io.rastermill.jobs.KilledWrites.Listing;
import io.rastermill.jobs.KilledWrites.Snapshot;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM writing a layer with {@code --overwrite} to a real HDFS ({@link MiniHdfs}; the child is
 * an HDFS client like any job): killed once the first and the third file of its new version exist, and frozen
 * (SIGSTOP) the moment its {@code _SUCCESS} file exists, i.e. after the data and before or during the one rename
 * that commits the attribute, then killed. Each time the layer is cell for cell the old or the complete new one; the next write succeeds
 * and leaves one tile directory; {@code rastermill clean} removes the temporary attribute a kill may leave.
 */
class HdfsKillDuringWriteTest {
    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-kill-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static File dir;

    static File a;
    static File b;

    @BeforeAll
    static void rasters() throws IOException {
        var ab = twoDems(dir.toPath(), 128, 160);
        a = ab[0].toFile();
        b = ab[1].toFile();
    }

    private static List<String> layerWrite(File source, String catalog) {
        return List.of(
                "layer", "write", source.toString(), catalog, "--name", "dem", "--tile-size", "16", "--overwrite");
    }

    /** The names in an HDFS directory (none if it does not exist). */
    private static Set<String> names(String uri) throws IOException {
        try {
            return Arrays.stream(HDFS.fileSystem().listStatus(new Path(uri)))
                    .map(s -> s.getPath().getName())
                    .collect(Collectors.toSet());
        } catch (FileNotFoundException e) {
            return Set.of();
        }
    }

    @Test
    void overwriteKilledOnHdfsLeavesTheOldOrTheCompleteNewLayer() throws Exception {
        File[] inputs = {a, b};
        Snapshot[] versions = new Snapshot[2];
        String ref = HDFS.root() + "/ref";
        for (int v = 0; v < 2; v++) {
            CliRun w = CliRun.run(layerWrite(inputs[v], ref).toArray(String[]::new));
            assertEquals(0, w.exitCode(), w.err());
            versions[v] = Snapshot.of(SPARK.session(), ref);
        }
        assertNotEquals(versions[0], versions[1]);
        String cat = HDFS.root() + "/catalog";
        CliRun first = CliRun.run(layerWrite(a, cat).toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        String tileDirs = cat + "/dem";
        FileSystem fs = HDFS.fileSystem();
        Listing listing = () -> names(tileDirs);
        String[] moments = {
            "after its first file was created", "after its third file was created", "frozen after _SUCCESS"
        };
        StringBuilder report = new StringBuilder();
        int current = 0;
        for (int trial = 0; trial < moments.length; trial++) {
            int next = 1 - current;
            Check moment = trial == 2
                    ? newDirectoryHolds(listing, 1, n -> fs.exists(new Path(tileDirs + "/" + n + "/_SUCCESS")) ? 1 : 0)
                    : newDirectoryHolds(
                            listing,
                            trial == 0 ? 1 : 3,
                            n -> fs.getContentSummary(new Path(tileDirs + "/" + n))
                                    .getFileCount());
            var log = dir.toPath().resolve("hdfs-" + trial + ".log");
            Process p = KilledWrites.child(log, layerWrite(inputs[next], cat));
            String seen = "";
            boolean killed;
            if (trial == 2) {
                boolean stopped = stopWhen(p, moment);
                // While frozen: has the one rename that commits the new attribute happened yet?
                seen = stopped
                        ? ", attribute still the "
                                + (Snapshot.of(SPARK.session(), cat).equals(versions[current]) ? "old" : "new")
                                + " one while frozen"
                        : "";
                killed = kill(p) && stopped;
            } else {
                killed = killWhen(p, moment);
            }
            int found = whichVersion(Snapshot.of(SPARK.session(), cat), versions, "trial " + trial, log);
            report.append(String.format(
                    Locale.ROOT,
                    "hdfs trial %d (%s%s): %s, layer is the %s version; _attributes: %s%n",
                    trial,
                    moments[trial],
                    seen,
                    killed ? "killed" : "finished before the kill",
                    found == current ? "old" : "new",
                    Arrays.stream(fs.listStatus(new Path(cat + "/_attributes")))
                            .map(FileStatus::getPath)
                            .map(Path::getName)
                            .sorted()
                            .toList()));
            current = found;
        }
        int next = 1 - current;
        CliRun w = CliRun.run(layerWrite(inputs[next], cat).toArray(String[]::new));
        assertEquals(0, w.exitCode(), w.err());
        assertEquals(versions[next], Snapshot.of(SPARK.session(), cat));
        assertEquals(1, names(tileDirs).size(), names(tileDirs).toString());

        CliRun clean = CliRun.run("clean", cat, "-r", "--older-than", "0");
        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals(
                List.of("dem___0___metadata.json"),
                names(cat + "/_attributes").stream().sorted().toList(),
                clean.out());
        assertEquals(versions[next], Snapshot.of(SPARK.session(), cat));
        System.out.print(report);
    }
}
