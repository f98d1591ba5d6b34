package io.rastermill.spark.layerstore;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.EmptyBounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.ZOrder;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.HadoopCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.MapFileTiles;
import io.rastermill.spark.JobGroup;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layer.ZOrderPartitioner;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Reads layers from a GeoTrellis catalog (file or Hadoop backend), whether GeoTrellis or Rastermill
 * wrote them: a whole layer, or the tiles meeting key bounds or an extent, reading only the files
 * (file backend) or MapFiles and records (Hadoop backend, seeking by index) whose key index meets
 * the query.
 *
 * <p>File-backend layers come back partitioned by Z-order ranges without a shuffle (the driver
 * knows every key from the file names); Hadoop-backend layers are read one task per MapFile and
 * then partitioned by key. A queried layer's metadata has GeoTrellis's query semantics: bounds
 * clipped to the query, extent clipped to those bounds.
 *
 * <p>Errors name the layer and the file: a missing or malformed attribute, a foreign schema, a
 * truncated or corrupt tile file ({@link LayerStoreException}).
 */
public final class LayerReader {
    /** Keys one query may touch before planning refuses (the driver visits each). */
    static final long MAX_QUERY_KEYS = 50_000_000L;

    private final SparkSession spark;
    private final Catalog catalog;

    private LayerReader(SparkSession spark, Catalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** A reader of the catalog at {@code uri}; {@code backend} null picks it as {@link Catalog#open} does. */
    public static LayerReader open(SparkSession spark, String uri, Catalog.Backend backend) throws IOException {
        return new LayerReader(spark, Catalog.open(uri, spark.sparkContext().hadoopConfiguration(), backend));
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<LayerId> layerIds() throws IOException {
        return catalog.layerIds();
    }

    public LayerAttributes attributes(LayerId id) throws IOException {
        return catalog.readAttributes(id);
    }

    // ------------------------------------------------------------------ single band

    public TileLayer read(LayerId id) throws IOException {
        return read(id, (KeyBounds) null);
    }

    /** The tiles of {@code query} (inclusive key bounds); the metadata's bounds and extent are clipped to it. */
    public TileLayer read(LayerId id, KeyBounds query) throws IOException {
        LayerAttributes a = requireSchema(id, LayerValues.TILES);
        Optional<KeyBounds> q = clip(a, query);
        TileLayerMetadata md = queryMetadata(a.metadata(), q, query != null);
        return TileLayers.fromRdd(q.isEmpty() ? emptyRdd() : readPairs(id, a, q.get(), LayerValues.TILES), md);
    }

    /** The tiles meeting {@code extent} (boundary included, GeoTrellis's {@code Intersects}). */
    public TileLayer read(LayerId id, Extent extent) throws IOException {
        LayerAttributes a = requireSchema(id, LayerValues.TILES);
        return read(id, keyBounds(a.metadata(), extent));
    }

    // ------------------------------------------------------------------ multiband

    public MultibandLayer readMultiband(LayerId id) throws IOException {
        return readMultiband(id, null);
    }

    public MultibandLayer readMultiband(LayerId id, KeyBounds query) throws IOException {
        LayerAttributes a = requireSchema(id, LayerValues.MULTIBAND);
        Optional<KeyBounds> q = clip(a, query);
        TileLayerMetadata md = queryMetadata(a.metadata(), q, query != null);
        JavaPairRDD<SpatialKey, MultibandTile> rdd = q.isEmpty()
                ? JavaPairRDD.fromJavaRDD(
                        JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD())
                : readPairs(id, a, q.get(), LayerValues.MULTIBAND);
        return new MultibandLayer(rdd, md);
    }

    // ------------------------------------------------------------------ planning

    private <V> LayerAttributes requireSchema(LayerId id, LayerValues<SpatialKey, V> values) throws IOException {
        LayerAttributes a = catalog.readAttributes(id);
        if (a.spaceTime()) {
            throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " is a space-time layer (" + a.time()
                    + "); read it with SpaceTimeLayerStore (layer read --start/--end)");
        }
        return requireValues(catalog, id, a, values);
    }

    /** {@code a}, if its records are {@code values}'. @throws LayerStoreException naming the reader to use otherwise */
    static LayerAttributes requireValues(Catalog catalog, LayerId id, LayerAttributes a, LayerValues<?, ?> values) {
        if (a.schema() != values.schema()) {
            throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " stores "
                    + a.schema().valueClass() + " records; read it "
                    + (a.schema().multiband() ? "with readMultiband" : "with read"));
        }
        return a;
    }

    private JavaPairRDD<SpatialKey, Tile> emptyRdd() {
        return JavaPairRDD.fromJavaRDD(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD());
    }

    /** The query (or the whole layer) clipped to the layer's and the key index's bounds; empty if they do not meet. */
    private static Optional<KeyBounds> clip(LayerAttributes a, KeyBounds query) {
        if (!(a.metadata().bounds() instanceof KeyBounds layerBounds)) {
            return Optional.empty();
        }
        KeyBounds q = query == null ? layerBounds : query;
        return intersect(intersect(Optional.of(q), layerBounds), a.keyIndex().keyBounds());
    }

    private static Optional<KeyBounds> intersect(Optional<KeyBounds> a, KeyBounds b) {
        if (a.isEmpty()) {
            return a;
        }
        KeyBounds x = a.get();
        int c0 = Math.max(x.minKey().col(), b.minKey().col());
        int r0 = Math.max(x.minKey().row(), b.minKey().row());
        int c1 = Math.min(x.maxKey().col(), b.maxKey().col());
        int r1 = Math.min(x.maxKey().row(), b.maxKey().row());
        return c0 > c1 || r0 > r1
                ? Optional.empty()
                : Optional.of(new KeyBounds(new SpatialKey(c0, r0), new SpatialKey(c1, r1)));
    }

    /** GeoTrellis's query metadata: bounds = the clipped query; extent = those keys' extent ∩ the data extent. */
    private static TileLayerMetadata queryMetadata(TileLayerMetadata md, Optional<KeyBounds> q, boolean queried) {
        if (!queried) {
            return md;
        }
        if (q.isEmpty()) {
            return new TileLayerMetadata(md.cellType(), md.layout(), md.extent(), md.crs(), EmptyBounds.INSTANCE);
        }
        Extent kbExtent = md.layout().mapTransform().boundsToExtent(q.get().toGridBounds());
        Extent e = kbExtent.intersection(md.extent()).orElse(kbExtent);
        return new TileLayerMetadata(md.cellType(), md.layout(), e, md.crs(), q.get());
    }

    /** The key bounds of the tiles an extent meets, as GeoTrellis's {@code mapTransform(extent)}. */
    public static KeyBounds keyBounds(TileLayerMetadata md, Extent extent) {
        GridBounds gb = md.layout().mapTransform().extentToBounds(extent);
        return new KeyBounds(
                new SpatialKey(Math.toIntExact(gb.colMin()), Math.toIntExact(gb.rowMin())),
                new SpatialKey(Math.toIntExact(gb.colMax()), Math.toIntExact(gb.rowMax())));
    }

    private <V> JavaPairRDD<SpatialKey, V> readPairs(
            LayerId id, LayerAttributes a, KeyBounds q, LayerValues<SpatialKey, V> values) throws IOException {
        String jobGroup = "rastermill layer read " + id.name();
        if (catalog instanceof FileCatalog fc) {
            return readFiles(fc, id, a, q, values);
        }
        try (JobGroup g = JobGroup.enter(spark.sparkContext(), jobGroup, jobGroup + " ← " + catalog.uri(), false)) {
            return readMapFiles(spark, (HadoopCatalog) catalog, id, a, q, values);
        }
    }

    // ------------------------------------------------------------------ file backend

    private <V> JavaPairRDD<SpatialKey, V> readFiles(
            FileCatalog fc, LayerId id, LayerAttributes a, KeyBounds q, LayerValues<SpatialKey, V> values)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(a);
        Set<Long> present = storedTileFiles(fc, id, a).keySet();
        KeyIndex ki = a.keyIndex();
        long n = (long) (q.maxKey().col() - q.minKey().col() + 1)
                * (q.maxKey().row() - q.minKey().row() + 1);
        if (n > MAX_QUERY_KEYS) {
            throw new IllegalArgumentException(id + ": a query of " + n + " keys is too large; narrow it");
        }
        List<Tuple2<SpatialKey, String>> planned = new ArrayList<>();
        for (int r = q.minKey().row(); r <= q.maxKey().row(); r++) {
            for (int c = q.minKey().col(); c <= q.maxKey().col(); c++) {
                SpatialKey k = new SpatialKey(c, r);
                long idx = ki.toIndex(k);
                if (present.contains(idx)) {
                    planned.add(new Tuple2<>(k, dir.resolve(ki.fileName(idx)).toString()));
                }
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (planned.isEmpty()) {
            return JavaPairRDD.fromJavaRDD(jsc.emptyRDD());
        }
        Partitioner p = partitioner(planned, a.metadata(), jsc.defaultParallelism());
        KeyBounds query = q;
        return jsc.parallelizePairs(planned, Math.min(planned.size(), p.numPartitions()))
                .partitionBy(p)
                .mapPartitionsToPair(
                        it -> {
                            List<Tuple2<SpatialKey, V>> out = new ArrayList<>();
                            while (it.hasNext()) {
                                Tuple2<SpatialKey, String> kf = it.next();
                                java.nio.file.Path f = Paths.get(kf._2());
                                List<Map.Entry<SpatialKey, V>> pairs = decodeTileFile(id, f, values);
                                if (pairs == null) {
                                    continue; // deleted since planning: a missing tile
                                }
                                for (Map.Entry<SpatialKey, V> kv : pairs) {
                                    if (kv.getKey().equals(kf._1())) {
                                        out.add(new Tuple2<>(kv.getKey(), kv.getValue()));
                                    } else if (ki.toIndex(kv.getKey()) != ki.toIndex(kf._1())) {
                                        throw new LayerStoreException(id + ": tile file " + f + " holds key "
                                                + kv.getKey() + ", whose index is not the file's");
                                    }
                                }
                            }
                            return out.iterator();
                        },
                        true)
                .filter(kv -> query.includes(kv._1()));
    }

    /**
     * The tile files in a file-backend layer's directory by the index their name gives (a writer's temporary files
     * are not tile files).
     *
     * @throws LayerStoreException if the directory is missing
     */
    static SortedMap<Long, java.nio.file.Path> storedTileFiles(FileCatalog fc, LayerId id, LayerAttributes a)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(a);
        if (!Files.isDirectory(dir)) {
            throw new LayerStoreException(
                    "catalog " + fc.uri() + ": " + id + ": the tile directory " + dir + " is missing");
        }
        SortedMap<Long, java.nio.file.Path> stored = new TreeMap<>();
        try (DirectoryStream<java.nio.file.Path> ds = Files.newDirectoryStream(dir)) {
            for (java.nio.file.Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.length() <= 19 && n.chars().allMatch(Character::isDigit)) {
                    stored.put(Long.parseLong(n), p);
                }
            }
        }
        return stored;
    }

