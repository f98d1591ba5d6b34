package io.rastermill.io.bytes;

import java.io.IOException;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Whole-file writes on an object store (S3A): an object appears, complete, only when its output stream closes,
 * and a rename is a copy of the whole object. So a file is written straight to its key, and on any failure the
 * stream is aborted: the upload is cancelled and the key keeps the object it had, or none. A killed process
 * leaves at most an unfinished multipart upload, which is never listed as an object.
 */
public final class ObjectStoreWrites {
    private ObjectStoreWrites() {}

    /** What goes into the file; it must not close the stream. */
    @FunctionalInterface
    public interface Body {
        void write(FSDataOutputStream out) throws IOException;
    }

    /** Whether {@code fs} writes {@code path} this way: its output streams can be aborted (S3A; not HDFS or local files). */
    public static boolean abortable(FileSystem fs, Path path) throws IOException {
        return fs.hasPathCapability(path, CommonPathCapabilities.ABORTABLE_STREAM);
    }

    /** Writes {@code path} (replacing it) with {@code body}; any exception from it or the stream aborts the upload. */
    public static void write(FileSystem fs, Path path, Body body) throws IOException {
        FSDataOutputStream out = fs.create(path, true);
        try {
            body.write(out);
        } catch (IOException | RuntimeException | Error e) {
            try {
                out.abort();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        out.close();
    }
}
