package io.rastermill.jobs;

import static io.rastermill.jobs.KilledWrites.killAtRandom;
import static io.rastermill.jobs.KilledWrites.killWhen;
import static io.rastermill.jobs.KilledWrites.names;
import static io.rastermill.jobs.KilledWrites.newDirectoryHolds;
import static io.rastermill.jobs.KilledWrites.twoDems;
import static io.rastermill.jobs.KilledWrites.whichVersion;
import static io.rastermill.spark.write.vrt.VrtTestSupport.assertSameValues;
import static io.rastermill.spark.write.vrt.VrtTestSupport.storedValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.bytes.LocalS3;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.jobs.KilledWrites.Check;
import io.rastermill.jobs.KilledWrites.FileCount;
import io.rastermill.jobs.KilledWrites.Listing;
import io.rastermill.jobs.KilledWrites.Snapshot;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layerstore.LayerReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM writing to s3a:// (S3Proxy, {@link LocalS3}): a layer {@code --overwrite} killed after
 * the first and the third object of its new version, and right after its {@code _SUCCESS} object (between the
 * data and the attribute that commits it), is cell for cell the old layer or the complete new one, and the next
 * write succeeds; a COG killed while its parts upload leaves no object, or the old one, or the complete new one at
 * the destination, and {@code rastermill clean} then removes what the kills left under the prefix. The moments
 * are found by watching S3Proxy's folder, where an object is a file once its upload completes.
 */
class S3KillDuringWriteTest {
    @RegisterExtension
    @Order(1)
    static final LocalS3 S3 = new LocalS3();

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static Path dir;

    static Path a;
    static Path b;

    @BeforeAll
    static void rasters() throws IOException {
        S3.configure(SPARK.session().sparkContext().hadoopConfiguration());
        Path[] ab = twoDems(dir, 128, 160);
        a = ab[0];
        b = ab[1];
    }