    /**
     * The pairs a tile file holds, or null if it is gone (deleted since it was listed).
     *
     * @throws LayerStoreException naming the layer and the file if it cannot be read or decoded
     */
    static <K, V> List<Map.Entry<K, V>> decodeTileFile(LayerId id, java.nio.file.Path f, LayerValues<K, V> values) {
        try {
            return values.decode(Files.readAllBytes(f));
        } catch (NoSuchFileException e) {
            return null;
        } catch (RuntimeException | IOException e) {
            throw new LayerStoreException(id + ": tile file " + f + ": " + e.getMessage(), e);
        }
    }

    /** Z-order ranges of about {@link TileLayers#DEFAULT_PARTITION_PIXELS} each, at least one per core. */
    private static Partitioner partitioner(
            List<Tuple2<SpatialKey, String>> planned, TileLayerMetadata md, int parallelism) {
        long tilePixels = (long) md.layout().tileCols() * md.layout().tileRows();
        int per = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TileLayers.DEFAULT_PARTITION_PIXELS / tilePixels));
        per = Math.min(per, Math.max(1, (planned.size() + parallelism - 1) / parallelism));
        long[] z = new long[planned.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = ZOrder.index(planned.get(i)._1());
        }
        Arrays.sort(z);
        return ZOrderPartitioner.forSortedIndexes(z, per);
    }

    // ------------------------------------------------------------------ Hadoop backend

    /**
     * The pairs of a Hadoop-backend layer whose spatial keys lie in {@code query} (null: all), one task per MapFile
     * that meets it (every MapFile for a space-time layer, whose index ranges are not planned).
     */
    static <K, V> JavaPairRDD<K, V> readMapFiles(
            SparkSession spark,
            HadoopCatalog hc,
            LayerId id,
            LayerAttributes a,
            KeyBounds query,
            LayerValues<K, V> values)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<MapFileTiles.Range> files = storedMapFiles(hc, id, a, conf);
        KeyIndex ki = a.keyIndex();
        List<long[]> ranges = query == null || a.spaceTime() ? null : ki.indexRanges(query);
        List<MapFileTiles.Range> selected = new ArrayList<>();
        for (MapFileTiles.Range f : files) {
            if (ranges == null || ranges.stream().anyMatch(r -> f.intersects(r[0], r[1]))) {
                selected.add(f);
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (selected.isEmpty()) {
            return JavaPairRDD.fromJavaRDD(jsc.emptyRDD());
        }
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        return jsc.parallelize(selected, selected.size()).flatMapToPair(f -> {
            List<long[]> mine = null;
            if (ranges != null) {
                mine = new ArrayList<>();
                for (long[] r : ranges) {
                    if (f.intersects(r[0], r[1])) {
                        mine.add(new long[] {Math.max(r[0], f.first()), Math.min(r[1], f.last())});
                    }
                }
            }
            List<Tuple2<K, V>> out = new ArrayList<>();
            LayerKeys<K> keys = values.keys();
            try {
                MapFileTiles.read(f.path(), sconf.value(), mine, (idx, bytes) -> {
                    for (Map.Entry<K, V> kv : decodeRecord(id, f.path(), idx, bytes, values)) {
                        if (query == null || query.includes(keys.spatialKey(kv.getKey()))) {
                            out.add(new Tuple2<>(kv.getKey(), kv.getValue()));
                        }
                    }
                });
            } catch (IOException | RuntimeException e) {
                if (e instanceof LayerStoreException) {
                    throw e;
                }
                throw new LayerStoreException(id + ": MapFile " + f.path() + ": " + e, e);
            }
            return out.iterator();
        });
    }

    /**
     * The MapFiles of a Hadoop-backend layer and the index range each covers.
     *
     * @throws LayerStoreException if the layer's directory is missing
     */
    static List<MapFileTiles.Range> storedMapFiles(HadoopCatalog hc, LayerId id, LayerAttributes a, Configuration conf)
            throws IOException {
        Path dir = hc.layerDir(a);
        if (!dir.getFileSystem(conf).exists(dir)) {
            throw new LayerStoreException(
                    "catalog " + hc.uri() + ": " + id + ": the MapFile directory " + dir + " is missing");
        }
        return MapFileTiles.ranges(dir, conf);
    }

    /** The pairs of one MapFile record. @throws LayerStoreException naming the layer, MapFile and record */
    static <K, V> List<Map.Entry<K, V>> decodeRecord(
            LayerId id, String mapFile, long index, byte[] record, LayerValues<K, V> values) {
        try {
            return values.decode(record);
        } catch (RuntimeException e) {
            throw new LayerStoreException(id + ": MapFile " + mapFile + ", record " + index + ": " + e.getMessage(), e);
        }
    }
}
