package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.bytes.LocalS3;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code rastermill clean s3a://...}: the hidden prefixes killed writes leave are swept, and the unfinished
 * multipart uploads are listed and aborted, only under the prefix given. S3Proxy's filesystem backend reports an upload's start as the time of the
 * listing, so here every upload is young: the default age keeps them, {@code --older-than 0} takes them all; the
 * age filter itself is checked on hand-made uploads in S3UploadsTest.
 */
class S3CleanTest {
    @RegisterExtension
    static final LocalS3 S3 = new LocalS3();

    /** Starts a multipart upload of {@code key} as a killed write would leave it: a part sent, never completed. */
    private static void startUpload(FileSystem fs, String key) throws IOException {
        FSDataOutputStream out = fs.create(new Path(S3.uri(key)), true);
        out.write(new byte[6 << 20]); // past the 5 MiB part size: the upload is initiated and a part sent
        out.hflush(); // S3A ignores it; the part goes when the block is full
        // never closed, like the stream of a killed process
    }

    private String[] clean(String prefix, String... more) {
        List<String> args = new ArrayList<>(List.of("clean", S3.uri(prefix)));
        args.addAll(List.of(more));
        S3.s3aSettings().forEach((k, v) -> args.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        return args.toArray(String[]::new);
    }

    private static CliRun run(String[] args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void listsAndAbortsTheOldUnfinishedUploadsUnderThePrefixOnly() throws Exception {
        Configuration conf = S3.configure(new Configuration());
        conf.set("fs.s3a.multipart.size", "5M");
        try (FileSystem writer = FileSystem.newInstance(URI.create(S3.uri("")), conf)) {
            startUpload(writer, "out/killed.tif");
            startUpload(writer, "outside/other.tif"); // shares the prefix's letters, not its directory
            awaitUploads(2);

            CliRun young = run(clean("out", "--list"));
            assertTrue(young.out().contains("0 unfinished upload(s) older than 24 h"), young.out());

            CliRun listed = run(clean("out", "--list", "--older-than", "0"));
            assertTrue(listed.out().contains("upload out/killed.tif\t"), listed.out());
            assertTrue(listed.out().contains("1 unfinished upload(s)"), listed.out());
            assertEquals(2, uploads().size(), "--list aborts nothing");

            CliRun aborted = run(clean("out", "--older-than", "0"));
            assertTrue(aborted.out().contains("aborted upload out/killed.tif"), aborted.out());
            assertTrue(aborted.out().contains("aborted 1 unfinished upload(s)"), aborted.out());

            CliRun after = run(clean("out", "--list", "--older-than", "0"));
            assertTrue(after.out().contains("0 unfinished upload(s)"), after.out());
            assertEquals(List.of("outside/other.tif"), uploads(), "the upload outside the prefix stays");
        }
    }

    /**
     * The hidden names killed writes leave are swept on S3 as on a file system: the parts prefix of a COG and a
     * temporary tile prefix go, the user's objects (hidden or not) stay, and with the default 24 h a young
     * leftover stays: its age is its newest object's, S3A giving a prefix the time of the listing.
     */
    @Test
    void sweepsTheHiddenPrefixesKilledWritesLeave() throws Exception {
        Configuration conf = S3.configure(new Configuration());
        String parts = "sweep/.slope.tif.rastermill-0c5a5f6e-7f43-4c38-9d0e-5a1f8b0e2a11.parts";
        String tiles = "sweep/.tiles.tmp-4b1d2e3f-0a9b-4c8d-8e7f-6a5b4c3d2e1f";
        List<String> keys = List.of(
                parts + "/L0/part-0-0-1",
                parts + "/L1/part-0-0-2",
                tiles + "/0/0/0.png",
                "sweep/slope.tif",
                "sweep/.profile",
                "sweep/sub/.a.tif.rastermill-11111111-2222-3333-4444-555555555555.tmp");
        try (FileSystem fs = FileSystem.newInstance(URI.create(S3.uri("")), conf)) {
            for (String k : keys) {
                try (FSDataOutputStream out = fs.create(new Path(S3.uri(k)), true)) {
                    out.write(k.getBytes(StandardCharsets.UTF_8));
                }
            }
            CliRun young = run(clean("sweep", "--list"));
            assertTrue(young.out().contains("0 leftover(s) older than 24 h"), young.out());

            CliRun listed = run(clean("sweep", "--list", "--older-than", "0", "-r"));
            assertTrue(listed.out().contains("3 leftover(s)"), listed.out());
            assertEquals(keys, existing(fs, keys), "--list removes nothing");

            CliRun removed = run(clean("sweep", "--older-than", "0"));
            assertTrue(
                    removed.out()
                            .contains("removed 2 leftover(s), "
                                    + (keys.get(0).length()
                                            + keys.get(1).length()
                                            + keys.get(2).length()) + " bytes"),
                    removed.out());
            assertEquals(keys.subList(3, 6), existing(fs, keys), "without -r the subfolder's leftover stays");
        }
    }

    private static List<String> existing(FileSystem fs, List<String> keys) throws IOException {
        List<String> found = new ArrayList<>();
        for (String k : keys) {
            if (fs.exists(new Path(S3.uri(k)))) {
                found.add(k);
            }
        }
        return found;
    }

    /** The keys of the bucket's unfinished uploads, as the S3 server lists them. */
    private static List<String> uploads() throws IOException {
        CliRun r = CliRun.run(new S3CleanTest().clean("", "--list", "--older-than", "0"));
        List<String> keys = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("upload ")) {
                keys.add(line.substring("upload ".length(), line.indexOf('\t')));
            }
        }
        return keys;
    }

    private static void awaitUploads(int n) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (uploads().size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(n, uploads().size(), "uploads started");
    }
}
