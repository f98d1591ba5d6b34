package io.rastermill.spark.write.vrt;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.bytes.WriteLeftovers;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.layer.TileLayer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Writes a {@link TileLayer} as a directory of GeoTIFF tiles plus a GDAL VRT mosaicking them:
 *
 * <pre>
 * target/
 *   &lt;name&gt;.vrt          written by the driver; SimpleSource per tile, paths relative to the VRT
 *   tiles/&lt;row&gt;/&lt;col&gt;.tif  one tiled GeoTIFF per layout key, written by the executors
 * </pre>
 *
 * Edge tiles are cropped to the raster, so the mosaic has the raster's exact size. Each tile file is
 * georeferenced on its own too (its extent, the layer's EPSG CRS and NoData), so it is usable alone.
 *
 * <h2>Atomicity</h2>
 * Everything is written into a hidden sibling {@code .<target>.tmp-<uuid>}, which is renamed onto the
 * target when the VRT is written; on any failure it is deleted and the target is left as it was. An
 * existing target is refused unless {@link TileDirectoryOptions#overwrite()}; then it is first moved
 * aside, the new directory renamed into place, and the old one deleted.
 *
 * <p>Paths: a plain local path or {@code file:} URI (written without Hadoop checksum files), or any
 * Hadoop URI ({@code hdfs://}, {@code s3a://}; on object stores renames are copies, so the directory is
 * not atomic there). The Hadoop configuration is the Spark context's.
 */
public final class TileDirectoryWriter {
    /** Where the tile files go, relative to the target directory. */
    public static final String TILES_DIR = "tiles";
    /** How long a failed write waits for its still-running tasks before deleting the temporary directory. */
    static final long DRAIN_MILLIS = 30_000;

    private static final String JOB_GROUP = "spark.jobGroup.id";

    private TileDirectoryWriter() {}

    /** What was written. */
    public record Result(String directory, String vrt, int tileCount) {}

    public static Result write(TileLayer layer, String target) throws IOException {
        return write(layer, target, TileDirectoryOptions.defaults());
    }

    /**
     * Writes {@code layer} to the directory {@code target}.
     *
     * @throws FileAlreadyExistsException if {@code target} exists and overwriting was not asked for
     * @throws IOException naming the target if a tile or the VRT cannot be written (nothing is left behind)
     */
    public static Result write(TileLayer layer, String target, TileDirectoryOptions options) throws IOException {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        TileLayerMetadata md = layer.metadata();
        if (layer.cols() > Integer.MAX_VALUE || layer.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(target + ": raster " + layer.cols() + "x" + layer.rows()
                    + " is larger than a VRT can describe (2^31-1 cells a side)");
        }
        int width = (int) layer.cols();
        int height = (int) layer.rows();
        LayoutDefinition layout = md.layout();
        GeoTiffWriteOptions tileOptions = options.tileOptionsFor(layout.tileCols(), layout.tileRows());
        tileOptions.checkFor(md.cellType());

        Configuration conf = layer.rdd().context().hadoopConfiguration();
        Location loc = Location.of(target, conf);
        FileSystem fs = loc.fs;
        Path dir = loc.path;
        String name = options.vrtName().orElse(dir.getName());
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    target + ": cannot name the VRT after a root directory; give a VRT name");
        }
        if (fs.exists(dir) && !options.overwrite()) {
            throw new FileAlreadyExistsException(target + ": already exists; remove it or ask for overwrite");
        }
        Path parent = dir.getParent();
        if (!fs.mkdirs(parent)) {
            throw new IOException(target + ": cannot create the parent directory " + parent);
        }
        Path temp = WriteLeftovers.besideDir(dir, "tmp");
        boolean committed = false;
        try {
            if (!fs.mkdirs(temp)) {
                throw new IOException(target + ": cannot create the temporary directory " + temp);
            }
            List<VrtSource> sources =
                    new ArrayList<>(writeTiles(layer, temp.toUri().toString(), tileOptions));
            sources.sort(Comparator.comparingInt(VrtSource::row).thenComparingInt(VrtSource::col));
            GeoTransform gt = new GeoTransform(
                    layout.extent().xmin(),
                    layout.cellSize().width(),
                    0,
                    layout.extent().ymax(),
                    0,
                    -layout.cellSize().height());
            String xml = VrtDocument.xml(width, height, md.cellType(), gt, md.crs(), tileOptions.blockSize(), sources);
            Path vrt = new Path(temp, name + ".vrt");
            try (FSDataOutputStream out = fs.create(vrt, false)) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            commit(fs, temp, dir, options.overwrite(), target);
            committed = true;
            return new Result(dir.toString(), new Path(dir, name + ".vrt").toString(), sources.size());
        } catch (Exception e) { // SparkException is checked but undeclared by collect()
            if (e instanceof IOException io
                    && io.getMessage() != null
                    && io.getMessage().startsWith(target)) {
                throw io;
            }
            throw new IOException(target + ": writing the tile directory failed: " + e.getMessage(), e);
        } finally {
            if (!committed) {
                deleteQuietly(fs, temp);
            }
        }
    }

    private static void commit(FileSystem fs, Path temp, Path dir, boolean overwrite, String target)
            throws IOException {
        Path old = null;
        if (fs.exists(dir)) {
            if (!overwrite) {
                throw new FileAlreadyExistsException(target + ": appeared while writing; not replaced");
            }
            old = WriteLeftovers.besideDir(dir, "old");
            if (!fs.rename(dir, old)) {
                throw new IOException(target + ": cannot move the existing directory aside to " + old);
            }
        }
        if (!fs.rename(temp, dir)) {
            if (old != null && !fs.rename(old, dir)) {
                throw new IOException(target + ": cannot rename " + temp + " into place, and the previous directory "
                        + "is left at " + old);
            }
            throw new IOException(target + ": cannot rename " + temp + " into place");
        }
        if (old != null) {
            deleteQuietly(fs, old);
        }
    }

    private static void deleteQuietly(FileSystem fs, Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException ignored) {
            // best effort: the failure being reported matters more
        }
    }

    /**
     * One Spark job: every in-raster tile into {@code <tempUri>/tiles/<row>/<col>.tif}. If the job fails,
     * this returns only once none of its tasks is still running (at most {@link #DRAIN_MILLIS}), so the
     * caller's clean-up is not undone by a straggler writing one more tile.
     */
    private static List<VrtSource> writeTiles(TileLayer layer, String tempUri, GeoTiffWriteOptions options) {
        SparkContext sc = layer.rdd().context();
        String group = "rastermill-vrt-" + UUID.randomUUID();
        String previous = sc.getLocalProperty(JOB_GROUP);
        sc.setLocalProperty(JOB_GROUP, group);
        try {
            return collectTiles(layer, tempUri, options, sc.hadoopConfiguration());
        } catch (Exception e) { // also SparkException, checked but undeclared by collect(): rethrown as is
            drain(sc, group);
            throw e;
        } finally {
            sc.setLocalProperty(JOB_GROUP, previous);
        }
    }

    /** Waits until the group's jobs have no running task (as the status tracker sees it), bounded. */
    private static void drain(SparkContext sc, String group) {
        SparkStatusTracker tracker = sc.statusTracker();
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            int active = 0;
            for (int job : tracker.getJobIdsForGroup(group)) {
                SparkJobInfo info = tracker.getJobInfo(job).getOrElse(() -> null);
                if (info == null) {
                    continue;
                }
                for (int stage : info.stageIds()) {
                    SparkStageInfo si = tracker.getStageInfo(stage).getOrElse(() -> null);
                    active += si == null ? 0 : si.numActiveTasks();
                }
            }
            if (active == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<VrtSource> collectTiles(
            TileLayer layer, String tempUri, GeoTiffWriteOptions options, Configuration conf) {
        TileLayerMetadata md = layer.metadata();
        TileEncoding encoding = TileEncoding.of(options);
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        int tileCols = md.layout().tileCols();
        int tileRows = md.layout().tileRows();
        return layer.innerTiles()
                .mapPartitions((Iterator<Tuple2<SpatialKey, Tile>> it) -> {
                    List<VrtSource> written = new ArrayList<>();
                    GeoTiffWriteOptions o = encoding.options();
                    Path temp = new Path(URI.create(tempUri));
                    FileSystem fs = temp.getFileSystem(sconf.value());
                    while (it.hasNext()) {
                        Tuple2<SpatialKey, Tile> kv = it.next();
                        SpatialKey k = kv._1();
                        if (!fs.exists(temp)) {
                            // the job failed elsewhere and the driver cleaned up: do not bring the directory back
                            throw new IOException(tempUri + ": temporary directory is gone; the write was abandoned");
                        }
                        String rel = TILES_DIR + "/" + k.row() + "/" + k.col() + ".tif";
                        writeTile(tempUri + "/" + rel, k, kv._2(), md, o, sconf.value());
                        written.add(new VrtSource(
                                k.col(),
                                k.row(),
                                k.col() * tileCols,
                                k.row() * tileRows,
                                kv._2().cols(),
                                kv._2().rows(),
                                rel));
                    }
                    return written.iterator();
                })
                .collect();
    }

    static void writeTile(
            String uri, SpatialKey key, Tile tile, TileLayerMetadata md, GeoTiffWriteOptions o, Configuration conf)
            throws IOException {
        Extent e = md.mapTransform().keyToExtent(key);
        LayoutDefinition layout = md.layout();
        CellType ct = md.cellType();
        RasterDescription d = RasterDescription.of(tile.cols(), tile.rows(), 1, ct)
                .withTransform(new GeoTransform(
                        e.xmin(),
                        layout.cellSize().width(),
                        0,
                        e.ymax(),
                        0,
                        -layout.cellSize().height()));
        Crs crs = md.crs();
        if (crs != null && crs.epsgCode().isPresent()) {
            d = d.withCrs(crs);
        }
        Tile t = tile.cellType().equals(ct) ? tile : tile.convert(ct);
        int s = o.blockSize();
        try (GeoTiffWriter w = GeoTiffWriter.create(uri, d, o, conf)) {
            for (int br = 0; br < w.blocksDown(); br++) {
                for (int bc = 0; bc < w.blocksAcross(); bc++) {
                    int c0 = bc * s;
                    int r0 = br * s;
                    int c1 = Math.min(t.cols(), c0 + s) - 1;
                    int r1 = Math.min(t.rows(), r0 + s) - 1;
                    Tile block =
                            c0 == 0 && r0 == 0 && c1 == t.cols() - 1 && r1 == t.rows() - 1 ? t : t.crop(c0, r0, c1, r1);
                    w.writeBlock(bc, br, MultibandTile.of(block));
                }
            }
            w.finish();
        } catch (IOException | RuntimeException ex) {
            throw new IOException(uri + ": tile " + key + ": " + ex.getMessage(), ex);
        }
    }

    /** A target as a file system and a qualified path; local paths use the raw file system (no .crc files). */
    private record Location(FileSystem fs, Path path) {
        static Location of(String target, Configuration conf) throws IOException {
            String scheme = RangeReaders.schemeOf(target);
            if (scheme == null || scheme.equalsIgnoreCase("file")) {
                java.nio.file.Path p = scheme == null ? Paths.get(target) : Paths.get(URI.create(target));
                try {
                    // not p.toUri(): for an existing directory it ends in '/', and the name would be empty
                    return new Location(
                            FileSystem.getLocal(conf).getRawFileSystem(),
                            new Path(new URI(
                                    "file", null, p.toAbsolutePath().normalize().toString(), null)));
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(target + ": not a usable local path: " + e.getMessage(), e);
                }
            }
            Path p = new Path(URI.create(target));
            FileSystem fs = p.getFileSystem(conf);
            return new Location(fs, fs.makeQualified(p));
        }
    }
}
