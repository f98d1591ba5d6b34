package io.rastermill.io.geotiff;

import io.rastermill.io.bytes.FileReplacement;
import io.rastermill.io.bytes.ObjectStoreWrites;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.bytes.WriteLeftovers;
import io.rastermill.io.codec.Compression;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of writing a tiled GeoTIFF/COG, once every block of every level is encoded somewhere:
 * plans the layout ({@link TiffFileLayout}: header and all IFDs first, then the tiles; COG: smallest
 * overview first) from the encoded lengths, and streams the head and then each block, in file order,
 * from a {@link BlockSource} into a temporary file beside the target; checks the length and renames it
 * onto the target in one replacing rename ({@link FileReplacement}: a kill at any moment leaves the old file or
 * the new one). On any failure the temporary file is deleted and the
 * target is untouched. {@link GeoTiffWriter} assembles from its spill file; a distributed writer from
 * part files its tasks wrote.
 *
 * <p>Also the shared geometry rules: the levels of a raster ({@link #levels}), the BigTIFF decision
 * ({@link #bigTiff}) and how a location becomes a file system and path ({@link Target#resolve}).
 * Stateless; thread-safe.
 */
public final class GeoTiffAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(GeoTiffAssembler.class);

    private GeoTiffAssembler() {}

    /** One level's size in pixels and in blocks; level 0 is the full resolution. */
    public record Level(int width, int height, int across, int down) {
        public int blocks() {
            return across * down;
        }
    }

    /** Where the bytes of block {@code block} (row-major) of level {@code level} come from. */
    @FunctionalInterface
    public interface BlockSource {
        /** Writes exactly {@code length} bytes of the block to {@code out} (and does not close it). */
        void write(int level, int block, int length, OutputStream out) throws IOException;

        /**
         * Writes exactly {@code length} bytes of the block at {@code out}'s position, into a local target. By
         * default through {@link #write}; a source whose blocks lie in local files overrides it with
         * {@link FileChannel#transferTo}, so the kernel copies them without a pass through the heap.
         */
        default void transfer(int level, int block, int length, FileChannel out) throws IOException {
            write(level, block, length, Channels.newOutputStream(out));
        }
    }

    /**
     * A target file and the Hadoop file system holding it.
     *
     * @param location the target as the caller gave it (for messages)
     */
    public record Target(String location, FileSystem fs, Path path) {
        public Target {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(fs, "fs");
            Objects.requireNonNull(path, "path");
        }

        /**
         * A plain local path or {@code file:} URI (on the raw local file system: no checksum files), or any
         * Hadoop URI ({@code hdfs://}, {@code s3a://}).
         */
        public static Target resolve(String uriOrPath, Configuration conf) throws IOException {
            String scheme = RangeReaders.schemeOf(uriOrPath);
            if (scheme == null || scheme.equalsIgnoreCase("file")) {
                java.nio.file.Path local = scheme == null ? Paths.get(uriOrPath) : Paths.get(URI.create(uriOrPath));
                return new Target(
                        uriOrPath,
                        FileSystem.getLocal(conf).getRawFileSystem(),
                        new Path(local.toAbsolutePath().toUri()));
            }
            Path p = new Path(URI.create(uriOrPath));
            return new Target(uriOrPath, p.getFileSystem(conf), p);
        }
    }

    /** The full resolution and each overview level (halving, rounding up) the options ask for. */
    public static List<Level> levels(RasterDescription d, GeoTiffWriteOptions o) {
        int s = o.blockSize();
        List<Level> levels = new ArrayList<>();
        int w = d.width();
        int h = d.height();
        int overviews = o.overviewLevels(w, h);
        for (int k = 0; k <= overviews; k++) {
            levels.add(new Level(w, h, (w + s - 1) / s, (h + s - 1) / s));
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        return List.copyOf(levels);
    }

    /**
     * Whether the file is a BigTIFF: as the options say, or (AUTO) when the uncompressed size estimate
     * passes 4 GiB, as GDAL's IF_SAFER.
     *
     * @throws IllegalArgumentException if BigTIFF is NO for an uncompressed file that will pass 4 GiB, or
     *                                  level 0 has too many blocks
     */
    public static boolean bigTiff(String location, RasterDescription d, GeoTiffWriteOptions o, List<Level> levels) {
        long estimate = estimate(d, o, levels);
        boolean big = switch (o.bigTiff()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> estimate > 0xFFFFFFFFL;
        };
        if (!big && estimate > 0xFFFFFFFFL && o.compression() == Compression.NONE) {
            throw new IllegalArgumentException(location + ": BigTIFF NO, but the uncompressed file needs about "
                    + estimate + " bytes, more than the 4 GiB a classic TIFF can address; use BigTiffMode.YES or AUTO");
        }
        if ((long) levels.get(0).blocks() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    location + ": " + levels.get(0).blocks() + " blocks are too many; use larger blocks");
        }
        return big;
    }

    /** The uncompressed size of all levels plus IFDs: what GDAL's IF_SAFER judges by. */
    private static long estimate(RasterDescription d, GeoTiffWriteOptions o, List<Level> levels) {
        long s = o.blockSize();
        long tileBytes = (s * d.bandCount() * d.cellType().bits() + 7) / 8 * s;
        long total = 16;
        for (Level g : levels) {
            total += (long) g.blocks() * tileBytes + TiffFileLayout.headEstimate(g.blocks());
        }
        return total;
    }

    /**
     * Plans the file from the encoded lengths ({@code lengths.get(k)[block]}, row-major per level) and
     * writes it atomically to {@code target}. Returns the file's length.
     *
     * @throws GeoTiffWriteException naming the target: a classic TIFF past 4 GiB, a source that wrote the
     *                               wrong number of bytes, a length mismatch, a failed rename
     * @throws IOException           from the file system or the source (the temporary file is deleted)
     */
    public static long assemble(
            Target target,
            RasterDescription d,
            GeoTiffWriteOptions o,
            boolean bigTiff,
            List<Level> levels,
            List<int[]> lengths,
            BlockSource source)
            throws IOException {
        if (levels.size() != lengths.size()) {
            throw new IllegalArgumentException(levels.size() + " levels but " + lengths.size() + " length arrays");
        }
        List<TiffFileLayout.Level> planned = new ArrayList<>(levels.size());
        for (int k = 0; k < levels.size(); k++) {
            Level g = levels.get(k);
            if (lengths.get(k).length != g.blocks()) {
                throw new IllegalArgumentException(
                        "level " + k + " has " + g.blocks() + " blocks but " + lengths.get(k).length + " lengths");
            }
            planned.add(new TiffFileLayout.Level(g.width(), g.height(), g.across(), g.down(), lengths.get(k)));
        }
        TiffFileLayout layout = TiffFileLayout.plan(d, o, bigTiff, planned);
        String location = target.location();
        if (layout.exceedsClassic()) {
            throw new GeoTiffWriteException(
                    location,
                    "the file would be " + layout.length()
                            + " bytes, past the 4 GiB of a classic TIFF, and BigTIFF is NO; use BigTiffMode.YES or AUTO");
        }
        FileSystem fs = target.fs();
        if (ObjectStoreWrites.abortable(fs, target.path())) {
            return writeAbortable(target, layout, lengths, source);
        }
        Path tmp = WriteLeftovers.tempFile(target.path());
        boolean done = false;
        try {
            writeTemporary(fs, tmp, location, layout, lengths, source);
            long written = fs.getFileStatus(tmp).getLen();
            if (written != layout.length()) {
                throw new GeoTiffWriteException(
                        location, "wrote " + written + " bytes, the layout says " + layout.length());
            }
            try {
                FileReplacement.replace(fs, tmp, target.path());
            } catch (IOException e) {
                throw new GeoTiffWriteException(
                        location, "cannot rename the temporary file " + tmp + " onto the target: " + e, e);
            }
            done = true;
            return layout.length();
        } finally {
            if (!done) {
                try {
                    fs.delete(tmp, false);
                } catch (IOException ignored) {
                    // best effort: the name starts with '.' and ends with .tmp, never mistaken for the target
                }
            }
        }
    }

    /**
     * Logs a warning when files a killed write of this target left are beside it (they hold disk space and
     * nobody removes them), with the command that does. Any write of the same target running now has its
     * own temporary file there too, so the warning says "earlier or concurrent". Writers call it as they
     * begin, before their own temporary files exist. Object stores have none to find (an interrupted upload
     * is not listed).
     */
    public static void warnAboutLeftovers(Target target) {
        Path path = target.path();
        try {
            if (path.getParent() == null || ObjectStoreWrites.abortable(target.fs(), path)) {
                return;
            }
            List<WriteLeftovers.Leftover> found =
                    WriteLeftovers.find(target.fs(), path.getParent(), false, Long.MAX_VALUE);
            found.removeIf(l -> !l.target().equals(path.getName()));
            if (!found.isEmpty()) {
                LOG.warn(
                        "{}: {} leftover(s) of earlier or concurrent writes beside it, e.g. {}; "
                                + "`rastermill clean {}` removes those older than a day",
                        target.location(),
                        found.size(),
                        found.get(0).status().getPath().getName(),
                        path.getParent());
            }
        } catch (IOException e) {
            LOG.debug("{}: could not look for leftovers of earlier writes", target.location(), e);
        }
    }

    /** On an object store: straight to the target, aborted on failure ({@link ObjectStoreWrites}). */
    private static long writeAbortable(Target target, TiffFileLayout layout, List<int[]> lengths, BlockSource source)
            throws IOException {
        String location = target.location();
        ObjectStoreWrites.write(target.fs(), target.path(), out -> {
            writeFile(location, layout, lengths, source, out);
            if (out.getPos() != layout.length()) {
                throw new GeoTiffWriteException(
                        location, "wrote " + out.getPos() + " bytes, the layout says " + layout.length());
            }
        });
        return layout.length();
    }

    /** The file into {@code tmp}: through a file channel on a local disk (blocks may be transferred), else a stream. */
    private static void writeTemporary(
            FileSystem fs, Path tmp, String location, TiffFileLayout layout, List<int[]> lengths, BlockSource source)
            throws IOException {
        if (fs instanceof RawLocalFileSystem raw) {
            fs.mkdirs(tmp.getParent());
            try (FileChannel out = FileChannel.open(
                    raw.pathToFile(tmp).toPath(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.wrap(layout.head());
                while (head.hasRemaining()) {
                    out.write(head);
                }
                writeBlocks(
                        location,
                        layout,
                        lengths,
                        out::position,
                        (level, block, len) -> source.transfer(level, block, len, out));
            }
            return;
        }
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            writeFile(location, layout, lengths, source, out);
        }
    }

    /** The head, then every block in file order, each checked to be the length the layout planned. */
    private static void writeFile(
            String location, TiffFileLayout layout, List<int[]> lengths, BlockSource source, FSDataOutputStream out)
            throws IOException {
        out.write(layout.head());
        writeBlocks(
                location, layout, lengths, out::getPos, (level, block, len) -> source.write(level, block, len, out));
    }

    private interface Position {
        long get() throws IOException;
    }

    private interface BlockWrite {
        void write(int level, int block, int length) throws IOException;
    }

    private static void writeBlocks(
            String location, TiffFileLayout layout, List<int[]> lengths, Position position, BlockWrite write)
            throws IOException {
        for (TiffFileLayout.Placement p : layout.order()) {
            int len = lengths.get(p.level())[p.block()];
            long before = position.get();
            write.write(p.level(), p.block(), len);
            long wrote = position.get() - before;
            if (wrote != len) {
                throw new GeoTiffWriteException(
                        location,
                        "block " + p.block() + " of level " + p.level() + ": the source wrote " + wrote
                                + " bytes, expected " + len);
            }
        }
    }
}
