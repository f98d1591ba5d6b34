package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.layerstore.GoldenCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rastermill clean}: leftovers of killed writes go, user files and young or sole-copy leftovers stay. */
class CleanCommandTest {
    static final String U1 = "0f3c2a1e-7d4b-4c1a-9e2f-0123456789ab";
    static final String U2 = "aa3c2a1e-7d4b-4c1a-9e2f-0123456789ab";

    @TempDir
    Path dir;

    private Path old(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        return p;
    }

    private List<String> tree() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void removesOldLeftoversOnlyAndKeepsUserFilesYoungLeftoversAndSoleCopies() throws Exception {
        Files.writeString(dir.resolve("slope.tif"), "cog");
        Files.writeString(dir.resolve("notes.tmp"), "user's own"); // not a writer's name
        Files.writeString(dir.resolve(".slope.tif.hidden.tmp"), "user's own"); // no UUID part
        old(Files.write(dir.resolve(".slope.tif.rastermill-" + U1 + ".tmp"), new byte[1000]));
        Path parts = Files.createDirectories(dir.resolve(".slope.tif.rastermill-" + U2 + ".parts/L0"));
        old(Files.write(parts.resolve("part-0"), new byte[500]));
        old(parts.getParent());
        // a write running now: its directory is old, but it is still appending to a part file
        Path running = Files.createDirectories(dir.resolve(".dem.tif.rastermill-" + U1 + ".parts/L0"));
        Files.write(running.resolve("part-0"), new byte[3]);
        old(running.getParent());
        Files.writeString(dir.resolve(".report.csv.rastermill-" + U2 + ".tmp"), "young"); // a write running now
        old(Files.createDirectories(dir.resolve(".tiles.old-" + U1))); // its target "tiles" is missing: sole copy
        Path sub = Files.createDirectories(dir.resolve("sub"));
        old(Files.write(sub.resolve(".x.tif.rastermill-" + U1 + ".tmp"), new byte[7]));

        CliRun listed = CliRun.run("clean", dir.toString(), "--list", "-r");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("4 leftover(s) older than"), listed.out());
        assertEquals(14, tree().size(), "--list removes nothing");

        CliRun flat = CliRun.run("clean", dir.toString());
        assertEquals(0, flat.exitCode(), flat.err());
        assertTrue(flat.out().contains("removed 2 leftover(s), 1500 bytes"), flat.out());
        assertTrue(flat.out().contains("kept ") && flat.out().contains("previous version of tiles"), flat.out());
        String run = ".dem.tif.rastermill-" + U1 + ".parts";
        assertEquals(
                List.of(
                        run,
                        run + "/L0",
                        run + "/L0/part-0",
                        ".report.csv.rastermill-" + U2 + ".tmp",
                        ".slope.tif.hidden.tmp",
                        ".tiles.old-" + U1,
                        "notes.tmp",
                        "slope.tif",
                        "sub",
                        "sub/.x.tif.rastermill-" + U1 + ".tmp"),
                tree());

        CliRun all = CliRun.run("clean", dir.toString(), "-r", "--older-than", "0");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("removed 3 leftover(s), 15 bytes"), all.out());
        assertEquals(List.of(".slope.tif.hidden.tmp", ".tiles.old-" + U1, "notes.tmp", "slope.tif", "sub"), tree());
    }

    /**
     * In a layer catalog (here GeoTrellis's), an old tile directory its attribute does not name, as a killed {@code
     * layer write --overwrite} leaves it, is listed and removed; a young one and the referenced one stay.
     */
    @Test
    void removesOldUnreferencedTileDirectoriesOfACatalog() throws Exception {
        Path cat = GoldenCatalogs.copy("golden-file-catalog", dir);
        Path layer = cat.resolve("golden");
        Path killed = Files.createDirectories(layer.resolve("3.v5f00"));
        Path running = Files.createDirectories(layer.resolve("3.v6000"));
        long bytes = 0;
        try (Stream<Path> s = Files.list(layer.resolve("3"))) {
            for (Path f : s.toList()) {
                Files.copy(f, killed.resolve(f.getFileName()));
                Files.copy(f, running.resolve(f.getFileName()));
                old(killed.resolve(f.getFileName()));
                old(f); // the referenced directory is as old, and stays
                bytes += Files.size(f);
            }
        }
        CliRun listed = CliRun.run("clean", cat.toString(), "--list", "--older-than", "1h");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(
                listed.out().contains(killed.toUri().getPath().replaceAll("/$", "") + "\t" + bytes + " bytes\t2 d old"),
                listed.out());
        assertTrue(listed.out().contains("1 unreferenced tile director(ies) older than 60 min"), listed.out());
        assertTrue(Files.isDirectory(killed), "--list removes nothing");

        CliRun removed = CliRun.run("clean", cat.toString(), "--older-than", "1h");
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(removed.out().contains("unreferenced tiles of layer 'golden' zoom 3"), removed.out());
        assertTrue(
                removed.out().contains("removed 1 unreferenced tile director(ies), " + bytes + " bytes"),
                removed.out());
        try (Stream<Path> s = Files.list(layer)) {
            assertEquals(
                    List.of("3", "3.v6000"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aMissingDirectoryOrABadAgeIsAClearError() {
        CliRun missing = CliRun.run("clean", dir.resolve("nope").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nope: no such directory"), missing.err());
        CliRun age = CliRun.run("clean", dir.toString(), "--older-than", "yesterday");
        assertEquals(2, age.exitCode());
        assertTrue(age.err().contains("'yesterday' is not an age"), age.err());
    }
}
