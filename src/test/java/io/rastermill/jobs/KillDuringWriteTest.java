package io.rastermill.jobs;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layerstore.LayerReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of a child JVM writing a layer with {@code --overwrite} (both backends) or a COG, at seeded
 * random moments: afterwards the layer is the old one or the complete new one, cell for cell, and an
 * overwritten COG is the old file or the new one, byte for byte. The child is {@link Main} on this test's class path, as {@code jobs/rastermill} runs it.
 */
class KillDuringWriteTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();
    static final int KILLS_PER_BACKEND = 2; // each kill is a child JVM with Spark: keep the class short
    static final LayerId DEM = new LayerId("dem", 0);

    @TempDir
    static Path dir;
    static Path a;
    static Path b;

    @BeforeAll
    static void rasters() throws IOException {
        a = dir.resolve("a.tif");
        b = dir.resolve("b.tif");
        new SyntheticDem(320).write(a.toString(), 64);
        new SyntheticDem(384).write(b.toString(), 64);
    }

    /** A layer's tiles as bytes, plus its attribute's bounds: enough to tell the two versions and any mix apart. */
    private record Snapshot(String bounds, Map<SpatialKey, List<Byte>> tiles) {
    }

    private static Snapshot snapshot(String catalog) throws IOException {
        LayerReader reader = LayerReader.open(SPARK.session(), catalog, null);
        LayerAttributes attrs = reader.attributes(DEM);
        Map<SpatialKey, List<Byte>> tiles = new HashMap<>();
        for (scala.Tuple2<SpatialKey, Tile> kv : reader.read(DEM).rdd().collect()) {
            byte[] bytes = kv._2().toBytes();
            List<Byte> list = new ArrayList<>(bytes.length);
            for (byte x : bytes) {
                list.add(x);
            }
            tiles.put(kv._1(), list);
        }
        return new Snapshot(attrs.metadata().bounds().toString(), tiles);
    }

    private static Process child(Path log, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--conf", "spark.master=local[2]"));
        all.addAll(List.of(args));
        return ChildJvm.start(log, Main.class, all);
    }

    private static Set<String> names(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /**
     * Kills {@code p} (SIGKILL) at a moment drawn from {@code rnd}: trial 0 and 1 soon after a new entry
     * appears in {@code watch} (the write has begun), trial 2 at a uniform time after the start.
     * Returns whether it was still running when killed.
     */
    private static boolean killAtRandom(Process p, Path watch, int trial, Random rnd) throws Exception {
        Set<String> before = names(watch);
        if (trial == 2) {
            p.waitFor(rnd.nextInt(12_000), TimeUnit.MILLISECONDS);
        } else {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && names(watch).equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            p.waitFor(trial == 0 ? rnd.nextInt(300) : 300 + rnd.nextInt(1500), TimeUnit.MILLISECONDS);
        }
        boolean alive = p.isAlive();
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return alive;
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
                CliRun w = CliRun.run("layer", "write", inputs[v].toString(), ref, "--name", "dem", "--tile-size", "16",
                        "--backend", backend, "--overwrite");
                assertEquals(0, w.exitCode(), w.err());
                versions[v] = snapshot(ref);
            }
            assertFalse(versions[0].equals(versions[1]));
            String cat = dir.resolve("cat-" + backend).toString();
            assertEquals(0, CliRun.run("layer", "write", a.toString(), cat, "--name", "dem", "--tile-size", "16",
                    "--backend", backend).exitCode());
            int current = 0;
            for (int trial = 0; trial < KILLS_PER_BACKEND; trial++) {
                int next = 1 - current;
                Path log = dir.resolve("child-" + backend + "-" + trial + ".log");
                Process p = child(log, "layer", "write", inputs[next].toString(), cat, "--name", "dem", "--tile-size", "16",
                        "--backend", backend, "--overwrite");
                boolean killed = killAtRandom(p, Path.of(cat, "dem"), trial, rnd);
                Snapshot now = snapshot(cat);
                int found = now.equals(versions[current]) ? current : now.equals(versions[next]) ? next : -1;
                if (found < 0) {
                    fail(backend + " trial " + trial + ": the layer is neither the old nor the new version; child log:\n"
                            + Files.readString(log));
                }
                report.append(String.format(Locale.ROOT, "%s trial %d: %s, layer is the %s version%n", backend, trial,
                        killed ? "killed" : "finished before the kill", found == current ? "old" : "new"));
                current = found;
            }
            // The next write cleans up what the kills left: one tile directory, the layer's.
            int next = 1 - current;
            CliRun w = CliRun.run("layer", "write", inputs[next].toString(), cat, "--name", "dem", "--tile-size", "16",
                    "--backend", backend, "--overwrite");
            assertEquals(0, w.exitCode(), w.err());
            assertEquals(versions[next], snapshot(cat));
            assertEquals(1, names(Path.of(cat, "dem")).size(), names(Path.of(cat, "dem")).toString());
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
        Process r = child(dir.resolve("cog-ref.log"), "slope", a.toString(), ref.toString(), "--quiet");
        assertEquals(0, r.waitFor(), Files.readString(dir.resolve("cog-ref.log")));
        byte[] newBytes = Files.readAllBytes(ref);
        Path outDir = dir.resolve("cog");
        Files.createDirectories(outDir);
        Path out = outDir.resolve("slope.tif");
        Process o = child(dir.resolve("cog-old.log"), "slope", b.toString(), out.toString(), "--quiet");
        assertEquals(0, o.waitFor(), Files.readString(dir.resolve("cog-old.log")));
        byte[] oldBytes = Files.readAllBytes(out);
        assertFalse(Arrays.equals(oldBytes, newBytes));
        for (int trial : new int[] {0, 2}) { // within 300 ms of the temporary file appearing, and at a uniform moment
            Files.write(out, oldBytes);
            Path log = dir.resolve("cog-" + trial + ".log");
            Process p = child(log, "slope", a.toString(), out.toString(), "--quiet");
            boolean killed = killAtRandom(p, outDir, trial, rnd);
            assertTrue(Files.exists(out), "trial " + trial + ": the destination is missing");
            byte[] now = Files.readAllBytes(out);
            boolean isOld = Arrays.equals(now, oldBytes);
            assertTrue(isOld || Arrays.equals(now, newBytes),
                    "trial " + trial + ": the destination is neither the old nor the new file; child log:\n" + Files.readString(log));
            System.out.printf(Locale.ROOT, "cog trial %d: %s, destination is the %s file; beside it: %s%n", trial,
                    killed ? "killed" : "finished before the kill", isOld ? "old" : "new",
                    names(outDir).stream().filter(n -> n.startsWith(".")).sorted().toList());
        }
    }
}
