package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.spark.layerstore.LayerReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * What the kill tests share, whatever the storage: a child JVM running {@link Main} as {@code jobs/rastermill}
 * does, a SIGKILL at a seeded moment measured from when the write visibly begins, and a layer's content as a
 * value, so that "the old layer or the complete new one" is an equality test.
 */
final class KilledWrites {
    static final LayerId DEM = new LayerId("dem", 0);

    private KilledWrites() {}

    /** The names a write creates, listed on whatever store it writes to (empty if the place does not exist yet). */
    @FunctionalInterface
    interface Listing {
        Set<String> names() throws IOException;
    }

    /** A layer's tiles (cell bytes) plus its attribute's bounds: enough to tell two versions and any mix apart. */
    record Snapshot(String bounds, Map<SpatialKey, ByteBuffer> tiles) {
        static Snapshot of(SparkSession spark, String catalog) throws IOException {
            LayerReader reader = LayerReader.open(spark, catalog, null);
            LayerAttributes attrs = reader.attributes(DEM);
            Map<SpatialKey, ByteBuffer> tiles = new HashMap<>();
            for (Tuple2<SpatialKey, Tile> kv : reader.read(DEM).rdd().collect()) {
                tiles.put(kv._1(), ByteBuffer.wrap(kv._2().toBytes()));
            }
            return new Snapshot(attrs.metadata().bounds().toString(), tiles);
        }
    }

    /** Writes two synthetic DEMs of different sizes, {@code a.tif} and {@code b.tif} in {@code dir}: the old and the new input. */
    static Path[] twoDems(Path dir, int sizeA, int sizeB) throws IOException {
        Path a = dir.resolve("a.tif");
        Path b = dir.resolve("b.tif");
        new SyntheticDem(sizeA).write(a.toString(), 64);
        new SyntheticDem(sizeB).write(b.toString(), 64);
        return new Path[] {a, b};
    }

    /**
     * Which of the two versions {@code now} is, 0 or 1; fails with the child's log if it is neither (a mix, a
     * missing layer).
     */
    static int whichVersion(Snapshot now, Snapshot[] versions, String what, Path childLog) throws IOException {
        for (int v = 0; v < versions.length; v++) {
            if (now.equals(versions[v])) {
                return v;
            }
        }
        return fail(
                what + ": the layer is neither the old nor the new version; child log:\n" + Files.readString(childLog));
    }

    /** Starts {@code rastermill args...} in local mode with two task threads, its output going to {@code log}. */
    static Process child(Path log, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--conf", "spark.master=local[2]"));
        all.addAll(args);
        return ChildJvm.start(log, Main.class, all);
    }

    /** The names in a local directory: a {@link Listing} of a folder, or of S3Proxy's folder for a prefix. */
    static Set<String> names(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /**
     * Kills {@code p} (SIGKILL) at a moment drawn from {@code rnd}: trial 0 and 1 soon after a new name
     * appears in {@code watch} (the write has begun), trial 2 at a uniform time after the start.
     * Returns whether it was still running when killed.
     */
    static boolean killAtRandom(Process p, Listing watch, int trial, Random rnd) throws Exception {
        if (trial == 2) {
            p.waitFor(rnd.nextInt(12_000), TimeUnit.MILLISECONDS);
            return kill(p);
        }
        Set<String> before = watch.names();
        awaitChange(p, watch, before);
        p.waitFor(trial == 0 ? rnd.nextInt(300) : 300 + rnd.nextInt(1500), TimeUnit.MILLISECONDS);
        return kill(p);
    }

    /** Waits (at most two minutes) until {@code watch} lists something {@code before} did not, or {@code p} ends. */
    static Set<String> awaitChange(Process p, Listing watch, Set<String> before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Set<String> now = watch.names();
        while (p.isAlive() && now.containsAll(before) && before.containsAll(now) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            now = watch.names();
        }
        return now;
    }

    /** Waits (at most two minutes) until {@code moment} holds or {@code p} ends, then kills it; see {@link #kill}. */
    static boolean killWhen(Process p, Check moment) throws Exception {
        await(p, moment);
        return kill(p);
    }

    /**
     * Waits until {@code moment} holds (or {@code p} ends), then stops {@code p} at once (SIGSTOP), so that the
     * state it is killed in can be looked at before the kill. Returns whether it was stopped while running.
     */
    static boolean stopWhen(Process p, Check moment) throws Exception {
        await(p, moment);
        if (!p.isAlive()) {
            return false;
        }
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(p.pid()))
                .inheritIO()
                .start();
        assertTrue(stop.waitFor(30, TimeUnit.SECONDS) && stop.exitValue() == 0, "kill -STOP " + p.pid());
        return p.isAlive();
    }

    private static void await(Process p, Check moment) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && !moment.holds() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /**
     * A {@link Check} that holds once a tile directory that was not in {@code tileDirs} before (the write's
     * new version) holds at least {@code files} files; {@code count} counts them, given the directory's name.
     */
    static Check newDirectoryHolds(Listing tileDirs, int files, FileCount count) throws IOException {
        Set<String> before = tileDirs.names();
        return () -> {
            for (String n : tileDirs.names()) {
                if (!before.contains(n) && count.files(n) >= files) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The number of files under a named directory of some store. */
    @FunctionalInterface
    interface FileCount {
        long files(String dirName) throws IOException;
    }

    /** A condition on the store a child writes to. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws IOException;
    }

    /** SIGKILL (no shutdown hooks, no cleanup); returns whether {@code p} was still running. */
    static boolean kill(Process p) throws InterruptedException {
        boolean alive = p.isAlive();
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return alive;
    }
}
