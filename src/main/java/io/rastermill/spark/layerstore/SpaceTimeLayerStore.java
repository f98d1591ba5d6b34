package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.ZOrder;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.HadoopCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerHeader;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.MapFileTiles;
import io.rastermill.io.layerstore.TileSchema;
import io.rastermill.spark.JobGroup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Space-time layers in a GeoTrellis catalog (file and Hadoop backends), as GeoTrellis 3.x stores
 * {@code TileLayerRDD[SpaceTimeKey]} with a {@code ZSpaceTimeKeyIndex}: header key class
 * {@code geotrellis.layer.SpaceTimeKey}, bounds keys with {@code instant}, the index's
 * {@code temporalResolution}, and records of (SpaceTimeKey, Tile) or, for a {@link MultibandSpaceTimeLayer},
 * (SpaceTimeKey, MultibandTile), encoded by the spatial layers' codecs ({@link LayerValues}).
 *
 * <p>Unlike the spatial indexes, the space-time Z index is not one-to-one: every instant of one time
 * bin (a day, for {@link KeyIndex.ZSpaceTime#DAY}) at one spatial key shares a file or MapFile record,
 * so the writer groups tiles by index first. Reading lists the stored indexes, keeps those whose
 * decoded (col, row) meet the query, and filters the decoded keys by space and time.
 *
 * <p>Consistency is the spatial writer's: tiles first, the {@code metadata} attribute last by an
 * atomic rename; an overwrite goes to a directory beside the old one.
 */
public final class SpaceTimeLayerStore {
    private final SparkSession spark;
    private final Catalog catalog;

    private SpaceTimeLayerStore(SparkSession spark, Catalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** The catalog at {@code uri}; {@code backend} null picks it as {@link Catalog#open} does. */
    public static SpaceTimeLayerStore open(SparkSession spark, String uri, Catalog.Backend backend) throws IOException {
        return new SpaceTimeLayerStore(
                spark, Catalog.open(uri, spark.sparkContext().hadoopConfiguration(), backend));
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Writes a new space-time layer (or, with {@code overwrite}, replaces a stored one) indexed by
     * {@code ZSpaceTimeKeyIndex} of {@code temporalResolution} ms over the layer's spatial and time bounds.
     */
    public LayerWriter.Result write(LayerId id, SpaceTimeLayer layer, long temporalResolution, boolean overwrite)
            throws IOException {
        return write(
                id,
                layer.rdd(),
                layer.metadata(),
                layer.time(),
                temporalResolution,
                overwrite,
                LayerValues.SPACETIME_TILES);
    }

    /** As {@link #write(LayerId, SpaceTimeLayer, long, boolean)}, a multiband layer ({@code MultibandTile} records). */
    public LayerWriter.Result writeMultiband(
            LayerId id, MultibandSpaceTimeLayer layer, long temporalResolution, boolean overwrite) throws IOException {
        return write(
                id,
                layer.rdd(),
                layer.metadata(),
                layer.time(),
                temporalResolution,
                overwrite,
                LayerValues.SPACETIME_MULTIBAND);
    }

    private <V> LayerWriter.Result write(
            LayerId id,
            JavaPairRDD<SpaceTimeKey, V> rdd,
            TileLayerMetadata md,
            TemporalBounds time,
            long temporalResolution,
            boolean overwrite,
            LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        Objects.requireNonNull(id, "id");
        if (!(md.bounds() instanceof KeyBounds kb)) {
            throw new IllegalArgumentException(id + ": cannot write a layer with empty bounds");
        }
        LayerAttributes old = null;
        if (catalog.exists(id)) {
            if (!overwrite) {
                throw new LayerStoreException(
                        "catalog " + catalog.uri() + ": " + id + " already exists; delete it first, or overwrite it");
            }
            old = catalog.readAttributes(id);
        } else {
            catalog.deleteUnreferencedTiles(id); // tiles of a write that was killed: not a layer
        }
        TileSchema schema = values.schema();
        LayerHeader header = old == null ? catalog.newHeader(id, schema) : catalog.nextHeader(id, schema, old);
        KeyIndex.ZSpaceTime ki = new KeyIndex.ZSpaceTime(kb, time, temporalResolution);
        LayerAttributes attrs = new LayerAttributes(header, md, ki, schema, time);
        JavaPairRDD<Long, List<Map.Entry<SpaceTimeKey, V>>> groups = rdd.mapToPair(
                        kv -> new Tuple2<>(ki.toIndex(requireInside(id, kv._1(), kb, time)), kv))
                .groupByKey()
                .sortByKey(true, Math.max(1, rdd.getNumPartitions()))
                .mapValues(SpaceTimeLayerStore::sortedPairs);
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        String jobGroup = "rastermill layer write " + id.name();
        try (JobGroup g = JobGroup.enter(spark.sparkContext(), jobGroup, jobGroup + " → " + catalog.uri(), false)) {
            if (catalog instanceof FileCatalog fc) {
                writeFiles(fc, id, attrs, groups, tiles, files, values);
            } else {
                writeMapFiles((HadoopCatalog) catalog, id, attrs, groups, tiles, files, values);
            }
        }
        catalog.writeAttributes(id, attrs); // the commit
        if (old != null) {
            catalog.deleteOtherAttributes(id);
            catalog.deleteUnreferencedTiles(id);
        }
        return new LayerWriter.Result(id, tiles.value(), files.value());
    }

    private static SpaceTimeKey requireInside(LayerId id, SpaceTimeKey k, KeyBounds kb, TemporalBounds time) {
        if (!kb.includes(k.spatialKey()) || !time.includes(k.instant())) {
            throw new LayerStoreException(id + ": tile " + k + " lies outside the layer's bounds " + kb + ", " + time);
        }
        return k;
    }

    private static <V> List<Map.Entry<SpaceTimeKey, V>> sortedPairs(Iterable<Tuple2<SpaceTimeKey, V>> group) {
        List<Map.Entry<SpaceTimeKey, V>> pairs = new ArrayList<>();
        for (Tuple2<SpaceTimeKey, V> kv : group) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(kv._1(), kv._2()));
        }
        pairs.sort(Map.Entry.comparingByKey());
        return pairs;
    }

    private static <V> void writeFiles(
            FileCatalog fc,
            LayerId id,
            LayerAttributes attrs,
            JavaPairRDD<Long, List<Map.Entry<SpaceTimeKey, V>>> groups,
            LongAccumulator tiles,
            LongAccumulator files,
            LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(attrs);
        Files.createDirectories(dir);
        String dirName = dir.toString();
        KeyIndex ki = attrs.keyIndex();
        try {
            groups.foreach(g -> {
                FileCatalog.writeAtomically(Paths.get(dirName).resolve(ki.fileName(g._1())), values.encode(g._2()));
                tiles.add(g._2().size());
                files.add(1);
            });
        } catch (RuntimeException e) {
            FileCatalog.deleteTree(dir);
            throw new LayerStoreException(
                    "catalog " + fc.uri() + ": writing " + id + " failed: " + LayerWriter.rootMessage(e), e);
        }
    }

    private <V> void writeMapFiles(
            HadoopCatalog hc,
            LayerId id,
            LayerAttributes attrs,
            JavaPairRDD<Long, List<Map.Entry<SpaceTimeKey, V>>> groups,
            LongAccumulator tiles,
            LongAccumulator files,
            LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = hc.requireInside(hc.layerDir(attrs));
        FileSystem fs = target.getFileSystem(conf);
        fs.delete(target, true); // tiles without attributes: a failed earlier write
        String targetName = target.toString();
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        try {
            groups.mapPartitionsWithIndex(
                            (pid, it) -> {
                                try (MapFileTiles.Writer w =
                                        new MapFileTiles.Writer(new Path(targetName), pid, sconf.value())) {
                                    while (it.hasNext()) {
                                        Tuple2<Long, List<Map.Entry<SpaceTimeKey, V>>> g = it.next();
                                        w.append(g._1(), values.encode(g._2()));
                                        tiles.add(g._2().size());
                                    }
                                    files.add(w.written().size());
                                }
                                return Collections.<Integer>emptyIterator();
                            },
                            false)
                    .count();
            fs.create(new Path(target, "_SUCCESS"), true).close();
        } catch (RuntimeException e) {
            fs.delete(target, true);
            throw new LayerStoreException(
                    "catalog " + hc.uri() + ": writing " + id + " failed: " + LayerWriter.rootMessage(e), e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** The stored attributes of a space-time layer. @throws LayerStoreException if it is a spatial layer */
    public LayerAttributes attributes(LayerId id) throws IOException {
        LayerAttributes a = catalog.readAttributes(id);
        if (!a.spaceTime()) {
            throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " is a spatial layer ("
                    + a.header().keyClass() + "), not a space-time one");
        }
        return a;
    }

    /**
     * The tiles of a space-time layer in {@code space} (null: all keys) at instants in {@code when}
     * (null: all); the result's time bounds are the stored ones clipped to {@code when}.
     *
     * @throws IllegalArgumentException if {@code when} misses the layer's time range (naming both)
     * @throws LayerStoreException      if the layer is multiband ({@link #readMultiband})
     */
    public SpaceTimeLayer read(LayerId id, KeyBounds space, TemporalBounds when) throws IOException {
        LayerAttributes a = attributes(id, LayerValues.SPACETIME_TILES);
        TemporalBounds clipped = clip(id, a.time(), when);
        return new SpaceTimeLayer(readPairs(id, a, space, LayerValues.SPACETIME_TILES), a.metadata(), a.time())
                .filter(space, clipped);
    }

    /** As {@link #read}, a multiband space-time layer. @throws LayerStoreException if it is single-band */
    public MultibandSpaceTimeLayer readMultiband(LayerId id, KeyBounds space, TemporalBounds when) throws IOException {
        LayerAttributes a = attributes(id, LayerValues.SPACETIME_MULTIBAND);
        TemporalBounds clipped = clip(id, a.time(), when);
        return new MultibandSpaceTimeLayer(
                        readPairs(id, a, space, LayerValues.SPACETIME_MULTIBAND), a.metadata(), a.time())
                .filter(space, clipped);
    }

    private LayerAttributes attributes(LayerId id, LayerValues<SpaceTimeKey, ?> values) throws IOException {
        LayerAttributes a = attributes(id);
        if (a.schema() != values.schema()) {
            throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " stores "
                    + a.schema().valueClass() + " records; read it "
                    + (a.schema().multiband() ? "with readMultiband" : "with read"));
        }
        return a;
    }

    private static TemporalBounds clip(LayerId id, TemporalBounds stored, TemporalBounds when) {
        if (when != null && (when.max() < stored.min() || when.min() > stored.max())) {
            throw new IllegalArgumentException(id + ": the time range " + when + " misses the layer's " + stored);
        }
        return SpaceTimeLayer.clip(stored, when);
    }

    private <V> JavaPairRDD<SpaceTimeKey, V> readPairs(
            LayerId id, LayerAttributes a, KeyBounds space, LayerValues<SpaceTimeKey, V> values) throws IOException {
        return catalog instanceof FileCatalog fc
                ? readFiles(fc, id, a, space, values)
                : readMapFiles((HadoopCatalog) catalog, id, a, values);
    }

    private <V> JavaPairRDD<SpaceTimeKey, V> readFiles(
            FileCatalog fc, LayerId id, LayerAttributes a, KeyBounds space, LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(a);
        if (!Files.isDirectory(dir)) {
            throw new LayerStoreException(
                    "catalog " + fc.uri() + ": " + id + ": the tile directory " + dir + " is missing");
        }
        List<String> planned = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> ds = Files.newDirectoryStream(dir)) {
            for (java.nio.file.Path p : ds) {
                String n = p.getFileName().toString();
                if (n.isEmpty() || n.length() > 19 || !n.chars().allMatch(Character::isDigit)) {
                    continue; // temporary files of a writer
                }
                int[] crt = ZOrder.decode3(Long.parseLong(n));
                if (space == null || space.includes(new SpatialKey(crt[0], crt[1]))) {
                    planned.add(p.toString());
                }
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (planned.isEmpty()) {
            return JavaPairRDD.fromJavaRDD(jsc.emptyRDD());
        }
        Collections.sort(planned);
        return jsc.parallelize(
                        planned, Math.min(planned.size(), Math.max(jsc.defaultParallelism(), planned.size() / 64)))
                .flatMapToPair(f -> {
                    List<Tuple2<SpaceTimeKey, V>> out = new ArrayList<>();
                    try {
                        for (Map.Entry<SpaceTimeKey, V> kv : values.decode(Files.readAllBytes(Paths.get(f)))) {
                            out.add(new Tuple2<>(kv.getKey(), kv.getValue()));
                        }
                    } catch (NoSuchFileException e) {
                        return out.iterator(); // deleted since planning: missing tiles
                    } catch (RuntimeException | IOException e) {
                        throw new LayerStoreException(id + ": tile file " + f + ": " + e.getMessage(), e);
                    }
                    return out.iterator();
                });
    }

    private <V> JavaPairRDD<SpaceTimeKey, V> readMapFiles(
            HadoopCatalog hc, LayerId id, LayerAttributes a, LayerValues<SpaceTimeKey, V> values) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path dir = hc.layerDir(a);
        if (!dir.getFileSystem(conf).exists(dir)) {
            throw new LayerStoreException(
                    "catalog " + hc.uri() + ": " + id + ": the MapFile directory " + dir + " is missing");
        }
        List<MapFileTiles.Range> files = MapFileTiles.ranges(dir, conf);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (files.isEmpty()) {
            return JavaPairRDD.fromJavaRDD(jsc.emptyRDD());
        }
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        return jsc.parallelize(files, files.size()).flatMapToPair(f -> {
            List<Tuple2<SpaceTimeKey, V>> out = new ArrayList<>();
            try {
                MapFileTiles.read(f.path(), sconf.value(), null, (idx, bytes) -> {
                    try {
                        for (Map.Entry<SpaceTimeKey, V> kv : values.decode(bytes)) {
                            out.add(new Tuple2<>(kv.getKey(), kv.getValue()));
                        }
                    } catch (RuntimeException e) {
                        throw new LayerStoreException(
                                id + ": MapFile " + f.path() + ", record " + idx + ": " + e.getMessage(), e);
                    }
                });
            } catch (IOException e) {
                throw new LayerStoreException(id + ": MapFile " + f.path() + ": " + e, e);
            }
            return out.iterator();
        });
    }
}
