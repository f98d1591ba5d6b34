package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.tiff.TiffDirectory;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt-tile mutants (Deflate, ZSTD and LZW streams overwritten in one tile) run through {@link Main} in a
 * child JVM with the shipped log4j configuration, as a user runs them: a failure found in a task reaches
 * stderr as one {@code rastermill:} line naming the file and tile, exit 1, with no Spark executor or
 * task-set stack trace before it; {@code --debug} brings the traces back.
 */
class TaskErrorLineTest {
    static final String[] CODECS = {"deflate", "zstd", "lzw"};

    @Test
    void corruptTilesFoundInTasksGiveOneLine(@TempDir Path dir) throws Exception {
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(256).write(dem.toString(), 64);
        Random rnd = new Random(16);
        List<String> runs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String codec : CODECS) {
            Path clean = dir.resolve(codec + ".tif");
            CliRun t = CliRun.run(
                    "translate",
                    "--no-spark",
                    "--no-cog",
                    "--compress",
                    codec,
                    "--block",
                    "64",
                    dem.toString(),
                    clean.toString());
            assertEquals(0, t.exitCode(), t.err());
            for (int m = 0; m < 4; m++) {
                Path bad = dir.resolve(codec + "-" + m + ".tif");
                Files.copy(clean, bad);
                corruptOneSegment(bad, rnd);
                files.add(bad.toString());
                Path out = dir.resolve("out-" + codec + "-" + m + ".tif");
                String f = bad.toString();
                runs.add(String.join(
                        "\t",
                        switch (m) {
                            case 0 -> List.of("slope", f, out.toString(), "--quiet");
                            case 1 -> List.of("calc", "--expr", "A * 2", "-A", f, out.toString(), "--quiet");
                            case 2 -> List.of("stats", f, "--tile-size", "64");
                            default ->
                                List.of(
                                        "layer",
                                        "write",
                                        f,
                                        dir.resolve("catalog").toString(),
                                        "--name",
                                        codec,
                                        "--tile-size",
                                        "64");
                        }));
            }
        }
        runs.add("--debug\t" + runs.get(0).replace("out-deflate-0", "out-debug"));
        Path script = dir.resolve("runs.txt");
        Files.write(script, runs);
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.start(log, MainBatch.class, List.of(script.toString()));
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "child JVM timed out");
        String[] parts = Files.readString(log).split("=== run \\d+\n");
        assertEquals(runs.size() + 1, parts.length, Files.readString(log));
        int failed = 0;
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            String err = parts[i + 1];
            String what = runs.get(i) + ":\n" + err;
            summary.append(Path.of(files.get(i)).getFileName())
                    .append(err.contains("=== exit 0") ? " decoded; " : " refused; ");
            if (err.contains("=== exit 0")) {
                continue; // junk that still decodes (LZW has no check value; Deflate may too) is not an error
            }
            failed++;
            assertTrue(err.contains("=== exit 1"), what);
            List<String> lines = err.lines()
                    .filter(l -> !l.startsWith("===") && !l.contains("WARN  Utils:"))
                    .toList();
            assertEquals(1, lines.size(), what);
            String line = lines.get(0);
            assertTrue(line.startsWith("rastermill: "), what);
            assertTrue(line.contains(files.get(i)) && line.matches(".*tile \\(\\d+, \\d+\\).*"), what);
            assertFalse(err.contains("\tat ") || err.contains("Exception in task") || err.contains("Lost task"), what);
        }
        System.out.println("TaskErrorLineTest: " + summary);
        assertTrue(failed >= 9, failed + " of " + files.size() + " mutants failed: " + summary);
        String debug = parts[parts.length - 1];
        assertTrue(debug.contains("=== exit 1") && debug.contains("\tat "), "--debug keeps the traces:\n" + debug);
    }

    /**
     * Overwrites up to 48 bytes near the start of a random segment (past the zlib header, the ZSTD magic or
     * LZW's first code) with seeded junk: damage there breaks the stream's structure; damage in the middle of
     * a ZSTD frame's literals decodes to other bytes without error (no checksum), as in GDAL.
     */
    private static void corruptOneSegment(Path file, Random rnd) throws Exception {
        long offset;
        long length;
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            TiffDirectory d = r.structure().fullResolution().get(0);
            int s = rnd.nextInt(d.segmentOffsets().length);
            offset = d.segmentOffsets()[s];
            length = d.segmentByteCounts()[s];
        }
        byte[] junk = new byte[(int) Math.min(48, length / 2)];
        rnd.nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset + 4 + rnd.nextInt(4));
            f.write(junk);
        }
    }
}
