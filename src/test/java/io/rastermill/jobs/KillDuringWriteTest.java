package io.rastermill.jobs;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.WholeRaster;
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
 * random moments: afterwards the layer is the old one or the complete new one, cell for cell, and the COG
 * is absent or complete. The child is {@link Main} on this test's class path, as {@code jobs/rastermill} runs it.
 */
class KillDuringWriteTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();
    static final int KILLS_PER_BACKEND = 3;
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

    @Test
    void cogKilledAtRandomIsAbsentOrComplete() throws Exception {
        Random rnd = new Random(42);
        Path ref = dir.resolve("slope-ref.tif");
        CliRun r = CliRun.run("slope", a.toString(), ref.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        MultibandTile want = WholeRaster.allBands(ref.toString());
        Path outDir = dir.resolve("cog");
        Files.createDirectories(outDir);
        for (int trial = 1; trial < 3; trial++) { // after the write has begun, and at a uniform moment
            Path out = outDir.resolve("slope-" + trial + ".tif");
            Path log = dir.resolve("cog-" + trial + ".log");
            Process p = child(log, "slope", a.toString(), out.toString(), "--quiet");
            boolean killed = killAtRandom(p, outDir, trial, rnd);
            if (Files.exists(out)) {
                assertEquals(want, WholeRaster.allBands(out.toString()), "trial " + trial + ": a COG at the destination is complete");
            }
            System.out.printf(Locale.ROOT, "cog trial %d: %s, destination %s; beside it: %s%n", trial,
                    killed ? "killed" : "finished before the kill", Files.exists(out) ? "complete" : "absent",
                    names(outDir).stream().filter(n -> n.startsWith(".")).sorted().toList());
        }
    }
}
