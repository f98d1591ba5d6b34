package io.rastermill.io.bytes;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads through Hadoop's {@link FileSystem} API (file://, hdfs://, s3a://, …) with positioned
 * {@link FSDataInputStream#readFully(long, byte[], int, int)}, which leaves the stream position alone
 * and is thread-safe. The {@code FileSystem} instance comes from Hadoop's cache and is not closed here.
 */
public final class HadoopRangeReader implements RangeReader {

    private final String location;
    private final FSDataInputStream in;
    private final long length;

    private HadoopRangeReader(String location, FSDataInputStream in, long length) {
        this.location = location;
        this.in = in;
        this.length = length;
    }

    /**
     * Opens {@code uri}.
     *
     * @throws FileNotFoundException naming the URI if it does not exist or is a directory
     */
    public static HadoopRangeReader open(String uri, Configuration conf) throws IOException {
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
        return new HadoopRangeReader(uri, fs.open(path), status.getLen());
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        RangeReader.checkRange(this, position, len);
        in.readFully(position, dst, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "HadoopRangeReader[" + location + "]";
    }
}
