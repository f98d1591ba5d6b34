package io.rastermill.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's part reader returns exactly each block's bytes whatever the order of requests: forward,
 * backward, across read-ahead windows, larger than a window, from more part files than it keeps open,
 * and the NoData block where no part holds the block; written as a stream and transferred into a file channel alike.
 */
class PartReaderTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void returnsEachBlocksBytesInAnyOrder() throws IOException {
        Random r = new Random(3);
        int parts = PartReader.MAX_OPEN + 3;
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        int blocks = 400;
        PartReader.LevelIndex li = new PartReader.LevelIndex(blocks);
        long[] fill = new long[parts];
        for (int p = 0; p < parts; p++) {
            names.add("L0/part-" + p);
            contents.add(new byte[0]);
        }
        for (int b = 0; b < blocks; b++) {
            if (b % 17 == 5) {
                continue; // NoData
            }
            int p = r.nextInt(parts);
            int len = 1 + r.nextInt(b % 50 == 0 ? 3000 : 300); // some blocks larger than the window
            byte[] bytes = new byte[len];
            r.nextBytes(bytes);
            byte[] c = contents.get(p);
            byte[] grown = Arrays.copyOf(c, c.length + len);
            System.arraycopy(bytes, 0, grown, c.length, len);
            contents.set(p, grown);
            li.part[b] = p;
            li.offset[b] = fill[p];
            li.length[b] = len;
            fill[p] += len;
        }
        Files.createDirectories(dir.resolve("L0"));
        for (int p = 0; p < parts; p++) {
            Files.write(dir.resolve(names.get(p)), contents.get(p));
        }
        byte[] noData = {9, 9, 9};
        FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            order.add(b);
        }
        for (List<Integer> o : List.of(order, reversed(order), shuffled(order, r))) {
            java.nio.file.Path target = dir.resolve("target-" + o.get(0));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (PartReader reader = new PartReader(fs, new Path(dir.toUri()), names, List.of(li), noData, 1000);
                    FileChannel channel =
                            FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                for (int b : o) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int len = li.part[b] < 0 ? noData.length : li.length[b];
                    reader.write(0, b, len, out);
                    byte[] expected = li.part[b] < 0
                            ? noData
                            : Arrays.copyOfRange(
                                    contents.get(li.part[b]), (int) li.offset[b], (int) li.offset[b] + len);
                    assertArrayEquals(expected, out.toByteArray(), "block " + b);
                    // the local path: the kernel copies the block to the channel's position
                    reader.transfer(0, b, len, channel);
                    all.write(expected);
                    assertEquals(all.size(), channel.position(), "block " + b + " transferred");
                }
            }
            assertArrayEquals(all.toByteArray(), Files.readAllBytes(target), "the transferred blocks, in order");
        }
        li.length[0] = 1_000_000;
        try (PartReader reader = new PartReader(fs, new Path(dir.toUri()), names, List.of(li), noData, 1000)) {
            IOException e =
                    assertThrows(IOException.class, () -> reader.write(0, 0, 1_000_000, new ByteArrayOutputStream()));
            assertTrue(e.getMessage().contains("should end at"), e.getMessage());
            try (FileChannel channel =
                    FileChannel.open(dir.resolve("short"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                IOException t = assertThrows(IOException.class, () -> reader.transfer(0, 0, 1_000_000, channel));
                assertTrue(
                        t.getMessage().contains("should end at")
                                && t.getMessage().contains("part-"),
                        t.getMessage());
            }
        }
    }

    private static List<Integer> reversed(List<Integer> xs) {
        List<Integer> out = new ArrayList<>(xs);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<Integer> shuffled(List<Integer> xs, Random r) {
        List<Integer> out = new ArrayList<>(xs);
        java.util.Collections.shuffle(out, r);
        return out;
    }
}
