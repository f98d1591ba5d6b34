package io.rastermill.jobs;

import static io.rastermill.jobs.KilledWrites.child;
import static io.rastermill.jobs.KilledWrites.killAtRandom;
import static io.rastermill.jobs.KilledWrites.names;
import static io.rastermill.jobs.KilledWrites.twoDems;
import static io.rastermill.jobs.KilledWrites.whichVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.jobs.KilledWrites.Snapshot;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM writing a layer with {@code --overwrite} (both backends) or a COG, at seeded
 * random moments: afterwards the layer is the old one or the complete new one, cell for cell, and an
 * overwritten COG is the old file or the new one, byte for byte. The child is {@link Main} on this test's class path, as {@code jobs/rastermill} runs it.
 */
class KillDuringWriteTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    static final int KILLS_PER_BACKEND = 2; // each kill is a child JVM with Spark: keep the class short

    @TempDir
    static Path dir;

    static Path a;
    static Path b;

    @BeforeAll
    static void rasters() throws IOException {
        Path[] ab = twoDems(dir, 320, 384);
        a = ab[0];
        b = ab[1];
    }

    @Test
    void overwriteKilledAtRandomLeavesTheOldOrTheCompleteNewLayer() throws Exception {
        Random rnd = new Random(20261204);
        StringBuilder report = new StringBuilder();
        for (String backend : List.of("file", "hadoop")) {
            String ref = dir.resolve("ref-" + backend).toString();
            Snapshot[] versions = new Snapshot[2];
            Path[] inputs = {a, b};
            for (int v = 0; v < 2; v++) {
                CliRun w = CliRun.run(
                        "layer",
                        "write",
                        inputs[v].toString(),
                        ref,
                        "--name",
                        "dem",
                        "--tile-size",
                        "16",
                        "--backend",
                        backend,
                        "--overwrite");
                assertEquals(0, w.exitCode(), w.err());
                versions[v] = Snapshot.of(SPARK.session(), ref);
            }
            assertFalse(versions[0].equals(versions[1]));
            String cat = dir.resolve("cat-" + backend).toString();
            assertEquals(
                    0,
                    CliRun.run(
                                    "layer",
                                    "write",
                                    a.toString(),
                                    cat,
                                    "--name",
                                    "dem",
                                    "--tile-size",
                                    "16",
                                    "--backend",
                                    backend)
                            .exitCode());
            int current = 0;
            for (int trial = 0; trial < KILLS_PER_BACKEND; trial++) {
                int next = 1 - current;
                Path log = dir.resolve("child-" + backend + "-" + trial + ".log");
                Process p = child(
                        log,
                        List.of(
                                "layer",
                                "write",
                                inputs[next].toString(),
                                cat,
                                "--name",
                                "dem",
                                "--tile-size",
                                "16",
                                "--backend",
                                backend,
                                "--overwrite"));
                boolean killed = killAtRandom(p, () -> names(Path.of(cat, "dem")), trial, rnd);
                int found = whichVersion(Snapshot.of(SPARK.session(), cat), versions, backend + " trial " + trial, log);
                report.append(String.format(
                        Locale.ROOT,
                        "%s trial %d: %s, layer is the %s version%n",
                        backend,
                        trial,
                        killed ? "killed" : "finished before the kill",
                        found == current ? "old" : "new"));
                current = found;
            }
            // The next write cleans up what the kills left: one tile directory, the layer's.
            int next = 1 - current;
            CliRun w = CliRun.run(
                    "layer",
                    "write",
                    inputs[next].toString(),
                    cat,
                    "--name",
                    "dem",
                    "--tile-size",
                    "16",
                    "--backend",
                    backend,
                    "--overwrite");
            assertEquals(0, w.exitCode(), w.err());
            assertEquals(versions[next], Snapshot.of(SPARK.session(), cat));
            assertEquals(
                    1,
                    names(Path.of(cat, "dem")).size(),
                    names(Path.of(cat, "dem")).toString());
        }
        System.out.print(report);
    }

    /**
     * A COG overwritten by a job killed at a random moment: the destination is always there, and byte for byte
     * either the old file or the new one (never missing, never partial: {@code FileReplacement}).
     */
    @Test
    void cogOverwriteKilledAtRandomLeavesTheOldOrTheNewFile() throws Exception {
        Random rnd = new Random(42);
        // both versions from child JVMs like the killed ones (this JVM may use another Deflate, other bytes)
        Path ref = dir.resolve("slope-ref.tif");
        Process r = child(dir.resolve("cog-ref.log"), List.of("slope", a.toString(), ref.toString(), "--quiet"));
        assertEquals(0, r.waitFor(), Files.readString(dir.resolve("cog-ref.log")));
        byte[] newBytes = Files.readAllBytes(ref);
        Path outDir = dir.resolve("cog");
        Files.createDirectories(outDir);
        Path out = outDir.resolve("slope.tif");
        Process o = child(dir.resolve("cog-old.log"), List.of("slope", b.toString(), out.toString(), "--quiet"));
        assertEquals(0, o.waitFor(), Files.readString(dir.resolve("cog-old.log")));
        byte[] oldBytes = Files.readAllBytes(out);
        assertFalse(Arrays.equals(oldBytes, newBytes));
        for (int trial : new int[] {0, 2}) { // within 300 ms of the temporary file appearing, and at a uniform moment
            Files.write(out, oldBytes);
            Path log = dir.resolve("cog-" + trial + ".log");
            Process p = child(log, List.of("slope", a.toString(), out.toString(), "--quiet"));
            boolean killed = killAtRandom(p, () -> names(outDir), trial, rnd);
            assertTrue(Files.exists(out), "trial " + trial + ": the destination is missing");
            byte[] now = Files.readAllBytes(out);
            boolean isOld = Arrays.equals(now, oldBytes);
            assertTrue(
                    isOld || Arrays.equals(now, newBytes),
                    "trial " + trial + ": the destination is neither the old nor the new file; child log:\n"
                            + Files.readString(log));
            System.out.printf(
                    Locale.ROOT,
                    "cog trial %d: %s, destination is the %s file; beside it: %s%n",
                    trial,
                    killed ? "killed" : "finished before the kill",
                    isOld ? "old" : "new",
                    names(outDir).stream()
                            .filter(n -> n.startsWith("."))
                            .sorted()
                            .toList());
        }
    }
}
