package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.tiff.TiffDirectory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure inside an executor reaches the user as one line naming the step, the input file and the
 * tile key; the Spark stack trace follows only with {@code --debug}. The input is a DEFLATE GeoTIFF with
 * the compressed bytes of one block overwritten.
 */
class ExecutorErrorTest {
    @TempDir
    static Path dir;

    static Path corrupt;

    @BeforeAll
    static void corruptOneBlock() throws IOException {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(300).write(dem.toString(), 128);
        // Block (1, 2) of a 3x3 grid of 128-pixel blocks: segment 2 * 3 + 1 = 7.
        long offset;
        long length;
        try (GeoTiffReader r = GeoTiffReader.open(dem.toString())) {
            TiffDirectory d = r.structure().fullResolution().get(0);
            offset = d.segmentOffsets()[7];
            length = d.segmentByteCounts()[7];
        }
        corrupt = dir.resolve("corrupt dem.tif");
        Files.copy(dem, corrupt);
        try (RandomAccessFile f = new RandomAccessFile(corrupt.toFile(), "rw")) {
            // Keep the zlib header, overwrite the Deflate stream with bytes that are not valid Deflate.
            f.seek(offset + 2);
            byte[] junk = new byte[(int) Math.min(64, length - 2)];
            java.util.Arrays.fill(junk, (byte) 0xFF);
            f.write(junk);
        }
    }

    @AfterAll
    static void clear() {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    private static CliRun slope(boolean debug) {
        List<String> args = new java.util.ArrayList<>(List.of("--conf", "spark.master=local[2]"));
        if (debug) {
            args.add("--debug");
        }
        args.addAll(List.of(
                "slope",
                corrupt.toString(),
                dir.resolve(debug ? "s2.tif" : "s1.tif").toString(),
                "--block",
                "128",
                "--quiet"));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void oneLineNamesStepFileAndTile() {
        CliRun r = slope(false);
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines =
                r.err().lines().filter(l -> l.startsWith("rastermill:")).toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("rastermill: slope: "), line);
        assertTrue(
                line.matches(".* in tile \\([012], [12]\\) of .*"),
                line); // a tile whose window with its halo reaches block (1, 2)
        assertTrue(line.contains(corrupt.getFileName().toString()), line);
        assertTrue(line.toLowerCase(java.util.Locale.ROOT).contains("deflate"), line);
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());
        assertFalse(Files.exists(dir.resolve("s1.tif")), "no output after a failure");
    }

    @Test
    void sparkTaskFailureWithoutRastermillCauseIsOneLineToo() {
        String spark =
                "Job aborted due to stage failure: Task 1 in stage 1.0 failed 4 times, most recent failure: Lost task"
                        + " 1.3 in stage 1.0 (TID 7) (10.0.0.5 executor 2): java.lang.ArithmeticException: / by zero\n"
                        + "\tat io.rastermill.X.y(X.java:1)\n\nDriver stacktrace:\n";
        assertEquals(
                "calc: ArithmeticException: / by zero",
                ErrorReport.message(
                        new RuntimeException("write failed", new org.apache.spark.SparkException(spark)), "calc"));
        assertEquals(
                "calc: disk full",
                ErrorReport.message(
                        new org.apache.spark.SparkException(spark.replace(
                                "java.lang.ArithmeticException: / by zero", "java.io.UncheckedIOException: disk full")),
                        "calc"));
        assertEquals("plain failure", ErrorReport.message(new IllegalStateException("plain failure\nmore"), "calc"));
    }

    @Test
    void debugAddsTheSparkStackTrace() {
        CliRun r = slope(true);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("org.apache.spark.SparkException"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
