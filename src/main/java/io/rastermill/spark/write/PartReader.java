package io.rastermill.spark.write;

import io.rastermill.io.geotiff.GeoTiffAssembler;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver side of assembly: hands the assembler each block's bytes from the part file the tasks
 * wrote it to (a positioned read into one reused buffer, so memory is one block), or the shared NoData
 * block where the layer had no tile. Keeps the {@value #MAX_OPEN} most recently used part streams
 * open. Not thread-safe.
 */
final class PartReader implements GeoTiffAssembler.BlockSource, Closeable {
    static final int MAX_OPEN = 16;

    /** Where each block of one level is: part file (index into the names, -1: NoData block), offset, length. */
    static final class LevelIndex {
        final int[] part;
        final long[] offset;
        final int[] length;

        LevelIndex(int blocks) {
            part = new int[blocks];
            offset = new long[blocks];
            length = new int[blocks];
            java.util.Arrays.fill(part, -1);
        }
    }

    private final FileSystem fs;
    private final Path dir;
    private final List<String> names;
    private final List<LevelIndex> levels;
    private final byte[] noData;
    private final LinkedHashMap<Integer, FSDataInputStream> open = new LinkedHashMap<>(32, 0.75f, true);
    private byte[] buffer = new byte[1 << 16];

    PartReader(FileSystem fs, Path dir, List<String> names, List<LevelIndex> levels, byte[] noData) {
        this.fs = fs;
        this.dir = dir;
        this.names = names;
        this.levels = levels;
        this.noData = noData;
    }

    @Override
    public void write(int level, int block, int length, OutputStream out) throws IOException {
        LevelIndex li = levels.get(level);
        int part = li.part[block];
        if (part < 0) {
            out.write(noData);
            return;
        }
        if (buffer.length < length) {
            buffer = new byte[length];
        }
        stream(part).readFully(li.offset[block], buffer, 0, length);
        out.write(buffer, 0, length);
    }

    private FSDataInputStream stream(int part) throws IOException {
        FSDataInputStream in = open.get(part);
        if (in == null) {
            if (open.size() >= MAX_OPEN) {
                Iterator<Map.Entry<Integer, FSDataInputStream>> eldest = open.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
            in = fs.open(new Path(dir, names.get(part)));
            open.put(part, in);
        }
        return in;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FSDataInputStream in : open.values()) {
            try {
                in.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
