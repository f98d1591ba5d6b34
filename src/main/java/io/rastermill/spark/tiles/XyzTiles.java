package io.rastermill.spark.tiles;

import io.rastermill.core.cell.DataType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tiles.ColorRamp;
import io.rastermill.core.tiles.TileDownsample;
import io.rastermill.core.tiles.TileRange;
import io.rastermill.core.tiles.TileRenderer;
import io.rastermill.core.tiles.TileStyle;
import io.rastermill.core.tiles.WebMercatorTiles;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.bytes.SmallFiles;
import io.rastermill.io.bytes.WriteLeftovers;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.SegmentCompressor;
import io.rastermill.io.png.PngEncoder;
import io.rastermill.spark.RastermillConf;
import io.rastermill.spark.layer.HadoopConf;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpSource;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * XYZ web tiles ({@code DIR/{z}/{x}/{y}.png}, 256² RGBA or grey + alpha PNGs in EPSG:3857) from GeoTIFFs, the tile
 * set {@code gdal2tiles.py --xyz} writes for the same source and zooms.
 *
 * <p><b>Tile set.</b> The sources' extent is gdalwarp's default grid in EPSG:3857 (as gdal2tiles' warped VRT; a
 * source already in EPSG:3857 keeps its grid). At every zoom the tiles are those {@link WebMercatorTiles#range}
 * gives for that grid, all of them written, the empty ones transparent, as gdal2tiles does; with
 * {@link XyzTileOptions#excludeTransparent} (gdal2tiles' {@code -x}) the fully transparent top-zoom tiles are left
 * out, and a lower tile is written only when one of its children is (even if halving leaves it transparent, as
 * gdal2tiles writes a parent of any child it finds).
 *
 * <p><b>How it runs.</b> The top zoom's tiles are each warped from the sources on the executors (a tile reads only
 * its source window). Each lower zoom is built from the one below: the children's pixels are shuffled to their
 * parent (at most four 256² RGBA tiles, the rasters of one zoom are a quarter of the one above) and halved by
 * {@link TileDownsample} with the same method. Every PNG is written by the executor that made it, into a hidden
 * directory beside {@code DIR} that is renamed to {@code DIR} when the pyramid is complete, so a failed run leaves
 * nothing that looks like a pyramid. Output names are built from tile numbers only: nothing leaves {@code DIR}.
 */
public final class XyzTiles {
    private static final int PNG_LEVEL = 6;
    /** Web Mercator's latitude limit, where the square world ends (gdal2tiles' MAX_LAT). */
    static final double MAX_LATITUDE = 85.0511287798066;

    private XyzTiles() {}

    /** What was written: tiles per zoom from {@code minZoom}, and the value range the colours span (NaN if none). */
    public record Result(String directory, int minZoom, long[] tilesPerZoom, double scaleMin, double scaleMax) {
        public long tiles() {
            long n = 0;
            for (long t : tilesPerZoom) {
                n += t;
            }
            return n;
        }
    }

    /** The EPSG:3857 grid gdal2tiles would tile: a source already in EPSG:3857 as it is, else gdalwarp's default. */
    public static WarpGrid mercatorGrid(GeoTiffWarp sources) {
        List<WarpSource> s = sources.sources();
        if (s.size() == 1 && isWebMercator(s.get(0).grid().crs())) {
            return new WarpGrid(Crs.WEB_MERCATOR, s.get(0).grid().grid());
        }
        List<WarpGrid> grids = new ArrayList<>();
        for (WarpSource w : s) {
            grids.add(clippedToMercator(w.grid()));
        }
        return TargetGridSpec.defaults(Crs.WEB_MERCATOR, Long.MAX_VALUE).resolve(grids);
    }

    /**
     * A geographic grid reaching beyond ±{@link #MAX_LATITUDE} (where Web Mercator goes to infinity) cut there, as
     * gdal2tiles cuts it before warping; the result only sizes the target grid, the cells are still read from the
     * source. Other grids as they are.
     */
    static WarpGrid clippedToMercator(WarpGrid g) {
        RasterExtent r = g.grid();
        Extent e = r.extent();
        if (!g.crs().isGeographic() || (e.ymax() <= MAX_LATITUDE && e.ymin() >= -MAX_LATITUDE)) {
            return g;
        }
        double ymax = Math.min(e.ymax(), MAX_LATITUDE);
        double ymin = Math.max(e.ymin(), -MAX_LATITUDE);
        if (!(ymin < ymax)) {
            throw new IllegalArgumentException(
                    "the source lies beyond ±" + MAX_LATITUDE + "° latitude, outside Web Mercator");
        }
        int rows = Math.max(1, (int) Math.round((ymax - ymin) / r.cellHeight()));
        return new WarpGrid(g.crs(), RasterExtent.of(new Extent(e.xmin(), ymin, e.xmax(), ymax), r.cols(), rows));
    }

    /** The tiles of every zoom of {@code options}, lowest first. */
    public static List<TileRange> ranges(WarpGrid mercator, XyzTileOptions options) {
        RasterExtent g = mercator.grid();
        List<TileRange> ranges = new ArrayList<>();
        for (int z = options.minZoom(); z <= options.maxZoom(); z++) {
            ranges.add(
                    WebMercatorTiles.range(z, g.extent().xmin(), g.extent().ymax(), g.cols(), g.rows(), g.cellWidth()));
        }
        return ranges;
    }

    /**
     * Writes the pyramid of {@code sources} to the directory {@code dir} (a path or Hadoop URI).
     *
     * @param written counts tiles as they are written or left out (for a progress line over all the zooms'
     *                tiles), or null
     * @throws IllegalArgumentException naming the problem for sources tiles cannot show, too many tiles, or an
     *                                  existing {@code dir} without overwrite
     */
    public static Result write(
            SparkSession spark, GeoTiffWarp sources, String dir, XyzTileOptions options, LongAccumulator written)
            throws IOException {
        WarpGrid mercator;
        try {
            mercator = mercatorGrid(sources);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tiles: the sources in EPSG:3857: " + e.getMessage(), e);
        }
        List<TileRange> ranges = ranges(mercator, options);
        long total = 0;
        for (TileRange r : ranges) {
            total += r.count();
        }
        if (total > options.maxTiles()) {
            throw new IllegalArgumentException("tiles: zooms " + options.minZoom() + "-" + options.maxZoom() + " make "
                    + total + " tiles, more than the limit of " + options.maxTiles() + " (--max-tiles)");
        }
        TileStyle style = style(spark, sources, options);
        boolean grey = style.isGrey(sources.bandCount());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        FileSystem fs = fileSystem(dir, conf);
        Path target = qualified(dir, fs);
        if (fs.exists(target) && !options.overwrite()) {
            throw new FileAlreadyExistsException(dir + ": already exists; remove it or ask for --overwrite");
        }
        Path parent = target.getParent();
        if (parent == null || !fs.mkdirs(parent)) {
            throw new IOException(dir + ": cannot create the parent directory " + parent);
        }
        Path temp = WriteLeftovers.besideDir(target, "tiles");
        boolean committed = false;
        List<JavaPairRDD<Long, byte[]>> persisted = new ArrayList<>();
        try {
            if (!fs.mkdirs(temp)) {
                throw new IOException(dir + ": cannot create the temporary directory " + temp);
            }
            TileRange top = ranges.get(ranges.size() - 1);
            JavaRDD<Long> keys = jsc.parallelize(keys(top), partitions(top.count(), jsc.defaultParallelism()));
            JavaPairRDD<Long, byte[]> level = keys.mapPartitionsToPair(
                    new BaseTileTask(
                            sources.sources(),
                            top,
                            options,
                            style,
                            new HadoopConf(conf),
                            RastermillConf.blockCacheBytes(spark.sparkContext().getConf())),
                    true);
            if (options.excludeTransparent()) {
                // gdal2tiles -x: a fully transparent top-zoom tile is not written; the lower zooms then only get
                // parents of tiles that are, as gdal2tiles builds a parent only from the child tiles it finds
                level = level.filter(kv -> !TileRenderer.transparent(kv._2()));
            }
            long[] counts = new long[ranges.size()];
            String tempUri = temp.toUri().toString();
            HadoopConf hconf = new HadoopConf(conf);
            for (int i = ranges.size() - 1; i >= 0; i--) {
                int z = ranges.get(i).zoom();
                level = level.persist(StorageLevel.MEMORY_AND_DISK());
                persisted.add(level);
                counts[i] = level.mapPartitions(pngWriter(tempUri, z, grey, hconf, written))
                        .reduce(Long::sum);
                if (written != null) {
                    // tiles -x leaves out tiles: count them as done, so a progress line over every tile of the
                    // zooms reaches its total
                    written.add(ranges.get(i).count() - counts[i]);
                }
                if (i > 0) {
                    level = parents(level, options, partitions(ranges.get(i - 1).count(), jsc.defaultParallelism()));
                }
            }
            commit(fs, temp, target, dir, options.overwrite());
            committed = true;
            return new Result(target.toString(), options.minZoom(), counts, style.min(), style.max());
        } finally {
            for (JavaPairRDD<Long, byte[]> p : persisted) {
                p.unpersist(false);
            }
            if (!committed) {
                fs.delete(temp, true);
            }
        }
    }

    /** The colours: Byte bands as they are; a ramp or a non-Byte band over the given or measured value range. */
    static TileStyle style(SparkSession spark, GeoTiffWarp sources, XyzTileOptions options) throws IOException {
        int bands = sources.bandCount();
        boolean bytes = sources.sources().stream().allMatch(s -> s.cellType().dataType() == DataType.UINT8);
        if (options.ramp() == null && bytes) {
            TileRenderer.colourBands(bands, TileStyle.bytes());
            return TileStyle.bytes();
        }
        if (bands > 2) {
            throw new IllegalArgumentException(
                    options.ramp() != null
                            ? "tiles: a colour ramp needs a single band, the sources have " + bands
                            : "tiles: " + bands
                                    + "-band sources must be Byte to be shown as RGB(A); convert them first");
        }
        ColorRamp ramp = options.ramp() == null ? ColorRamp.GREY : options.ramp();
        if (options.hasScale()) {
            return TileStyle.ramp(ramp, options.scaleMin(), options.scaleMax());
        }
        CellStatistics acc = new CellStatistics();
        for (WarpSource s : sources.sources()) {
            acc = acc.merge(TileLayers.readGeoTiff(spark, s.uri())
                    .aggregate(new CellStatistics(), (a, t) -> a.add(t), (a, b) -> a.merge(b)));
        }
        Statistics st = acc.finish();
        if (st.dataCells() == 0) {
            throw new IllegalArgumentException("tiles: band 1 of the sources holds only NoData; nothing to colour");
        }
        return TileStyle.ramp(ramp, st.min(), st.max());
    }

    /** Every tile of the next zoom down: children moved to their parent (a shuffle of PNG-sized tiles) and halved. */
    private static JavaPairRDD<Long, byte[]> parents(
            JavaPairRDD<Long, byte[]> level, XyzTileOptions options, int partitions) {
        int n = WebMercatorTiles.TILE_SIZE;
        return level.mapToPair(kv -> {
                    int x = x(kv._1());
                    int y = y(kv._1());
                    return new Tuple2<>(key(x >> 1, y >> 1), new Tuple2<>((y & 1) * 2 + (x & 1), kv._2()));
                })
                .groupByKey(partitions)
                .mapPartitionsToPair(
                        it -> {
                            TileDownsample halve = new TileDownsample(options.resampling(), n);
                            List<Tuple2<Long, byte[]>> out = new ArrayList<>();
                            while (it.hasNext()) {
                                Tuple2<Long, Iterable<Tuple2<Integer, byte[]>>> kv = it.next();
                                byte[] mosaic = new byte[4 * 4 * n * n];
                                for (Tuple2<Integer, byte[]> child : kv._2()) {
                                    int ox = (child._1() & 1) * n;
                                    int oy = (child._1() >> 1) * n;
                                    for (int r = 0; r < n; r++) {
                                        System.arraycopy(
                                                child._2(), 4 * r * n, mosaic, 4 * ((oy + r) * 2 * n + ox), 4 * n);
                                    }
                                }
                                out.add(new Tuple2<>(kv._1(), halve.halve(mosaic)));
                            }
                            return out.iterator();
                        },
                        true);
    }

    private static FlatMapFunction<Iterator<Tuple2<Long, byte[]>>, Long> pngWriter(
            String tempUri, int zoom, boolean grey, HadoopConf conf, LongAccumulator written) {
        int n = WebMercatorTiles.TILE_SIZE;
        return it -> {
            Path root = new Path(URI.create(tempUri));
            FileSystem fs = fileSystem(tempUri, conf.get());
            long count = 0;
            // one compressor for the partition: a native one allocates its tables per instance
            try (SegmentCompressor deflate = Compression.DEFLATE.newCompressor(PNG_LEVEL)) {
                while (it.hasNext()) {
                    Tuple2<Long, byte[]> kv = it.next();
                    if (!fs.exists(root)) {
                        throw new IOException(tempUri + ": temporary directory is gone; the write was abandoned");
                    }
                    int x = x(kv._1());
                    int y = y(kv._1());
                    Path p = new Path(root, zoom + "/" + x + "/" + y + ".png");
                    byte[] png = PngEncoder.encode(kv._2(), n, n, grey, deflate);
                    try {
                        SmallFiles.writeNew(fs, p, png);
                    } catch (IOException e) {
                        throw new IOException(
                                p + ": writing tile " + zoom + "/" + x + "/" + y + ": " + e.getMessage(), e);
                    }
                    count++;
                    if (written != null) {
                        written.add(1);
                    }
                }
            }
            return List.of(count).iterator();
        };
    }

    private static void commit(FileSystem fs, Path temp, Path target, String dir, boolean overwrite)
            throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new FileAlreadyExistsException(dir + ": appeared while writing; not replaced");
            }
            old = WriteLeftovers.besideDir(target, "old");
            if (!fs.rename(target, old)) {
                throw new IOException(dir + ": cannot move the existing directory aside");
            }
        }
        if (!fs.rename(temp, target)) {
            throw new IOException(dir + ": cannot rename " + temp + " into place"
                    + (old != null && !fs.rename(old, target) ? "; the previous directory is left at " + old : ""));
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Local paths use the raw local file system (no .crc files beside every PNG); URIs their own. */
    private static FileSystem fileSystem(String dir, Configuration conf) throws IOException {
        URI u = URI.create(dir.replace('\\', '/').replace(" ", "%20"));
        if (u.getScheme() == null || u.getScheme().length() < 2 || u.getScheme().equals("file")) {
            return FileSystem.getLocal(conf).getRawFileSystem();
        }
        return FileSystem.get(u, conf);
    }

    private static Path qualified(String dir, FileSystem fs) {
        URI u = URI.create(dir.replace('\\', '/').replace(" ", "%20"));
        if (u.getScheme() == null || u.getScheme().length() < 2) {
            return fs.makeQualified(new Path(
                    new File(dir).getAbsoluteFile().toPath().normalize().toUri()));
        }
        return fs.makeQualified(new Path(u));
    }

    private static List<Long> keys(TileRange r) {
        List<Long> keys = new ArrayList<>((int) r.count());
        for (int y = r.minY(); y <= r.maxY(); y++) {
            for (int x = r.minX(); x <= r.maxX(); x++) {
                keys.add(key(x, y));
            }
        }
        return keys;
    }

    private static int partitions(long tiles, int parallelism) {
        return (int) Math.max(1, Math.min(tiles, Math.max(parallelism, tiles / 16)));
    }

    private static boolean isWebMercator(Crs crs) {
        return crs.epsgCode().isPresent()
                && (crs.epsgCode().getAsInt() == 3857 || crs.epsgCode().getAsInt() == 900913);
    }

    static long key(int x, int y) {
        return (long) x << 32 | (y & 0xffffffffL);
    }

    static int x(long key) {
        return (int) (key >>> 32);
    }

    static int y(long key) {
        return (int) key;
    }
}
