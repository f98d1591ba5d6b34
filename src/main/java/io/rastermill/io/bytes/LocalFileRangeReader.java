package io.rastermill.io.bytes;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a local file with positional {@link FileChannel} reads (thread-safe, no shared position). */
public final class LocalFileRangeReader extends KnownLengthRangeReader {

    private final Path path;
    private final FileChannel channel;

    private LocalFileRangeReader(Path path, FileChannel channel, long length) {
        super(path.toString(), length);
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens {@code path}; the length is read once, the file is assumed not to change while open.
     *
     * @throws FileNotFoundException naming the path if it does not exist or is not a regular file
     */
    public static LocalFileRangeReader open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException(path + (Files.exists(path) ? " (not a regular file)" : " (no such file)"));
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new LocalFileRangeReader(path, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    void readInside(long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(dst, off, len);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException(path + ": file ended at " + at + " while reading " + len + " bytes at position "
                        + position + " (was it truncated while open?)");
            }
            at += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
