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
import io.rastermill.io.layerstore.AvroFormatException;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.HadoopCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerHeader;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.MapFileTiles;
import io.rastermill.spark.JobGroup;
import io.rastermill.spark.layer.TileLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Writes layers into a GeoTrellis catalog (file or Hadoop backend) so GeoTrellis 3.x's
 * {@code FileLayerReader} / {@code HadoopLayerReader} read them unchanged.
 *
 * <h2>Modes (GeoTrellis's {@code LayerWriter})</h2>
 * <ul>
 *   <li>{@link #write}: a new layer; refused if the layer exists. Its key index is built from the
 *       metadata's key bounds.</li>
 *   <li>{@link #replace}: a new layer that replaces the stored one (if any) whole, written beside it.</li>
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
 * layer that looks complete. Here tiles go first and the attribute last by an atomic rename:
 * <ul>
 *   <li>{@link #write}: a write that fails deletes its tiles; one killed leaves tiles no attribute
 *       references, which the next write of the layer deletes. The layer never appears half-written.</li>
 *   <li>{@link #replace}: the new tiles go to a directory beside the old ones ({@link Catalog#nextHeader}),
 *       then the attribute is swapped to it, then the old directory is deleted: a kill at any moment
 *       leaves the old layer or the complete new one.</li>
 *   <li>Hadoop-backend {@link #overwrite} / {@link #update}: a new version directory gets new MapFiles
 *       for the index ranges the update touches (old records merged with the new ones as they stream
 *       by) and byte copies of the untouched MapFiles; then the attribute is swapped: old or new layer.</li>
 *   <li>File-backend overwrite / update: each tile file is written to a temporary name and renamed,
 *       and the attribute last, so a killed update leaves every file old or new under the old
 *       attribute (the layer is readable, the update partly applied).</li>
 * </ul>
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
    public record Result(LayerId id, long tiles, long files) {}

    private enum Mode {
        CREATE,
        REPLACE,
        OVERWRITE,
        UPDATE
    }

    // ------------------------------------------------------------------ single band

    public Result write(LayerId id, TileLayer layer, KeyIndexMethod method) throws IOException {
        KeyBounds kb = requireBounds(id, layer.metadata());
        return write(id, layer, method.createIndex(kb));
    }

    public Result write(LayerId id, TileLayer layer, KeyIndex keyIndex) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), keyIndex, Mode.CREATE, null, LayerValues.TILES);
    }

    /** Writes {@code layer} as a new layer replacing the stored one whole (if any); see the class comment for what a kill leaves. */
    public Result replace(LayerId id, TileLayer layer, KeyIndexMethod method) throws IOException {
        KeyBounds kb = requireBounds(id, layer.metadata());
        return run(id, layer.rdd(), layer.metadata(), method.createIndex(kb), Mode.REPLACE, null, LayerValues.TILES);
    }

    public Result overwrite(LayerId id, TileLayer layer) throws IOException {
        return run(id, layer.rdd(), layer.metadata(), null, Mode.OVERWRITE, null, LayerValues.TILES);
    }

    public Result update(LayerId id, TileLayer layer) throws IOException {
        return update(id, layer, (existing, updating) -> updating);
    }

    public Result update(LayerId id, TileLayer layer, Function2<Tile, Tile, Tile> merge) throws IOException {
        return run(
                id,
                layer.rdd(),
                layer.metadata(),
                null,
                Mode.UPDATE,
                Objects.requireNonNull(merge, "merge"),
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

    public Result replaceMultiband(LayerId id, MultibandLayer layer, KeyIndexMethod method) throws IOException {
        KeyBounds kb = requireBounds(id, layer.metadata());
        return run(
                id, layer.rdd(), layer.metadata(), method.createIndex(kb), Mode.REPLACE, null, LayerValues.MULTIBAND);
    }

    public Result updateMultiband(
            LayerId id, MultibandLayer layer, Function2<MultibandTile, MultibandTile, MultibandTile> merge)
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

    private <V> Result run(
            LayerId id,
            JavaPairRDD<SpatialKey, V> rdd,
            TileLayerMetadata md,
            KeyIndex keyIndex,
            Mode mode,
            Function2<V, V, V> merge,
            LayerValues<SpatialKey, V> values)
            throws IOException {
        Objects.requireNonNull(id, "id");
        LayerAttributes attrs;
        LayerAttributes old = null;
        boolean fresh = mode == Mode.CREATE || mode == Mode.REPLACE;
        if (fresh) {
            boolean exists = catalog.exists(id);
            if (mode == Mode.CREATE && exists) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id
                        + " already exists; delete it first, or overwrite or update it");
            }
            KeyBounds kb = requireBounds(id, md);
            if (!keyIndex.keyBounds().contains(kb)) {
                throw new IllegalArgumentException(id + ": the key index bounds " + keyIndex.keyBounds()
                        + " do not contain the layer's bounds " + kb);
            }
            if (exists) {
                old = catalog.readAttributes(id);
            } else {
                catalog.deleteUnreferencedTiles(id); // tiles of a write that was killed: not a layer
            }
            attrs = new LayerAttributes(
                    old == null ? catalog.newHeader(id, values.schema()) : catalog.nextHeader(id, values.schema(), old),
                    md,
                    keyIndex,
                    values.schema());
        } else {
            if (!catalog.exists(id)) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " does not exist; cannot "
                        + mode.name().toLowerCase(Locale.ROOT) + " it");
            }
            old = catalog.readAttributes(id);
            if (old.schema() != values.schema()) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + " stores "
                        + old.schema().valueClass() + " records; the update has "
                        + values.schema().valueClass());
            }
            if (!(md.bounds() instanceof KeyBounds kb)) {
                return new Result(id, 0, 0); // GeoTrellis skips updates with empty bounds
            }
            if (!old.keyIndex().keyBounds().contains(kb)) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id + ": the update's bounds " + kb
                        + " are outside the layer's key index bounds "
                        + old.keyIndex().keyBounds());
            }
            // The file backend updates tile files in place; the Hadoop backend writes a new version beside the old.
            LayerHeader header =
                    catalog instanceof FileCatalog ? old.header() : catalog.nextHeader(id, values.schema(), old);
            attrs = new LayerAttributes(header, combine(old.metadata(), md), old.keyIndex(), old.schema());
        }
        String jobGroup = "rastermill layer " + mode.name().toLowerCase(Locale.ROOT) + " " + id.name();
        try (JobGroup g = JobGroup.enter(spark.sparkContext(), jobGroup, jobGroup + " → " + catalog.uri(), false)) {
            Result r;
            if (catalog instanceof FileCatalog fc) {
                r = writeFiles(fc, id, rdd, attrs, fresh, mode == Mode.UPDATE ? merge : null, values);
            } else if (fresh) {
                r = writeMapFiles((HadoopCatalog) catalog, id, rdd, attrs, values);
            } else {
                r = rewriteMapFiles(
                        (HadoopCatalog) catalog,
                        id,
                        rdd,
                        old,
                        attrs,
                        mode == Mode.UPDATE ? merge : (x, y) -> y,
                        values);
            }
            catalog.writeAttributes(id, attrs); // the commit: from here on readers see the new layer
            if (mode == Mode.REPLACE) {
                catalog.deleteOtherAttributes(id);
            }
            if (old != null) {
                catalog.deleteUnreferencedTiles(id);
            }
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
        TileLayout tl = new TileLayout(
                Math.max(ta.layoutCols(), tb.layoutCols()),
                Math.max(ta.layoutRows(), tb.layoutRows()),
                Math.max(ta.tileCols(), tb.tileCols()),
                Math.max(ta.tileRows(), tb.tileRows()));
        Bounds bounds = a.bounds().combine(b.bounds());
        return new TileLayerMetadata(a.cellType(), new LayoutDefinition(le, tl), e, a.crs(), bounds);
    }

    // ------------------------------------------------------------------ file backend

    /** Writes tile files: into a new directory ({@code fresh}), else over the layer's own files, merging if {@code merge} is given. */
    private <V> Result writeFiles(
            FileCatalog fc,
            LayerId id,
            JavaPairRDD<SpatialKey, V> rdd,
            LayerAttributes attrs,
            boolean fresh,
            Function2<V, V, V> merge,
            LayerValues<SpatialKey, V> values)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(attrs);
        Files.createDirectories(dir);
        String dirName = dir.toString();
        KeyIndex ki = attrs.keyIndex();
        boolean merging = merge != null;
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        try {
            // Every spatial key index is one-to-one on keys, so each tile is its own file: no shuffle.
            rdd.foreachPartition(it -> {
                java.nio.file.Path d = Paths.get(dirName);
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
            if (fresh) {
                deleteLocalTree(dir);
            }
            throw new LayerStoreException("catalog " + fc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
        return new Result(id, tiles.value(), files.value());
    }

    private static <V> void flushFiles(
            java.nio.file.Path dir,
            KeyIndex ki,
            Map<Long, List<Map.Entry<SpatialKey, V>>> byIndex,
            boolean merging,
            Function2<V, V, V> merge,
            LayerValues<SpatialKey, V> values,
            LayerId id,
            LongAccumulator tiles,
            LongAccumulator files)
            throws Exception {
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
    static <V> List<Map.Entry<SpatialKey, V>> mergePairs(
            List<Map.Entry<SpatialKey, V>> existing, List<Map.Entry<SpatialKey, V>> updating, Function2<V, V, V> merge)
            throws Exception {
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
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ Hadoop backend

    /** Writes a new layer's MapFiles into the directory of its header (which must not hold a layer). */
    private <V> Result writeMapFiles(
            HadoopCatalog hc,
            LayerId id,
            JavaPairRDD<SpatialKey, V> rdd,
            LayerAttributes attrs,
            LayerValues<SpatialKey, V> values)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = hc.requireInside(hc.layerDir(attrs));
        FileSystem fs = target.getFileSystem(conf);
        fs.delete(target, true); // tiles without attributes: a failed earlier write
        KeyIndex ki = attrs.keyIndex();
        String targetName = target.toString();
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        int partitions = Math.max(1, rdd.getNumPartitions());
        writeInto(
                hc,
                id,
                fs,
                target,
                () -> rdd.mapToPair(kv -> new Tuple2<>(ki.toIndex(requireInside(id, kv._1(), ki.keyBounds())), kv))
                        .sortByKey(true, partitions)
                        .mapPartitionsWithIndex(
                                (pid, it) -> {
                                    try (MapFileTiles.Writer w =
                                            new MapFileTiles.Writer(new Path(targetName), pid, sconf.value())) {
                                        IndexGroups<V> groups = new IndexGroups<>(it);
                                        while (groups.next()) {
                                            w.append(groups.index(), values.encode(groups.pairs()));
                                            tiles.add(groups.pairs().size());
                                        }
                                        files.add(w.written().size());
                                    }
                                    return Collections.<Integer>emptyIterator();
                                },
                                false)
                        .count());
        return new Result(id, tiles.value(), files.value());
    }

    /**
     * Writes the next version of a stored layer into the directory of {@code next}'s header: one task per
     * old MapFile; a MapFile whose index range no new tile falls in is copied byte for byte, the others
     * are merged with the new tiles (both in index order) into new MapFiles. Only touched records are decoded.
     */
    private <V> Result rewriteMapFiles(
            HadoopCatalog hc,
            LayerId id,
            JavaPairRDD<SpatialKey, V> rdd,
            LayerAttributes old,
            LayerAttributes next,
            Function2<V, V, V> merge,
            LayerValues<SpatialKey, V> values)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path source = hc.layerDir(old);
        if (!source.getFileSystem(conf).exists(source)) {
            throw new LayerStoreException(
                    "catalog " + hc.uri() + ": " + id + ": the MapFile directory " + source + " is missing");
        }
        List<MapFileTiles.Range> ranges = MapFileTiles.ranges(source, conf);
        if (ranges.isEmpty()) {
            return writeMapFiles(hc, id, rdd, next, values);
        }
        Path target = hc.requireInside(hc.layerDir(next));
        FileSystem fs = target.getFileSystem(conf);
        fs.delete(target, true);
        fs.mkdirs(target);
        long[] firsts = ranges.stream().mapToLong(MapFileTiles.Range::first).toArray();
        String[] sources = ranges.stream().map(MapFileTiles.Range::path).toArray(String[]::new);
        KeyIndex ki = old.keyIndex();
        String targetName = target.toString();
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        LongAccumulator tiles = spark.sparkContext().longAccumulator("layer tiles");
        LongAccumulator files = spark.sparkContext().longAccumulator("layer files");
        writeInto(
                hc,
                id,
                fs,
                target,
                () -> rdd.mapToPair(kv -> new Tuple2<>(ki.toIndex(requireInside(id, kv._1(), ki.keyBounds())), kv))
                        .repartitionAndSortWithinPartitions(new MapFilePartitioner(firsts))
                        .mapPartitionsWithIndex(
                                (pid, it) -> {
                                    Configuration c = sconf.value();
                                    Path src = new Path(sources[pid]);
                                    Path dst = new Path(targetName);
                                    FileSystem tfs = dst.getFileSystem(c);
                                    if (!it.hasNext()) {
                                        if (!FileUtil.copy(
                                                src.getFileSystem(c),
                                                src,
                                                tfs,
                                                new Path(dst, src.getName()),
                                                false,
                                                c)) {
                                            throw new IOException("cannot copy " + src + " to " + dst);
                                        }
                                        return Collections.<Integer>emptyIterator();
                                    }
                                    try (MapFileTiles.Writer w = new MapFileTiles.Writer(dst, pid, c);
                                            MapFileTiles.Scanner s = new MapFileTiles.Scanner(sources[pid], c)) {
                                        IndexGroups<V> groups = new IndexGroups<>(it);
                                        boolean more = groups.next();
                                        boolean stored = s.next();
                                        while (more || stored) {
                                            if (stored && (!more || s.index() < groups.index())) {
                                                w.append(s.index(), s.record()); // untouched record: bytes as they are
                                                stored = s.next();
                                                continue;
                                            }
                                            List<Map.Entry<SpatialKey, V>> pairs = groups.pairs();
                                            if (stored && s.index() == groups.index()) {
                                                List<Map.Entry<SpatialKey, V>> existing;
                                                try {
                                                    existing = values.decode(s.record());
                                                } catch (RuntimeException ex) {
                                                    throw new LayerStoreException(
                                                            id + ": MapFile " + sources[pid] + ", record " + s.index()
                                                                    + ": " + ex.getMessage(),
                                                            ex);
                                                }
                                                pairs = mergePairs(existing, pairs, merge);
                                                stored = s.next();
                                            }
                                            w.append(groups.index(), values.encode(pairs));
                                            tiles.add(groups.pairs().size());
                                            more = groups.next();
                                        }
                                        files.add(w.written().size());
                                    }
                                    return Collections.<Integer>emptyIterator();
                                },
                                false)
                        .count());
        return new Result(id, tiles.value(), files.value());
    }

    /** Runs the Spark job that writes MapFiles into {@code target}, then marks it complete; on failure deletes it. */
    private static void writeInto(HadoopCatalog hc, LayerId id, FileSystem fs, Path target, Runnable job)
            throws IOException {
        try {
            job.run();
            fs.create(new Path(target, "_SUCCESS"), true).close();
        } catch (RuntimeException e) {
            fs.delete(target, true);
            throw new LayerStoreException("catalog " + hc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
    }

    /** Consecutive records of one index from an index-sorted partition, as (key, value) pairs. */
    private static final class IndexGroups<V> {
        private final Iterator<Tuple2<Long, Tuple2<SpatialKey, V>>> it;
        private Tuple2<Long, Tuple2<SpatialKey, V>> pending;
        private long index;
        private List<Map.Entry<SpatialKey, V>> pairs;

        IndexGroups(Iterator<Tuple2<Long, Tuple2<SpatialKey, V>>> it) {
            this.it = it;
            this.pending = it.hasNext() ? it.next() : null;
        }

        boolean next() {
            if (pending == null) {
                return false;
            }
            index = pending._1();
            pairs = new ArrayList<>(1);
            while (pending != null && pending._1() == index) {
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(
                        pending._2()._1(), pending._2()._2()));
                pending = it.hasNext() ? it.next() : null;
            }
            return true;
        }

        long index() {
            return index;
        }

        List<Map.Entry<SpatialKey, V>> pairs() {
            return pairs;
        }
    }

    /**
     * Sends an index to the stored MapFile whose range holds it: partition k is MapFile k of a layer
     * whose files start at {@code firsts} (sorted); indexes below the first file's start go to it.
     */
    static final class MapFilePartitioner extends Partitioner {
        private final long[] firsts;

        MapFilePartitioner(long[] firsts) {
            this.firsts = firsts;
        }

        @Override
        public int numPartitions() {
            return firsts.length;
        }

        @Override
        public int getPartition(Object key) {
            int i = Arrays.binarySearch(firsts, (Long) key);
            return i >= 0 ? i : Math.max(0, -i - 2);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MapFilePartitioner p && Arrays.equals(firsts, p.firsts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(firsts);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t != null) {
            if (t instanceof LayerStoreException || t instanceof AvroFormatException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return msg;
    }
}