    /** {@code rastermill <S3 settings> args...} in a child JVM, as a user runs it against this server. */
    private static Process child(Path log, String... args) throws IOException {
        List<String> all = new ArrayList<>();
        S3.s3aSettings().forEach((k, v) -> all.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        all.addAll(List.of(args));
        return KilledWrites.child(log, all);
    }

    private static String[] layerWrite(Path source, String catalog) {
        return new String[] {
            "layer", "write", source.toString(), catalog, "--name", "dem", "--tile-size", "16", "--overwrite"
        };
    }

    @Test
    void layerOverwriteKilledLeavesTheOldOrTheCompleteNewLayer() throws Exception {
        Path[] inputs = {a, b};
        Snapshot[] versions = new Snapshot[2];
        for (int v = 0; v < 2; v++) {
            CliRun w = CliRun.run(layerWrite(inputs[v], S3.uri("ref")));
            assertEquals(0, w.exitCode(), w.err());
            versions[v] = Snapshot.of(SPARK.session(), S3.uri("ref"));
        }
        assertNotEquals(versions[0], versions[1]);
        String cat = S3.uri("catalog");
        CliRun first = CliRun.run(layerWrite(a, cat));
        assertEquals(0, first.exitCode(), first.err());
        Path tileDirs = S3.bucketDir().resolve("catalog/dem");
        Listing listing = () -> names(tileDirs);
        FileCount objects = n -> countFiles(tileDirs.resolve(n));
        String[] moments = {"after its first object", "after its third object", "right after its _SUCCESS object"};
        StringBuilder report = new StringBuilder();
        int current = 0;
        for (int trial = 0; trial < moments.length; trial++) {
            int next = 1 - current;
            Check moment = trial == 2
                    ? newDirectoryHolds(
                            listing, 1, n -> Files.exists(tileDirs.resolve(n).resolve("_SUCCESS")) ? 1 : 0)
                    : newDirectoryHolds(listing, trial == 0 ? 1 : 3, objects);
            Path log = dir.resolve("layer-" + trial + ".log");
            Process p = child(log, layerWrite(inputs[next], cat));
            boolean killed = killWhen(p, moment);
            int found = whichVersion(Snapshot.of(SPARK.session(), cat), versions, "trial " + trial, log);
            report.append(String.format(
                    Locale.ROOT,
                    "s3 layer trial %d (%s): %s, layer is the %s version%n",
                    trial,
                    moments[trial],
                    killed ? "killed" : "finished before the kill",
                    found == current ? "old" : "new"));
            current = found;
        }
        cleanKeepsTheLiveAndTheYoungTilePrefixes(cat, tileDirs, versions[current]);
        // The next write succeeds and removes the tile directories left: one is left, the layer's.
        int next = 1 - current;
        CliRun w = CliRun.run(layerWrite(inputs[next], cat));
        assertEquals(0, w.exitCode(), w.err());
        assertEquals(versions[next], Snapshot.of(SPARK.session(), cat));
        // As S3 lists it: S3Proxy may keep an empty folder on disk for a deleted prefix that had sub-prefixes.
        var demPrefix = new org.apache.hadoop.fs.Path(cat + "/dem");
        Set<String> left =
                s3Names(demPrefix.getFileSystem(SPARK.session().sparkContext().hadoopConfiguration()), demPrefix);
        assertEquals(1, left.size(), left.toString());
        System.out.print(report);
    }

    /**
     * {@code clean CATALOG --older-than 1h} on the catalog the kills left: their tile prefixes (aged by hand: S3Proxy
     * gives an object its file's time) go, the layer's own (as old) and one written just now stay, and the layer
     * reads the same.
     */
    private static void cleanKeepsTheLiveAndTheYoungTilePrefixes(String cat, Path tileDirs, Snapshot layer)
            throws Exception {
        Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
        String header = LayerReader.open(SPARK.session(), cat, null)
                .attributes(KilledWrites.DEM)
                .header()
                .path();
        String live = header.substring(header.lastIndexOf('/') + 1);
        var livePrefix = new org.apache.hadoop.fs.Path(header);
        FileSystem fs = livePrefix.getFileSystem(conf);
        // Object by object, as a writer creates them: a recursive copy would make directory markers, which S3Proxy
        // keeps as folders that outlive a delete of the prefix.
        String from = livePrefix.toUri().getPath();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(livePrefix, true);
        while (files.hasNext()) {
            var f = files.next().getPath();
            var to = new org.apache.hadoop.fs.Path(
                    cat + "/dem/0.vfresh" + f.toUri().getPath().substring(from.length()));
            assertTrue(FileUtil.copy(fs, f, fs, to, false, conf));
        }
        // Aged on disk, everything but the fresh copy: files and folders (S3Proxy keeps a prefix's marker object as a
        // folder; a kill during a PUT can leave one with no object under it).
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS));
        for (String d : names(tileDirs)) {
            if (!d.equals("0.vfresh")) {
                try (Stream<Path> s = Files.walk(tileDirs.resolve(d))) {
                    for (Path f : s.toList()) {
                        Files.setLastModifiedTime(f, twoDaysAgo);
                    }
                }
            }
        }
        var demPrefix = new org.apache.hadoop.fs.Path(cat + "/dem");
        // A prefix with no object under it (a kill during the first PUT leaves only the directory marker) has no
        // age S3A can tell (it gives a prefix the time of the listing): it stays, and the next write removes it.
        Set<String> killed = new TreeSet<>();
        Set<String> empty = new TreeSet<>();
        for (String d : s3Names(fs, demPrefix)) {
            if (!d.equals(live) && !d.equals("0.vfresh")) {
                (fs.listFiles(new org.apache.hadoop.fs.Path(demPrefix, d), true).hasNext() ? killed : empty).add(d);
            }
        }
        CliRun listed = CliRun.run("clean", cat, "--older-than", "1h", "--list");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(
                listed.out().contains(killed.size() + " unreferenced tile director(ies) older than 60 min"),
                killed + "\n" + listed.out());
        CliRun cleaned = CliRun.run("clean", cat, "--older-than", "1h");
        assertEquals(0, cleaned.exitCode(), cleaned.err());
        assertTrue(
                cleaned.out().contains("removed " + killed.size() + " unreferenced tile director(ies)"), cleaned.out());
        Set<String> kept = new TreeSet<>(empty);
        kept.addAll(List.of(live, "0.vfresh"));
        assertEquals(kept, s3Names(fs, demPrefix), cleaned.out());
        assertEquals(layer, Snapshot.of(SPARK.session(), cat));
        System.out.printf(
                Locale.ROOT, "s3 clean: removed %s, kept %s, 0.vfresh and the empty %s%n", killed, live, empty);
    }

    /** The names S3 lists under a prefix. */
    private static Set<String> s3Names(FileSystem fs, org.apache.hadoop.fs.Path prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        for (FileStatus st : fs.listStatus(prefix)) {
            names.add(st.getPath().getName());
        }
        return names;
    }

    private static long countFiles(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void cogKilledWhileUploadingLeavesNoObjectOrTheCompleteOneAndCleanRemovesTheRest() throws Exception {
        // The new COG's cells (not its bytes: the child may deflate with another implementation than this JVM)
        Path ref = dir.resolve("slope-ref.tif");
        CliRun r = CliRun.run("slope", a.toString(), ref.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        double[] newCells = storedValues(WholeRaster.firstBand(ref));
        Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
        var out = new org.apache.hadoop.fs.Path(S3.uri("cog/slope.tif")); // java.nio's Path is the imported one
        FileSystem fs = out.getFileSystem(conf);
        Path outDir = S3.bucketDir().resolve("cog");
        Random rnd = new Random(7);
        for (int trial = 0; trial < 2; trial++) {
            byte[] oldBytes = null; // trial 0 writes a new key, trial 1 replaces an object
            if (trial == 1) {
                CliRun o = CliRun.run("slope", b.toString(), out.toString(), "--quiet");
                assertEquals(0, o.exitCode(), o.err());
                oldBytes = read(fs, out);
            }
            Path log = dir.resolve("cog-" + trial + ".log");
            Process p = child(log, "slope", a.toString(), out.toString(), "--quiet");
            boolean killed = killAtRandom(p, () -> names(outDir), trial, rnd);
            byte[] now = read(fs, out);
            String state;
            if (now == null) {
                state = "has no object";
                assertNull(
                        oldBytes, "trial " + trial + ": the old object is gone; child log:\n" + Files.readString(log));
            } else if (oldBytes != null && Arrays.equals(now, oldBytes)) {
                state = "is the old object";
            } else {
                Path got = dir.resolve("got-" + trial + ".tif");
                Files.write(got, now);
                assertSameValues(
                        newCells,
                        storedValues(WholeRaster.firstBand(got)),
                        "trial " + trial
                                + ": the object at the destination is neither the old nor the complete new COG");
                state = "is the new COG";
            }
            System.out.printf(
                    Locale.ROOT,
                    "s3 cog trial %d: %s, destination %s; beside it: %s%n",
                    trial,
                    killed ? "killed" : "finished before the kill",
                    state,
                    names(outDir).stream()
                            .filter(n -> n.startsWith("."))
                            .sorted()
                            .toList());
        }
        CliRun clean = CliRun.run(cleanArgs("cog"));
        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals(
                List.of(), names(outDir).stream().filter(n -> n.startsWith(".")).toList(), clean.out());
        CliRun uploads = CliRun.run(cleanArgs("cog", "--list"));
        assertTrue(uploads.out().contains("0 unfinished upload(s)"), uploads.out());
    }

    /**
     * A COG large enough for a real multipart upload (21 MiB uncompressed, in S3A's smallest parts of 5 MiB), its
     * driver killed once two parts are stored: the key keeps its old object, the upload is left unfinished, and
     * {@code clean} lists and aborts it, dropping its parts.
     */
    @Test
    void cogKilledAfterSeveralUploadedPartsKeepsTheOldObjectAndCleanAbortsTheUpload() throws Exception {
        Path big = dir.resolve("big.tif");
        new SyntheticDem(2048).write(big.toString(), 256);
        String key = "multipart/big.tif";
        Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
        var out = new org.apache.hadoop.fs.Path(S3.uri(key)); // java.nio's Path is the imported one
        FileSystem fs = out.getFileSystem(conf);
        byte[] old = "the old object".getBytes(StandardCharsets.US_ASCII);
        try (FSDataOutputStream o = fs.create(out, true)) {
            o.write(old);
        }
        Path log = dir.resolve("multipart.log");
        Process p = child(
                log,
                "--conf",
                "spark.hadoop.fs.s3a.multipart.size=5M",
                "translate",
                big.toString(),
                out.toString(),
                "--compress",
                "none");
        // The driver streams the COG to its key after the executors' part files are in (those, 8 MiB each, are
        // multipart uploads of their own): killed once two parts of the COG's upload are stored.
        boolean killed = killWhen(p, () -> S3.multipartParts(key).size() >= 2);
        List<String> parts = S3.multipartParts(key);
        System.out.println("s3 multipart trial: " + (killed ? "killed" : "finished before the kill") + ", parts "
                + parts + " of " + key + " stored; all upload files: " + S3.multipartParts(null));
        assertTrue(
                killed && parts.size() >= 2,
                "the write ended before two parts were stored; child log:\n" + Files.readString(log));
        assertArrayEquals(old, read(fs, out), "the old object is still at the key");

        CliRun listed = CliRun.run(cleanArgs("multipart", "--list"));
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("upload " + key + "\t"), listed.out());
        CliRun clean = CliRun.run(cleanArgs("multipart"));
        assertEquals(0, clean.exitCode(), clean.err());
        assertTrue(clean.out().contains("aborted upload " + key), clean.out());
        assertEquals(List.of(), S3.multipartParts(null), "the parts are dropped with the uploads");
        assertEquals(Set.of("big.tif"), names(S3.bucketDir().resolve("multipart")), clean.out());
        assertArrayEquals(old, read(fs, out));
    }

    private static String[] cleanArgs(String prefix, String... more) {
        List<String> args = new ArrayList<>(List.of("clean", S3.uri(prefix), "--older-than", "0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The object's bytes, or null if there is none. */
    private static byte[] read(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
        try (FSDataInputStream in = fs.open(p)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        }
    }
}
