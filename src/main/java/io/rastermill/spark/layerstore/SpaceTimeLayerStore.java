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
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
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
 * <p>Writing and reading are the spatial layers' code ({@link LayerWriter}, {@link LayerReader}) with the space-time
 * keys ({@link LayerKeys#SPACE_TIME}): tiles first, the {@code metadata} attribute last by an atomic rename; an
 * overwrite goes to a directory beside the old one.
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
        KeyIndex ki = keyIndex(id, layer.metadata(), layer.time(), temporalResolution);
        return write(id, layer.rdd(), layer.metadata(), ki, overwrite, LayerValues.SPACETIME_TILES);
    }

    /** As {@link #write(LayerId, SpaceTimeLayer, long, boolean)}, a multiband layer ({@code MultibandTile} records). */
    public LayerWriter.Result writeMultiband(
            LayerId id, MultibandSpaceTimeLayer layer, long temporalResolution, boolean overwrite) throws IOException {
        KeyIndex ki = keyIndex(id, layer.metadata(), layer.time(), temporalResolution);
        return write(id, layer.rdd(), layer.metadata(), ki, overwrite, LayerValues.SPACETIME_MULTIBAND);
    }

    /** {@code ZSpaceTimeKeyIndex} over the layer's spatial and time bounds. */
    private static KeyIndex keyIndex(LayerId id, TileLayerMetadata md, TemporalBounds time, long temporalResolution) {
        return new KeyIndex.ZSpaceTime(LayerWriter.requireBounds(id, md), time, temporalResolution);
    }

    /** The spatial layers' write ({@link LayerWriter}): new, or with {@code overwrite} replacing the stored one whole. */
    private <V> LayerWriter.Result write(
            LayerId id,
            JavaPairRDD<SpaceTimeKey, V> rdd,
            TileLayerMetadata md,
            KeyIndex ki,
            boolean overwrite,
            LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        LayerWriter.Mode mode = overwrite ? LayerWriter.Mode.REPLACE : LayerWriter.Mode.CREATE;
        return new LayerWriter(spark, catalog).run(id, rdd, md, ki, mode, null, values);
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
        return LayerReader.requireValues(catalog, id, attributes(id), values);
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
                : LayerReader.readMapFiles(spark, (HadoopCatalog) catalog, id, a, space, values);
    }

    /** The tile files whose (col, row), decoded from the index in their name, lie in {@code space} (null: all). */
    private <V> JavaPairRDD<SpaceTimeKey, V> readFiles(
            FileCatalog fc, LayerId id, LayerAttributes a, KeyBounds space, LayerValues<SpaceTimeKey, V> values)
            throws IOException {
        List<String> planned = new ArrayList<>();
        for (Map.Entry<Long, java.nio.file.Path> f :
                LayerReader.storedTileFiles(fc, id, a).entrySet()) {
            int[] crt = ZOrder.decode3(f.getKey());
            if (space == null || space.includes(new SpatialKey(crt[0], crt[1]))) {
                planned.add(f.getValue().toString());
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
                    List<Map.Entry<SpaceTimeKey, V>> pairs = LayerReader.decodeTileFile(id, Paths.get(f), values);
                    if (pairs != null) { // null: deleted since planning, missing tiles
                        for (Map.Entry<SpaceTimeKey, V> kv : pairs) {
                            out.add(new Tuple2<>(kv.getKey(), kv.getValue()));
                        }
                    }
                    return out.iterator();
                });
    }
}
