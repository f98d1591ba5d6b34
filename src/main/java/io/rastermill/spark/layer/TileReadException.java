package io.rastermill.spark.layer;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.io.tiff.TiffFormatException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reading the window of one layout tile from one input file failed on an executor. The message is one
 * line a user can act on: what went wrong, the tile key and the file, e.g.
 * {@code IFD 0: segment 7 (offset 239878, 16466 bytes): Deflate: invalid stream in tile (0, 2) of hdfs://nn/dem.tif}.
 * It travels back to the driver as the cause of Spark's job failure, where the command line prints it.
 */
public final class TileReadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final int col;
    private final int row;

    public TileReadException(String location, SpatialKey key, Throwable cause) {
        super(
                describe(location, cause)
                        + String.format(Locale.ROOT, " in tile (%d, %d) of %s", key.col(), key.row(), location),
                cause);
        this.location = location;
        this.col = key.col();
        this.row = key.row();
    }

    /** The cause's message without a leading "location: " (the message names the file once, at the end). */
    private static String describe(String location, Throwable cause) {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        String loc = cause instanceof TiffFormatException t ? t.location() : location;
        if (m.startsWith(loc + ": ")) {
            m = m.substring(loc.length() + 2);
        }
        if (!(cause instanceof IOException)) {
            m = cause.getClass().getSimpleName() + ": " + m;
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** The file (path or URI) the tile was read from. */
    public String location() {
        return location;
    }

    /** The tile's layout column. */
    public int col() {
        return col;
    }

    /** The tile's layout row. */
    public int row() {
        return row;
    }
}
