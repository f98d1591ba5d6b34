package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replacing rename on local files: the target is always there, old or new, and nothing is left beside it. */
class FileReplacementTest {
    @TempDir
    java.nio.file.Path dir;

    private List<String> names() throws IOException {
        try (Stream<java.nio.file.Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReaderPollingTheTargetNeverFindsItMissingWhileItIsReplacedAgainAndAgain() throws Exception {
        java.nio.file.Path target = dir.resolve("out.tif");
        Files.writeString(target, "version 0");
        LocalFileSystem local = FileSystem.getLocal(new Configuration());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong missing = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                if (!Files.exists(target)) {
                    missing.incrementAndGet();
                }
                polls.incrementAndGet();
            }
        });
        reader.start();
        try {
            for (int v = 1; v <= 300; v++) {
                Path tmp = WriteLeftovers.tempFile(new Path(target.toUri()));
                Files.writeString(java.nio.file.Path.of(tmp.toUri()), "version " + v);
                // the checksummed local file system on even versions, the raw one on odd: both take rename(2)
                FileReplacement.replace(v % 2 == 0 ? local : local.getRawFileSystem(), tmp, new Path(target.toUri()));
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertTrue(polls.get() > 300, "the reader polled " + polls.get() + " times");
        assertEquals(0, missing.get(), "polls that found no file, of " + polls.get());
        assertEquals("version 300", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("out.tif"), names());
    }

    @Test
    void replacingAFileWithItsTemporaryKeepsTheNewBytesAndRemovesTheTemporaryName() throws Exception {
        Configuration conf = new Configuration();
        Path target = new Path(dir.resolve("report.csv").toUri());
        SmallFiles.writeAtomically(target, "a\n".getBytes(StandardCharsets.UTF_8), conf);
        SmallFiles.writeAtomically(target, "b\n".getBytes(StandardCharsets.UTF_8), conf);
        assertEquals("b\n", Files.readString(dir.resolve("report.csv")));
        assertEquals(List.of("report.csv"), names());
    }
}
