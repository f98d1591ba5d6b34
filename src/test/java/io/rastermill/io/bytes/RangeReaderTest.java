package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeReaderTest {

    @TempDir
    Path dir;

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private Path file(byte[] content) throws Exception {
        Path p = dir.resolve("data.bin");
        Files.write(p, content);
        return p;
    }

    private static void checkReads(RangeReader r, byte[] expected) throws Exception {
        assertEquals(expected.length, r.length());
        assertArrayEquals(Arrays.copyOfRange(expected, 0, 10), r.read(0, 10));
        assertArrayEquals(Arrays.copyOfRange(expected, 1000, 5000), r.read(1000, 4000));
        assertArrayEquals(
                Arrays.copyOfRange(expected, expected.length - 7, expected.length), r.read(expected.length - 7, 7));
        assertArrayEquals(new byte[0], r.read(expected.length, 0));
        byte[] dst = new byte[20];
        r.readFully(50, dst, 5, 10);
        assertArrayEquals(Arrays.copyOfRange(expected, 50, 60), Arrays.copyOfRange(dst, 5, 15));
        EOFException e = assertThrows(EOFException.class, () -> r.read(expected.length - 3, 4));
        assertTrue(e.getMessage().contains(r.location()), e.getMessage());
        assertTrue(e.getMessage().contains("position " + (expected.length - 3)), e.getMessage());
        assertTrue(e.getMessage().contains("length 4"), e.getMessage());
        assertThrows(EOFException.class, () -> r.read(Long.MAX_VALUE - 1, 10));
    }

    @Test
    void localReaderReadsRangesAndNamesFileOnEof() throws Exception {
        byte[] content = data(100_000);
        Path p = file(content);
        try (RangeReader r = LocalFileRangeReader.open(p)) {
            assertEquals(p.toString(), r.location());
            checkReads(r, content);
        }
    }

    @Test
    void hadoopReaderOverLocalFileSystem() throws Exception {
        byte[] content = data(100_000);
        Path p = file(content);
        try (RangeReader r = HadoopRangeReader.open(p.toUri().toString(), new Configuration())) {
            checkReads(r, content);
        }
    }

    @Test
    void inMemoryReader() throws Exception {
        byte[] content = data(10_000);
        checkReads(new ByteArrayRangeReader("mem", content), content);
    }

    @Test
    void openChoosesImplementationAndReportsMissingFiles() throws Exception {
        Path p = file(data(100));
        Configuration conf = new Configuration();
        try (RangeReader r = RangeReaders.open(p.toString(), conf)) {
            assertInstanceOf(LocalFileRangeReader.class, r);
        }
        try (RangeReader r = RangeReaders.open(p.toUri().toString(), conf)) {
            assertInstanceOf(LocalFileRangeReader.class, r);
        }
        Path missing = dir.resolve("missing.tif");
        FileNotFoundException e =
                assertThrows(FileNotFoundException.class, () -> RangeReaders.open(missing.toString(), conf));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        e = assertThrows(
                FileNotFoundException.class,
                () -> HadoopRangeReader.open(missing.toUri().toString(), conf));
        assertTrue(e.getMessage().contains("missing.tif"), e.getMessage());
    }

    @Test
    void parallelReadsGiveTheSameBytes() throws Exception {
        byte[] content = data(1 << 20);
        Path p = file(content);
        for (RangeReader r : List.of(
                LocalFileRangeReader.open(p), HadoopRangeReader.open(p.toUri().toString(), new Configuration()))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try (r) {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    long seed = t;
                    results.add(pool.submit(() -> {
                        Random rnd = new Random(seed);
                        for (int i = 0; i < 200; i++) {
                            int len = rnd.nextInt(8192);
                            int pos = rnd.nextInt(content.length - len);
                            if (!Arrays.equals(Arrays.copyOfRange(content, pos, pos + len), r.read(pos, len))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertTrue(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
