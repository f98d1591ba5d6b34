package io.rastermill.spark.layerstore;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.Bounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
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
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * {@link SpaceTimeLayerStore} writes space-time layers through this same protocol (new or replaced whole); only
 * their keys' index differs ({@link LayerKeys}).
 *
 * <h2>Thread-safety</h2>
 * One write at a time per layer; concurrent writers to one layer are not detected.
 */
public final class LayerWriter {
    private final SparkSession spark;
    private final Catalog catalog;

    LayerWriter(SparkSession spark, Catalog catalog) {
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

    enum Mode {
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

    static KeyBounds requireBounds(LayerId id, TileLayerMetadata md) {
        if (!(md.bounds() instanceof KeyBounds kb)) {
            throw new IllegalArgumentException(id + ": cannot write a layer with empty bounds");
        }
        return kb;
    }

    /**
     * The write protocol of every layer, spatial or space-time: tiles first (a fresh write into a new directory), the
     * {@code metadata} attribute last, then what the new attribute no longer references is deleted.
     */
    <K, V> Result run(
            LayerId id,
            JavaPairRDD<K, V> rdd,
            TileLayerMetadata md,
            KeyIndex keyIndex,
            Mode mode,
            Function2<V, V, V> merge,
            LayerValues<K, V> values)
            throws IOException {
        Objects.requireNonNull(id, "id");
        LayerAttributes attrs;
        LayerAttributes old = null;
        boolean fresh = mode == Mode.CREATE || mode == Mode.REPLACE;
        if (fresh) {
            boolean exists = catalog.exists(id);
            if (mode == Mode.CREATE && exists) {
                throw new LayerStoreException("catalog " + catalog.uri() + ": " + id
                        + " already exists; delete it first, or "
                        + (values.keys().oneToOne() ? "overwrite or update it" : "overwrite it"));
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
                    values.schema(),
                    keyIndex instanceof KeyIndex.ZSpaceTime st ? st.time() : null);
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
            attrs = new LayerAttributes(header, combine(old.metadata(), md), old.keyIndex(), old.schema(), old.time());
        }
        String jobGroup = "rastermill layer " + mode.name().toLowerCase(Locale.ROOT) + " " + id.name();
        try (JobGroup g = JobGroup.enter(spark.sparkContext(), jobGroup, jobGroup + " → " + catalog.uri(), false)) {
            Result r;
            if (catalog instanceof FileCatalog fc) {
                r = writeFiles(
                        fc,
                        id,
                        records(id, rdd, attrs.keyIndex(), values, false),
                        attrs,
                        fresh,
                        mode == Mode.UPDATE ? merge : null,
                        values);
            } else if (fresh) {
                r = writeMapFiles(
                        (HadoopCatalog) catalog, id, records(id, rdd, attrs.keyIndex(), values, true), attrs, values);
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

    /**
     * The tiles as records: (index, the pairs one tile file or MapFile record holds). {@code sorted}: in index order,
     * as MapFiles need them; else, when every key has an index of its own, one record per tile without a shuffle.
     */
    private static <K, V> JavaPairRDD<Long, List<Map.Entry<K, V>>> records(
            LayerId id, JavaPairRDD<K, V> rdd, KeyIndex ki, LayerValues<K, V> values, boolean sorted) {
        LayerKeys<K> keys = values.keys();
        if (!sorted && keys.oneToOne()) {
            return rdd.mapToPair(kv -> new Tuple2<>(
                    keys.index(id, ki, kv._1()),
                    List.<Map.Entry<K, V>>of(new AbstractMap.SimpleImmutableEntry<>(kv._1(), kv._2()))));
        }
        return indexed(id, rdd, ki, keys)
                .sortByKey(true, Math.max(1, rdd.getNumPartitions()))
                .mapPartitionsToPair(it -> new IndexGroups<>(it, keys.order()).asIterator(), true);
    }

    /** Each tile keyed by its index (refused if outside the index's bounds, where no reader would look). */
    private static <K, V> JavaPairRDD<Long, Tuple2<K, V>> indexed(
            LayerId id, JavaPairRDD<K, V> rdd, KeyIndex ki, LayerKeys<K> keys) {
        return rdd.mapToPair(kv -> new Tuple2<>(keys.index(id, ki, kv._1()), kv));
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

    /**
     * Writes one tile file per record: into a new directory ({@code fresh}; deleted if the write fails), else over
     * the layer's own files, merging with what a file holds if {@code merge} is given.
     */
    private <K, V> Result writeFiles(
            FileCatalog fc,
            LayerId id,
            JavaPairRDD<Long, List<Map.Entry<K, V>>> records,
            LayerAttributes attrs,
            boolean fresh,
            Function2<V, V, V> merge,
            LayerValues<K, V> values)
            throws IOException {
        java.nio.file.Path dir = fc.layerDir(attrs);
        Files.createDirectories(dir);
        String dirName = dir.toString();
        KeyIndex ki = attrs.keyIndex();
        Counts counts = counts();
        try {
            records.foreach(r -> {
                java.nio.file.Path f = Paths.get(dirName).resolve(ki.fileName(r._1()));
                List<Map.Entry<K, V>> pairs = r._2();
                if (merge != null) {
                    List<Map.Entry<K, V>> existing = LayerReader.decodeTileFile(id, f, values);
                    if (existing != null) {
                        pairs = mergePairs(existing, pairs, merge);
                    }
                }
                FileCatalog.writeAtomically(f, values.encode(pairs));
                counts.tiles().add(pairs.size());
                counts.files().add(1);
            });
        } catch (RuntimeException e) {
            if (fresh) {
                FileCatalog.deleteTree(dir);
            }
            throw new LayerStoreException("catalog " + fc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
        return counts.result(id);
    }

    /** GeoTrellis's {@code LayerWriter.updateRecords}: existing then new, grouped by key, folded with merge. */
    static <K, V> List<Map.Entry<K, V>> mergePairs(
            List<Map.Entry<K, V>> existing, List<Map.Entry<K, V>> updating, Function2<V, V, V> merge) throws Exception {
        Map<K, V> out = new LinkedHashMap<>();
        for (Map.Entry<K, V> kv : existing) {
            out.put(kv.getKey(), kv.getValue());
        }
        for (Map.Entry<K, V> kv : updating) {
            V old = out.get(kv.getKey());
            out.put(kv.getKey(), old == null ? kv.getValue() : merge.call(old, kv.getValue()));
        }
        List<Map.Entry<K, V>> list = new ArrayList<>(out.size());
        for (Map.Entry<K, V> kv : out.entrySet()) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(kv.getKey(), kv.getValue()));
        }
        return list;
    }

    // ------------------------------------------------------------------ Hadoop backend

    /** Writes index-sorted records as a new layer's MapFiles into the directory of its header (which must not hold a layer). */
    private <K, V> Result writeMapFiles(
            HadoopCatalog hc,
            LayerId id,
            JavaPairRDD<Long, List<Map.Entry<K, V>>> records,
            LayerAttributes attrs,
            LayerValues<K, V> values)
            throws IOException {
        Path target = emptyDirectory(hc, attrs);
        String targetName = target.toString();
        SerializableConfiguration sconf =
                new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        Counts counts = counts();
        writeInto(
                hc,
                id,
                target,
                () -> records.mapPartitionsWithIndex(
                                (pid, it) -> {
                                    try (MapFileTiles.Writer w =
                                            new MapFileTiles.Writer(new Path(targetName), pid, sconf.value())) {
                                        while (it.hasNext()) {
                                            Tuple2<Long, List<Map.Entry<K, V>>> r = it.next();
                                            w.append(r._1(), values.encode(r._2()));
                                            counts.tiles().add(r._2().size());
                                        }
                                        counts.files().add(w.written().size());
                                    }
                                    return Collections.<Integer>emptyIterator();
                                },
                                false)
                        .count());
        return counts.result(id);
    }

    /**
     * Writes the next version of a stored layer into the directory of {@code next}'s header: one task per
     * old MapFile; a MapFile whose index range no new tile falls in is copied byte for byte, the others
     * are merged with the new tiles (both in index order) into new MapFiles. Only touched records are decoded.
     */
    private <K, V> Result rewriteMapFiles(
            HadoopCatalog hc,
            LayerId id,
            JavaPairRDD<K, V> rdd,
            LayerAttributes old,
            LayerAttributes next,
            Function2<V, V, V> merge,
            LayerValues<K, V> values)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<MapFileTiles.Range> ranges = LayerReader.storedMapFiles(hc, id, old, conf);
        if (ranges.isEmpty()) {
            return writeMapFiles(hc, id, records(id, rdd, next.keyIndex(), values, true), next, values);
        }
        Path target = emptyDirectory(hc, next);
        target.getFileSystem(conf).mkdirs(target); // untouched MapFiles are copied into it
        long[] firsts = ranges.stream().mapToLong(MapFileTiles.Range::first).toArray();
        String[] sources = ranges.stream().map(MapFileTiles.Range::path).toArray(String[]::new);
        LayerKeys<K> keys = values.keys();
        String targetName = target.toString();
        SerializableConfiguration sconf = new SerializableConfiguration(conf);
        Counts counts = counts();
        writeInto(
                hc,
                id,
                target,
                () -> indexed(id, rdd, old.keyIndex(), keys)
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
                                        IndexGroups<K, V> groups = new IndexGroups<>(it, keys.order());
                                        boolean more = groups.next();
                                        boolean stored = s.next();
                                        while (more || stored) {
                                            if (stored && (!more || s.index() < groups.index())) {
                                                w.append(s.index(), s.record()); // untouched record: bytes as they are
                                                stored = s.next();
                                                continue;
                                            }
                                            List<Map.Entry<K, V>> pairs = groups.pairs();
                                            if (stored && s.index() == groups.index()) {
                                                List<Map.Entry<K, V>> existing = LayerReader.decodeRecord(
                                                        id, sources[pid], s.index(), s.record(), values);
                                                pairs = mergePairs(existing, pairs, merge);
                                                stored = s.next();
                                            }
                                            w.append(groups.index(), values.encode(pairs));
                                            counts.tiles().add(groups.pairs().size());
                                            more = groups.next();
                                        }
                                        counts.files().add(w.written().size());
                                    }
                                    return Collections.<Integer>emptyIterator();
                                },
                                false)
                        .count());
        return counts.result(id);
    }

    /**
     * The directory of a layer version's MapFiles, deleted: what is there is what a failed earlier write left. (Not
     * created here: on S3 an empty directory marker would outlive a killed write's deleted tiles.)
     *
     * @throws LayerStoreException if it lies outside the catalog
     */
    private Path emptyDirectory(HadoopCatalog hc, LayerAttributes attrs) throws IOException {
        Path target = hc.requireInside(hc.layerDir(attrs));
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(target, true);
        return target;
    }

    /** Runs the Spark job that writes MapFiles into {@code target}, then marks it complete; on failure deletes it. */
    private void writeInto(HadoopCatalog hc, LayerId id, Path target, Runnable job) throws IOException {
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try {
            job.run();
            fs.create(new Path(target, "_SUCCESS"), true).close();
        } catch (RuntimeException e) {
            fs.delete(target, true);
            throw new LayerStoreException("catalog " + hc.uri() + ": writing " + id + " failed: " + rootMessage(e), e);
        }
    }

    /** What a write's tasks count: tiles and files written. */
    private record Counts(LongAccumulator tiles, LongAccumulator files) implements Serializable {
        Result result(LayerId id) {
            return new Result(id, tiles.value(), files.value());
        }
    }

    private Counts counts() {
        return new Counts(
                spark.sparkContext().longAccumulator("layer tiles"),
                spark.sparkContext().longAccumulator("layer files"));
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
