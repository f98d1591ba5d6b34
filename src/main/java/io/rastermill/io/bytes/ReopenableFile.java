package io.rastermill.io.bytes;

import java.io.IOException;

/**
 * A file looked up once (that it exists, is a file, its length), then opened again for each read without asking its
 * file system again: for a caller that keeps a file open only while it reads a window and reads many windows. On S3A
 * a lookup is a HEAD request, so opening by name each time would add a HEAD beside every window's GET. Obtained from
 * {@link RangeReaders#locate}.
 *
 * <p>Thread-safe; the file is assumed not to change while it is read.
 */
@FunctionalInterface
public interface ReopenableFile {

    /** A new reader of the file, which the caller closes; no lookup of the file's status. */
    RangeReader open() throws IOException;
}
