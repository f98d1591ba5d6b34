package io.rastermill.spark.layerstore;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.Bounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.HadoopCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.MapFileTiles;
import io.rastermill.spark.JobGroup;
import io.rastermill.spark.layer.TileLayer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

import java.io.IOException;
import java.nio.file.Files;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes layers into a GeoTrellis catalog (file or Hadoop backend) so GeoTrellis 3.x's
 * {@code FileLayerReader} / {@code HadoopLayerReader} read them unchanged.
 *
 * <h2>Modes (GeoTrellis's {@code LayerWriter})</h2>
 * <ul>
 *   <li>{@link #write}: a new layer; refused if the layer exists. Its key index is built from the
 *       metadata's key bounds.</li>
 *   <li>{@link #overwrite}: replaces the records of the given tiles in an existing layer, keeping its
 *       key index; tiles not given are kept. The update's bounds must lie inside the key index bounds.</li>
 *   <li>{@link #update}: like overwrite, but a tile that exists is merged with the new one by a
 *       function of (existing, new) (default: the new tile wins, as GeoTrellis's default).</li>
 * </ul>
 * Overwrite and update refuse a layer whose schema is not the value type's, and store the
 * metadata merged as GeoTrellis merges it (extents and bounds combined; cell type and CRS kept).
 *
 * <h2>What a crash leaves (differs from GeoTrellis, on purpose)</h2>
 * GeoTrellis writes the {@code metadata} attribute first, then the tiles, so a failed write leaves a
 * layer that looks complete. Here tiles go first and the attribute last by an atomic rename: a
 * failed {@link #write} deletes the tiles it wrote and the layer never appears. File-backend tile
 * files are each written to a temporary name and renamed, so an overwrite or update that fails
 * leaves every file either old or new (and the old attribute). A Hadoop-backend overwrite or update
 * rewrites the layer's MapFiles into a new directory (reading the old ones), then swaps directories
 * and writes the attribute; GeoTrellis rewrites only the MapFiles the update touches.
 *
 * <h2>Thread-safety</h2>
 * One write at a time per layer; concurrent writers to one layer are not detected.
 */
public final class LayerWriter {
    private final SparkSession spark;
    private final Catalog catalog;

    private LayerWriter(SparkSession spark, Catalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** A writer into the catalog at {@code uri}; {@code backend} null picks it as {@link Catalog#open} does. */
    public static LayerWriter open(SparkSession spark, String uri, Catalog.Backend backend) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        return new LayerWriter(spark, Catalog.open(uri, conf, backend));
    }

    public Catalog catalog() {
        return catalog;
    }

    /** What was written. */
    public record Result(LayerId id, long tiles, long files) {
    }

    private enum Mode { CREATE, OVERWRITE, UPDATE }

    // ------------------------------------------------------------------ single band

    public Result write(LayerId id, TileLayer layer, KeyIndexMethod method) throws IOException {
        KeyBounds kb = requireBounds(id, layer.metadata());
        return write(id, layer, method.createIndex(kb));
    }

    public Result write(LayerId id, TileLayer layer, KeyIndex keyIndex) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), keyIndex, Mode.CREATE, null, LayerValues.TILES);
    }

    public Result overwrite(LayerId id, TileLayer layer) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), null, Mode.OVERWRITE, null, LayerValues.TILES);
    }

    public Result update(LayerId id, TileLayer layer) throws IOException {
        return update(id, layer, (existing, updating) -> updating);
    }

    public Result update(LayerId id, TileLayer layer, Function2<Tile, Tile, Tile> merge) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), null, Mode.UPDATE, Objects.requireNonNull(merge, "merge"),
                LayerValues.TILES);
    }

    // ------------------------------------------------------------------ multiband

    public Result writeMultiband(LayerId id, MultibandLayer layer, KeyIndexMethod method) throws IOException {
        KeyBounds kb = requireBounds(id, layer.metadata());
        return run(id, layer.rdd(), layer.metadata(), method.createIndex(kb), Mode.CREATE, null, LayerValues.MULTIBAND);
    }

    public Result writeMultiband(LayerId id, MultibandLayer layer, KeyIndex keyIndex) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), keyIndex, Mode.CREATE, null, LayerValues.MULTIBAND);
    }

    public Result updateMultiband(LayerId id, MultibandLayer layer, Function2<MultibandTile, MultibandTile, MultibandTile> merge)
            throws IOException {
        return run(id, layer.rdd(), layer.metadata(), null, Mode.UPDATE, merge, LayerValues.MULTIBAND);
    }

    /** Deletes a layer (attributes first, then its tiles); nothing if it does not exist. */
    public void delete(LayerId id) throws IOException {
        catalog.delete(id);
    }

    // ------------------------------------------------------------------ the work

    private static KeyBounds requireBounds(LayerId id, TileLayerMetadata md) {
        if (!(md.bounds() instanceof KeyBounds kb)) {
            throw new IllegalArgumentException(id + ": cannot write a layer with empty bounds");
        }
        return kb;
    }

    private <V> Result run(LayerId id, JavaPairRDD<SpatialKey, V> rdd, TileLayerMetadata md, KeyIndex keyIndex,
                           Mode mode, Function2<V, V, V> merge, LayerValues<V> values) throws IOException {
        Objects.requireNonNull(id, "id");
        LayerAttributes attrs;
        if (mode == Mode.CREATE) {
            if (catalog.exists(id)) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id
                        + " already exists; delete it first, or overwrite or update it");
            }
            KeyBounds kb = requireBounds(id, md);
            if (!keyIndex.keyBounds().contains(kb)) {
                throw new IllegalArgumentException(id + ": the key index bounds " + keyIndex.keyBounds()
                        + " do not contain the layer's bounds " + kb);
            }
            attrs = new LayerAttributes(catalog.newHeader(id, values.schema()), md, keyIndex, values.schema());
        } else {
            if (!catalog.exists(id)) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " does not exist; cannot "
                        + mode.name().toLowerCase(java.util.Locale.ROOT) + " it");
            }
            LayerAttributes old = catalog.readAttributes(id);
            if (old.schema() != values.schema()) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " stores "
                        + old.schema().valueClass() + " records; the update has " + values.schema().valueClass());
            }
            if (!(md.bounds() instanceof KeyBounds kb)) {
                return new Result(id, 0, 0); // GeoTrellis skips updates with empty bounds
            }
            if (!old.keyIndex().keyBounds().contains(kb)) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + ": the update's bounds " + kb
                        + " are outside the layer's key index bounds " + old.keyIndex().keyBounds());
            }
            attrs = old.withMetadata(combine(old.metadata(), md));
        }
        String jobGroup = "rastermill layer " + mode.name().toLowerCase(java.util.Locale.ROOT) + " " + id.name();
        try (JobGroup g = JobGroup.enter(spark.sparkContext(), jobGroup, jobGroup + " → " + catalog.uri(), false)) {
            Result r = catalog instanceof FileCatalog fc
                    ? writeFiles(fc, id, rdd, attrs, mode, merge, values)
                    : writeMapFiles((HadoopCatalog) catalog, id, rdd, attrs, mode, merge, values);
            catalog.writeAttributes(id, attrs);
            return r;
        }
    }

    /** Keys outside the key index bounds would get indexes no reader looks at: refused as they are written. */
    private static SpatialKey requireInside(LayerId id, SpatialKey k, KeyBounds kb) {
        if (!kb.includes(k)) {
            throw new LayerStoreException(id + ": tile " + k + " lies outside the layer's key index bounds " + kb);
        }
        return k;
    }

    /** GeoTrellis's {@code TileLayerMetadata.combine}: extents, layout extent, tile layout and bounds combined. */
    static TileLayerMetadata combine(TileLayerMetadata a, TileLayerMetadata b) {
        Extent e = a.extent().combine(b.extent());
        Extent le = a.layout().extent().combine(b.layout().extent());
        TileLayout ta = a.layout().tileLayout();
        TileLayout tb = b.layout().tileLayout();
        TileLayout tl = new TileLayout(Math.max(ta.layoutCols(), tb.layoutCols()), Math.max(ta.layoutRows(), tb.layoutRows()),
                Math.max(ta.tileCols(), tb.tileCols()), Math.max(ta.tileRows(), tb.tileRows()));
        Bounds bounds = a.bounds().combine(b.bounds());
        return new TileLayerMetadata(a.cellType(), new LayoutDefinition(le, tl), e, a.crs(), bounds);
    }

    // ------------------------------------------------------------------ file backend

    private <V> Result writeFiles(FileCatalog fc, LayerId id, JavaPairRDD<SpatialKey, V> rdd, LayerAttributes attrs,
                                  Mode mode, Function2<V, V, V> merge, LayerValues<V> values) throws IOException {
        java.nio.file.Path dir = fc.layerDir(attrs);
        if (mode == Mode.CREATE && Files.exists(dir)) {
            // Tiles without a metadata attribute: left by a failed write (not a layer); start clean.
            deleteLocalTree(dir);
        }
        Files.createDirectories(dir);
        String dirName = dir.toString();
        KeyIndex ki = attrs.keyIndex();
        boolean merging = mode == Mode.UPDATE;
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        try {
            // Every spatial key index is one-to-one on keys, so each tile is its own file: no shuffle.
            rdd.foreachPartition(it -> {
                java.nio.file.Path d = java.nio.file.Paths.get(dirName);
                Map<Long, List<Map.Entry<SpatialKey, V>>> byIndex = new LinkedHashMap<>();
                while (it.hasNext()) {
                    Tuple2<SpatialKey, V> kv = it.next();
                    long idx = ki.toIndex(requireInside(id, kv._1(), ki.keyBounds()));
                    byIndex.computeIfAbsent(idx, x -> new ArrayList<>(1))
                            .add(new AbstractMap.SimpleImmutableEntry<>(kv._1(), kv._2()));
                    flushFiles(d, ki, byIndex, merging, merge, values, id, tiles, files);
                }
                flushFiles(d, ki, byIndex, merging, merge, values, id, tiles, files);
            });
        } catch (RuntimeException e) {
            if (mode == Mode.CREATE) {
                deleteLocalTree(dir);
            }
            throw new LayerStoreException("catalog " + fc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
        return new Result(id, tiles.value(), files.value());
    }

    private static <V> void flushFiles(java.nio.file.Path dir, KeyIndex ki, Map<Long, List<Map.Entry<SpatialKey, V>>> byIndex,
                                       boolean merging, Function2<V, V, V> merge, LayerValues<V> values, LayerId id,
                                       LongAccumulator tiles, LongAccumulator files) throws Exception {
        for (Map.Entry<Long, List<Map.Entry<SpatialKey, V>>> e : byIndex.entrySet()) {
            java.nio.file.Path f = dir.resolve(ki.fileName(e.getKey()));
            List<Map.Entry<SpatialKey, V>> pairs = e.getValue();
            if (merging && Files.exists(f)) {
                List<Map.Entry<SpatialKey, V>> existing;
                try {
                    existing = values.decode(Files.readAllBytes(f));
                } catch (RuntimeException ex) {
                    throw new LayerStoreException(id + ": tile file " + f + ": " + ex.getMessage(), ex);
                }
                pairs = mergePairs(existing, pairs, merge);
            }
            FileCatalog.writeAtomically(f, values.encode(pairs));
            tiles.add(pairs.size());
            files.add(1);
        }
        byIndex.clear();
    }

    /** GeoTrellis's {@code LayerWriter.updateRecords}: existing then new, grouped by key, folded with merge. */
    static <V> List<Map.Entry<SpatialKey, V>> mergePairs(List<Map.Entry<SpatialKey, V>> existing,
                                                          List<Map.Entry<SpatialKey, V>> updating,
                                                          Function2<V, V, V> merge) throws Exception {
        Map<SpatialKey, V> out = new LinkedHashMap<>();
        for (Map.Entry<SpatialKey, V> kv : existing) {
            out.put(kv.getKey(), kv.getValue());
        }
        for (Map.Entry<SpatialKey, V> kv : updating) {
            V old = out.get(kv.getKey());
            out.put(kv.getKey(), old == null ? kv.getValue() : merge.call(old, kv.getValue()));
        }
        List<Map.Entry<SpatialKey, V>> list = new ArrayList<>(out.size());
        for (Map.Entry<SpatialKey, V> kv : out.entrySet()) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(kv.getKey(), kv.getValue()));
        }
        return list;
    }

    private static void deleteLocalTree(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ Hadoop backend

    private <V> Result writeMapFiles(HadoopCatalog hc, LayerId id, JavaPairRDD<SpatialKey, V> rdd, LayerAttributes attrs,
                                     Mode mode, Function2<V, V, V> merge, LayerValues<V> values) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path finalDir = mode == Mode.CREATE ? hc.layerDir(id) : hc.layerDir(attrs);
        FileSystem fs = finalDir.getFileSystem(conf);
        KeyIndex ki = attrs.keyIndex();
        JavaPairRDD<SpatialKey, V> all = rdd;
        if (mode != Mode.CREATE) {
            // Existing tiles first, then the new ones, merged per key (overwrite: the new tile wins).
            JavaPairRDD<SpatialKey, V> existing = LayerReader.readMapFiles(spark, hc, id, attrs, null, values);
            Function2<V, V, V> m = mode == Mode.UPDATE ? merge : (a, b) -> b;
            JavaPairRDD<SpatialKey, Tuple2<Integer, V>> tagged = existing.mapValues(v -> new Tuple2<>(0, v))
                    .union(rdd.mapValues(v -> new Tuple2<>(1, v)));
            all = tagged.groupByKey().mapValues(vs -> {
                List<Tuple2<Integer, V>> list = new ArrayList<>();
                vs.forEach(list::add);
                list.sort(java.util.Comparator.comparingInt(Tuple2::_1));
                V acc = list.get(0)._2();
                for (int i = 1; i < list.size(); i++) {
                    acc = m.call(acc, list.get(i)._2());
                }
                return acc;
            });
        }
        Path target = mode == Mode.CREATE ? finalDir
                : new Path(finalDir.getParent(), finalDir.getName() + ".rewrite-" + Long.toHexString(System.nanoTime()));
        if (fs.exists(target)) {
            fs.delete(target, true); // tiles without attributes: a failed earlier write
        }
        String targetName = target.toString();
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        int partitions = Math.max(1, all.getNumPartitions());
        try {
            all.mapToPair(kv -> new Tuple2<>(ki.toIndex(requireInside(id, kv._1(), ki.keyBounds())), kv))
                    .sortByKey(true, partitions)
                    .mapPartitionsWithIndex((pid, it) -> {
                        try (MapFileTiles.Writer w = new MapFileTiles.Writer(new Path(targetName), pid, sconf.value())) {
                            long current = Long.MIN_VALUE;
                            List<Map.Entry<SpatialKey, V>> group = new ArrayList<>();
                            while (it.hasNext()) {
                                Tuple2<Long, Tuple2<SpatialKey, V>> r = it.next();
                                if (r._1() != current && !group.isEmpty()) {
                                    w.append(current, values.encode(group));
                                    tiles.add(group.size());
                                    group = new ArrayList<>();
                                }
                                current = r._1();
                                group.add(new AbstractMap.SimpleImmutableEntry<>(r._2()._1(), r._2()._2()));
                            }
                            if (!group.isEmpty()) {
                                w.append(current, values.encode(group));
                                tiles.add(group.size());
                            }
                            files.add(w.written().size());
                        }
                        return Collections.<Integer>emptyIterator();
                    }, false)
                    .count();
            fs.create(new Path(target, "_SUCCESS"), true).close();
        } catch (RuntimeException e) {
            fs.delete(target, true);
            throw new LayerStoreException("catalog " + hc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
        if (mode != Mode.CREATE) {
            fs.delete(finalDir, true);
            if (!fs.rename(target, finalDir)) {
                throw new LayerStoreException("catalog " + hc.uri() + ": " + id + ": cannot rename " + target + " to " + finalDir);
            }
        }
        return new Result(id, tiles.value(), files.value());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t != null) {
            if (t instanceof LayerStoreException || t instanceof io.rastermill.io.layerstore.AvroFormatException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return msg;
    }
}
