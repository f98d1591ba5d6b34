package io.rastermill.io.bytes;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * Reads through Hadoop's {@link FileSystem} API (file://, hdfs://, s3a://, …) with positioned
 * {@link FSDataInputStream#readFully(long, byte[], int, int)}, which leaves the stream position alone
 * and is thread-safe. The {@code FileSystem} instance comes from Hadoop's cache and is not closed here.
 * <p>
 * Files are opened with the random read policy ({@link #READ_POLICY}, {@link #S3A_FADVISE}): a GeoTIFF is read
 * as a header and then scattered blocks, so an object store must answer each read with a GET of that range, not
 * one GET of the rest of the object (S3A's default for a first read). File systems that do not know the
 * options ignore them; the status found on open is handed over, so S3A does not ask for it again, nor on each
 * later open of a file {@link #locate}d once.
 */
public final class HadoopRangeReader extends KnownLengthRangeReader {
    /** Hadoop's standard read-policy option of {@code openFile()} (Hadoop 3.3.5 and later). */
    static final String READ_POLICY = "fs.option.openfile.read.policy";
    /** S3A's own name for it (Hadoop 3.3.0 to 3.3.4, still honoured later). */
    static final String S3A_FADVISE = "fs.s3a.experimental.input.fadvise";

    private final FSDataInputStream in;

    private HadoopRangeReader(String location, FSDataInputStream in, long length) {
        super(location, length);
        this.in = in;
    }

    /**
     * Opens {@code uri}.
     *
     * @throws FileNotFoundException naming the URI if it does not exist or is a directory
     */
    public static HadoopRangeReader open(String uri, Configuration conf) throws IOException {
        return locate(uri, conf).open();
    }

    /**
     * Looks {@code uri} up (one {@code getFileStatus}: a HEAD on S3A) for opening it again and again with that status,
     * which {@code openFile} takes instead of asking again.
     *
     * @throws FileNotFoundException naming the URI if it does not exist or is a directory
     */
    static Located locate(String uri, Configuration conf) throws IOException {
        Path path = new Path(URI.create(uri));
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(uri + " (no such file)");
        }
        if (!status.isFile()) {
            throw new FileNotFoundException(uri + " (not a file)");
        }
        return new Located(uri, fs, path, status);
    }

    /** A Hadoop file and the status found when it was looked up. */
    record Located(String uri, FileSystem fs, Path path, FileStatus status) implements ReopenableFile {
        @Override
        public HadoopRangeReader open() throws IOException {
            FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(path)
                    .opt(READ_POLICY, "random")
                    .opt(S3A_FADVISE, "random")
                    .withFileStatus(status)
                    .build());
            return new HadoopRangeReader(uri, in, status.getLen());
        }
    }

    @Override
    void readInside(long position, byte[] dst, int off, int len) throws IOException {
        in.readFully(position, dst, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The stream's own description (S3A's names its read policy and the range of its current GET); for tests. */
    String streamDescription() {
        return in.toString();
    }
}
