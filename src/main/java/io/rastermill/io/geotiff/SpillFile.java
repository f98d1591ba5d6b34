package io.rastermill.io.geotiff;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A temporary file of encoded blocks: producers append concurrently (each reserves its byte range
 * with one atomic add, then writes there with a positioned write, so appends never wait on each
 * other), readers read back by (offset, length). Deleted by {@link #close()}.
 */
final class SpillFile implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final AtomicLong end = new AtomicLong();

    private SpillFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A new spill file in {@code directory}, deleted on close (and on JVM exit, as a fallback). */
    static SpillFile create(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path p = Files.createTempFile(directory, "rastermill-geotiff-", ".spill");
        p.toFile().deleteOnExit();
        return new SpillFile(p, FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    Path path() {
        return path;
    }

    /** Appends {@code data[0, length)} and returns the offset it was written at. Thread-safe. */
    long append(byte[] data, int length) throws IOException {
        long at = end.getAndAdd(length);
        ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
        long pos = at;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        return at;
    }

    /** Reads {@code length} bytes at {@code offset} into {@code dst} (which must hold them). Thread-safe. */
    void read(long offset, int length, byte[] dst) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst, 0, length);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("spill file " + path + " ends at " + pos + ", before " + (offset + length));
            }
            pos += n;
        }
    }

    /** Bytes appended so far. */
    long size() {
        return end.get();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
