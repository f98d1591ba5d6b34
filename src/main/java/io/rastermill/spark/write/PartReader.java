package io.rastermill.spark.write;

import io.rastermill.io.geotiff.GeoTiffAssembler;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The driver side of assembly: hands the assembler each block's bytes from the part file the tasks
 * wrote it to, or the shared NoData block where the layer had no tile. Keeps the {@value #MAX_OPEN}
 * most recently used part files open, each with a read-ahead window of up to {@value #WINDOW} bytes
 * (one positioned read fills it), so consecutive blocks of a part cost one request on an object store
 * rather than one each; memory is bounded by {@code MAX_OPEN × WINDOW}. When the parts and the target are local
 * files, {@link #transfer} hands each block to the kernel ({@link FileChannel#transferTo}) instead: the bytes never
 * enter the heap. Not thread-safe.
 */
final class PartReader implements GeoTiffAssembler.BlockSource, Closeable {
    static final int MAX_OPEN = 16;
    static final int WINDOW = 2 << 20;

    /** An open part file and the bytes {@code [start, start + length)} read ahead from it. */
    private static final class Part {
        final FSDataInputStream in;
        final long fileLength;
        byte[] window = new byte[0];
        long start;
        int length;

        Part(FSDataInputStream in, long fileLength) {
            this.in = in;
            this.fileLength = fileLength;
        }
    }

    /** Where each block of one level is: part file (index into the names, -1: NoData block), offset, length. */
    static final class LevelIndex {
        final int[] part;
        final long[] offset;
        final int[] length;

        LevelIndex(int blocks) {
            part = new int[blocks];
            offset = new long[blocks];
            length = new int[blocks];
            Arrays.fill(part, -1);
        }
    }

    private final FileSystem fs;
    private final Path dir;
    private final List<String> names;
    private final List<LevelIndex> levels;
    private final byte[] noData;
    private final LinkedHashMap<Integer, Part> open = new LinkedHashMap<>(32, 0.75f, true);
    private final LinkedHashMap<Integer, FileChannel> channels = new LinkedHashMap<>(32, 0.75f, true);
    private final int windowSize;
    private byte[] buffer = new byte[0];

    PartReader(FileSystem fs, Path dir, List<String> names, List<LevelIndex> levels, byte[] noData) {
        this(fs, dir, names, levels, noData, WINDOW);
    }

    PartReader(FileSystem fs, Path dir, List<String> names, List<LevelIndex> levels, byte[] noData, int windowSize) {
        this.windowSize = windowSize;
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
        Part p = part(part);
        long offset = li.offset[block];
        if (offset + length > p.fileLength) {
            throw new IOException("part file " + names.get(part) + " is " + p.fileLength + " bytes, block " + block
                    + " of level " + level + " should end at " + (offset + length));
        }
        if (length > windowSize) { // a block larger than the window: read it alone
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            p.in.readFully(offset, buffer, 0, length);
            out.write(buffer, 0, length);
            return;
        }
        if (offset < p.start || offset + length > p.start + p.length) {
            int n = (int) Math.min(windowSize, p.fileLength - offset);
            if (p.window.length < n) {
                p.window = new byte[(int) Math.min(windowSize, p.fileLength)];
            }
            p.in.readFully(offset, p.window, 0, n);
            p.start = offset;
            p.length = n;
        }
        out.write(p.window, (int) (offset - p.start), length);
    }

    @Override
    public void transfer(int level, int block, int length, FileChannel out) throws IOException {
        LevelIndex li = levels.get(level);
        int part = li.part[block];
        if (!(fs instanceof RawLocalFileSystem raw) || part < 0) {
            GeoTiffAssembler.BlockSource.super.transfer(level, block, length, out);
            return;
        }
        FileChannel in = channel(raw, part);
        long offset = li.offset[block];
        if (offset + length > in.size()) {
            throw new IOException("part file " + names.get(part) + " is " + in.size() + " bytes, block " + block
                    + " of level " + level + " should end at " + (offset + length));
        }
        long done = 0;
        while (done < length) {
            long n = in.transferTo(offset + done, length - done, out);
            if (n <= 0) { // cannot happen below the size checked above, unless the part shrank meanwhile
                throw new IOException(
                        "part file " + names.get(part) + " ended early at block " + block + " of level " + level);
            }
            done += n;
        }
    }

    private FileChannel channel(RawLocalFileSystem raw, int part) throws IOException {
        FileChannel c = channels.get(part);
        if (c == null) {
            if (channels.size() >= MAX_OPEN) {
                Iterator<Map.Entry<Integer, FileChannel>> eldest =
                        channels.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
            c = FileChannel.open(raw.pathToFile(new Path(dir, names.get(part))).toPath(), StandardOpenOption.READ);
            channels.put(part, c);
        }
        return c;
    }

    private Part part(int part) throws IOException {
        Part p = open.get(part);
        if (p == null) {
            if (open.size() >= MAX_OPEN) {
                Iterator<Map.Entry<Integer, Part>> eldest = open.entrySet().iterator();
                eldest.next().getValue().in.close();
                eldest.remove();
            }
            Path path = new Path(dir, names.get(part));
            long length = fs.getFileStatus(path).getLen();
            p = new Part(fs.open(path), length);
            open.put(part, p);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Part p : open.values()) {
            try {
                p.in.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        for (FileChannel c : channels.values()) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        channels.clear();
        if (first != null) {
            throw first;
        }
    }
}
