package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circe.Decoder;
import io.circe.Encoder;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.json.GeoTrellisJson;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.layout.ZOrder;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.FileCatalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerAttributes;
import io.rastermill.io.layerstore.LayerAttributesJson;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.TileSchema;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import io.rastermill.spark.layerstore.MultibandSpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Space-time layers against GeoTrellis 3.7.1 itself: its ZSpaceTimeKeyIndex and (SpaceTimeKey, Tile) Avro schema
 * against ours; GeoTrellis's File/HadoopLayerWriter write space-time layers that we read (and our attribute JSON
 * re-serialises GeoTrellis's byte for byte); we write and GeoTrellis's readers read ours; the same for multiband
 * (SpaceTimeKey, MultibandTile) layers. Several scenes share a
 * day, so several tiles share one Z index and one file, as GeoTrellis groups them.
 */
class SpaceTimeLayerOracleTest {
    private static final int TILE = 6;
    private static final LayoutDefinition LAYOUT =
            new LayoutDefinition(new Extent(500_000, 4_000_000, 500_180, 4_000_120), new TileLayout(3, 2, TILE, TILE));
    private static final long DAY = KeyIndex.ZSpaceTime.DAY;
    /**
     * 2024-06-01T10:30Z, the same day at 14:00, two days later, a month later. (Negative instants are in the index test
     * only: GeoTrellis's file reader visits every index of the key bounds, over 55 years of days that takes minutes.)
     */
    private static final long[] INSTANTS = {
        1_717_237_800_000L, 1_717_250_400_000L, 1_717_410_600_000L, 1_719_829_800_000L
    };

    private static final geotrellis.util.Component<geotrellis.layer.SpaceTimeKey, geotrellis.layer.SpatialKey> SPATIAL =
            geotrellis.layer.SpaceTimeKey$.MODULE$.spatialComponent();
    private static final io.circe.Codec.AsObject<geotrellis.layer.SpaceTimeKey> KEY_JSON =
            geotrellis.layer.SpaceTimeKey$.MODULE$.codecForSpaceTimeKey();
    private static final Encoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>> MD_ENCODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataEncoder(SPATIAL, KEY_JSON);
    private static final Decoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>> MD_DECODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataDecoder(SPATIAL, KEY_JSON);
    private static final geotrellis.util.Component<
                    geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>,
                    geotrellis.layer.Bounds<geotrellis.layer.SpaceTimeKey>>
            BOUNDS = geotrellis.layer.TileLayerMetadata$.MODULE$.boundsComponent(SPATIAL);
    private static final geotrellis.store.avro.AvroRecordCodec<geotrellis.layer.SpaceTimeKey> KEY_AVRO =
            geotrellis.store.avro.codecs.Implicits$.MODULE$.spaceTimeKeyAvroFormat();
    private static final ClassTag<geotrellis.layer.SpaceTimeKey> KEY_TAG =
            ClassTag$.MODULE$.apply(geotrellis.layer.SpaceTimeKey.class);
    private static final ClassTag<geotrellis.raster.Tile> TILE_TAG =
            ClassTag$.MODULE$.apply(geotrellis.raster.Tile.class);
    private static final ClassTag<geotrellis.raster.MultibandTile> MB_TAG =
            ClassTag$.MODULE$.apply(geotrellis.raster.MultibandTile.class);
    private static final geotrellis.store.avro.AvroRecordCodec<geotrellis.raster.MultibandTile> MB_AVRO =
            geotrellis.store.avro.codecs.Implicits$.MODULE$.multibandTileCodec();

    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-gt-st-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession();

    private static geotrellis.layer.SpaceTimeKey gtKey(SpaceTimeKey k) {
        return new geotrellis.layer.SpaceTimeKey(k.col(), k.row(), k.instant());
    }

    private static geotrellis.layer.KeyBounds<geotrellis.layer.SpaceTimeKey> gtBounds(KeyBounds kb, TemporalBounds t) {
        return new geotrellis.layer.KeyBounds<>(
                gtKey(SpaceTimeKey.of(kb.minKey(), t.min())), gtKey(SpaceTimeKey.of(kb.maxKey(), t.max())));
    }

    @Test
    void zSpaceTimeIndexIsGeoTrellis() {
        Random rnd = new Random(18);
        long[] resolutions = {1, 1000, 3_600_000, DAY, 30 * DAY, 365 * DAY};
        KeyBounds kb = new KeyBounds(new SpatialKey(0, 0), new SpatialKey(1 << 22, 1 << 22));
        TemporalBounds tb = new TemporalBounds(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
        for (long res : resolutions) {
            geotrellis.store.index.zcurve.ZSpaceTimeKeyIndex gt =
                    new geotrellis.store.index.zcurve.ZSpaceTimeKeyIndex(gtBounds(kb, tb), res);
            for (int i = 0; i < 2000; i++) {
                // cols/rows past 21 bits and instants whose bin passes 21 bits or is negative: all masked as GeoTrellis
                // masks
                SpaceTimeKey k = new SpaceTimeKey(
                        rnd.nextInt(1 << (i % 3 == 0 ? 23 : 12)),
                        rnd.nextInt(1 << 12),
                        i % 5 == 0 ? -(long) rnd.nextInt(1 << 30) * 1000 : (long) (rnd.nextDouble() * 4e12));
                assertEquals(gt.toIndex(gtKey(k)).longValue(), ZOrder.index(k, res), k + " at " + res + " ms");
                int[] back = ZOrder.decode3(ZOrder.index(k, res));
                assertEquals(k.col() & 0x1fffff, back[0], k.toString());
                assertEquals(k.row() & 0x1fffff, back[1], k.toString());
            }
        }
    }

    @Test
    void spaceTimeSchemaIsGeoTrellis() throws Exception {
        String gt = geotrellis.store.avro.codecs.KeyValueRecordCodec$.MODULE$
                .apply(KEY_AVRO, geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec())
                .schema()
                .toString();
        assertEquals(new ObjectMapper().readTree(gt), TileSchema.SPACETIME_TILE.json());
        assertEquals(gt, TileSchema.SPACETIME_TILE.compactJson());
    }

    @Test
    void spaceTimeMultibandSchemaIsGeoTrellis() throws Exception {
        String gt = geotrellis.store.avro.codecs.KeyValueRecordCodec$.MODULE$
                .apply(KEY_AVRO, MB_AVRO)
                .schema()
                .toString();
        assertEquals(new ObjectMapper().readTree(gt), TileSchema.SPACETIME_MULTIBAND.json());
        assertEquals(gt, TileSchema.SPACETIME_MULTIBAND.compactJson());
    }

    // ------------------------------------------------------------------ data

    private static Tile tile(CellType ct, Random rnd) {
        double[] v = new double[TILE * TILE];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 5 == 0 ? Double.NaN : Math.floor(rnd.nextDouble() * 200);
        }
        return Tiles.fromDoubleLane(ct, TILE, TILE, v);
    }

    /** Scenes on keys of a 3×2 layout, each instant missing one key; instants 0 and 1 share a day. */
    private static Map<SpaceTimeKey, Tile> tiles(CellType ct, long seed) {
        Random rnd = new Random(seed);
        Map<SpaceTimeKey, Tile> m = new TreeMap<>();
        for (int t = 0; t < INSTANTS.length; t++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    if (r * 3 + c != t) {
                        m.put(new SpaceTimeKey(c, r, INSTANTS[t]), tile(ct, rnd));
                    }
                }
            }
        }
        return m;
    }

    /** {@link #tiles} with two more bands of their own values per tile. */
    private static Map<SpaceTimeKey, MultibandTile> multibandTiles(CellType ct, long seed) {
        Random rnd = new Random(seed + 1000);
        Map<SpaceTimeKey, MultibandTile> m = new TreeMap<>();
        tiles(ct, seed).forEach((k, t) -> m.put(k, MultibandTile.of(t, tile(ct, rnd), tile(ct, rnd))));
        return m;
    }

    private static TileLayerMetadata metadata(CellType ct) {
        return new TileLayerMetadata(
                ct,
                LAYOUT,
                new Extent(500_010, 4_000_000, 500_180, 4_000_115),
                Crs.epsg(32633),
                new KeyBounds(new SpatialKey(0, 0), new SpatialKey(2, 1)));
    }

    private static TemporalBounds time() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : INSTANTS) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return new TemporalBounds(min, max);
    }

    private static void assertSameTiles(
            Map<SpaceTimeKey, Tile> expected, Map<SpaceTimeKey, Tile> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where);
        for (SpaceTimeKey k : expected.keySet()) {
            assertEquals(expected.get(k).cellType(), actual.get(k).cellType(), where + " " + k);
            assertArrayEquals(expected.get(k).toBytes(), actual.get(k).toBytes(), where + " " + k);
        }
    }

    private static void assertSameMultiband(
            Map<SpaceTimeKey, MultibandTile> expected, Map<SpaceTimeKey, MultibandTile> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where);
        for (SpaceTimeKey k : expected.keySet()) {
            assertEquals(expected.get(k).bandCount(), actual.get(k).bandCount(), where + " " + k);
            for (int b = 0; b < expected.get(k).bandCount(); b++) {
                Tile e = expected.get(k).band(b);
                Tile a = actual.get(k).band(b);
                assertEquals(e.cellType(), a.cellType(), where + " " + k + " band " + b);
                assertArrayEquals(e.toBytes(), a.toBytes(), where + " " + k + " band " + b);
            }
        }
    }

    private static Map<SpaceTimeKey, Tile> collect(SpaceTimeLayer layer) {
        return new TreeMap<>(layer.rdd().collectAsMap());
    }

    // ------------------------------------------------------------------ GeoTrellis's own writers and readers

    /** {@code pairs} written by GeoTrellis's File/HadoopLayerWriter as layer {@code id} of {@code md} over {@link #time}. */
    private static <V> void geoTrellisWrites(
            String catalog,
            boolean hadoop,
            LayerId id,
            TileLayerMetadata md,
            long resolution,
            List<Tuple2<geotrellis.layer.SpaceTimeKey, V>> pairs,
            geotrellis.store.avro.AvroRecordCodec<V> codec,
            ClassTag<V> tag) {
        SparkContext sc = SPARK.session().sparkContext();
        RDD<Tuple2<geotrellis.layer.SpaceTimeKey, V>> rdd =
                JavaSparkContext.fromSparkContext(sc).parallelize(pairs, 2).rdd();
        scala.util.Either<io.circe.Error, geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>> gtMd =
                io.circe.parser.package$.MODULE$.decode(GeoTrellisJson.write(md, time()), MD_DECODER);
        assertTrue(gtMd.isRight(), String.valueOf(gtMd));
        geotrellis.store.index.zcurve.ZSpaceTimeKeyIndex index = new geotrellis.store.index.zcurve.ZSpaceTimeKeyIndex(
                gtBounds((KeyBounds) md.bounds(), time()), resolution);
        geotrellis.store.LayerId gtId = new geotrellis.store.LayerId(id.name(), id.zoom());
        geotrellis.spark.ContextRDD<
                        geotrellis.layer.SpaceTimeKey,
                        V,
                        geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>>
                layer = new geotrellis.spark.ContextRDD<>(rdd, gtMd.right().get());
        geotrellis.spark.store.LayerWriter<geotrellis.store.LayerId> writer = hadoop
                ? geotrellis.spark.store.hadoop.HadoopLayerWriter$.MODULE$.apply(new Path(catalog), sc)
                : geotrellis.spark.store.file.FileLayerWriter$.MODULE$.apply(catalog);
        writer.write(gtId, layer, index, KEY_AVRO, KEY_JSON, KEY_TAG, codec, tag, MD_ENCODER, BOUNDS);
    }

    /** Layer {@code id} as GeoTrellis's File/HadoopLayerReader reads it (the RDD is also its metadata's holder). */
    private static <V> RDD<Tuple2<geotrellis.layer.SpaceTimeKey, V>> geoTrellisReads(
            String catalog,
            boolean hadoop,
            LayerId id,
            geotrellis.store.avro.AvroRecordCodec<V> codec,
            ClassTag<V> tag) {
        SparkContext sc = SPARK.session().sparkContext();
        geotrellis.store.LayerId gtId = new geotrellis.store.LayerId(id.name(), id.zoom());
        geotrellis.spark.store.FilteringLayerReader<geotrellis.store.LayerId> reader = hadoop
                ? geotrellis.spark.store.hadoop.HadoopLayerReader$.MODULE$.apply(new Path(catalog), sc)
                : geotrellis.spark.store.file.FileLayerReader$.MODULE$.apply(catalog, sc);
        return reader.read(
                gtId,
                KEY_AVRO,
                geotrellis.layer.SpaceTimeKey.Boundable$.MODULE$,
                KEY_JSON,
                KEY_TAG,
                codec,
                tag,
                MD_DECODER,
                BOUNDS);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void weReadWhatGeoTrellisWrites(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("gt-file").toString();
        String hadoopCat = HDFS.root() + "/gt-st-hadoop";
        String[] types = {"uint16", "float32ud-9999.0", "int8"};
        for (int i = 0; i < types.length; i++) {
            CellType ct = CellType.parse(types[i]);
            boolean hadoop = i == 1;
            Map<SpaceTimeKey, Tile> tiles = tiles(ct, 40 + i);
            TileLayerMetadata md = metadata(ct);
            List<Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.Tile>> pairs = new ArrayList<>();
            tiles.forEach((k, t) -> pairs.add(new Tuple2<>(gtKey(k), GeoTrellis.tile(t))));
            long res = i == 2 ? 30 * DAY : DAY;
            LayerId id = new LayerId("st" + i, 4);
            geoTrellisWrites(
                    hadoop ? hadoopCat : fileCat,
                    hadoop,
                    id,
                    md,
                    res,
                    pairs,
                    geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec(),
                    TILE_TAG);
            String where = types[i] + (hadoop ? " (hadoop)" : " (file)");
            SpaceTimeLayerStore store = SpaceTimeLayerStore.open(SPARK.session(), hadoop ? hadoopCat : fileCat, null);
            LayerAttributes a = store.attributes(id);
            assertEquals(new KeyIndex.ZSpaceTime((KeyBounds) md.bounds(), time(), res), a.keyIndex(), where);
            assertEquals(time(), a.time(), where);
            assertEquals(md, a.metadata(), where);
            assertSameTiles(tiles, collect(store.read(id, null, null)), where);
            if (!hadoop) {
                // our attribute JSON is GeoTrellis's, byte for byte
                String stored = Files.readString(
                        ((FileCatalog) store.catalog()).attributeFile(id, "metadata"), StandardCharsets.UTF_8);
                assertEquals(stored, LayerAttributesJson.write(id, a), where);
            }
            // a query in space and time: the second day's scenes of column 1..2
            KeyBounds q = new KeyBounds(new SpatialKey(1, 0), new SpatialKey(2, 1));
            TemporalBounds when = new TemporalBounds(INSTANTS[0], INSTANTS[1]);
            Map<SpaceTimeKey, Tile> want = new TreeMap<>(tiles);
            want.keySet().removeIf(k -> !q.includes(k.spatialKey()) || !when.includes(k.instant()));
            SpaceTimeLayer part = store.read(id, q, when);
            assertEquals(when, part.time(), where);
            assertSameTiles(want, collect(part), where + " query");
        }
    }

    @Test
    void geoTrellisReadsWhatWeWrite(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("ours-file").toString();
        String hadoopCat = HDFS.root() + "/ours-st-hadoop";
        SparkContext sc = SPARK.session().sparkContext();
        String[] types = {"int16ud-9999", "float64", "uint8"};
        for (int i = 0; i < types.length; i++) {
            CellType ct = CellType.parse(types[i]);
            boolean hadoop = i == 1;
            Map<SpaceTimeKey, Tile> tiles = tiles(ct, 70 + i);
            List<Tuple2<SpaceTimeKey, Tile>> pairs = new ArrayList<>();
            tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
            TileLayerMetadata md = metadata(ct);
            SpaceTimeLayer ours =
                    new SpaceTimeLayer(JavaSparkContext.fromSparkContext(sc).parallelizePairs(pairs, 3), md, time());
            LayerId id = new LayerId("ours-st" + i, 0);
            String cat = hadoop ? hadoopCat : fileCat;
            SpaceTimeLayerStore.open(SPARK.session(), cat, hadoop ? Catalog.Backend.HADOOP : null)
                    .write(id, ours, i == 2 ? 365 * DAY : DAY, false);
            RDD<Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.Tile>> back = geoTrellisReads(
                    cat, hadoop, id, geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec(), TILE_TAG);
            @SuppressWarnings("unchecked")
            geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey> gtMd = ((geotrellis.layer.Metadata<
                                    geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpaceTimeKey>>)
                            (Object) back)
                    .metadata();
            String where = types[i] + (hadoop ? " (hadoop)" : " (file)");
            String gtJson = MD_ENCODER.apply(gtMd).noSpaces();
            assertEquals(md, GeoTrellisJson.readTileLayerMetadata(gtJson), where);
            assertEquals(
                    time(),
                    GeoTrellisJson.readTemporalBounds(
                            new ObjectMapper().readTree(gtJson).get("bounds")),
                    where);
            Map<SpaceTimeKey, Tile> got = new TreeMap<>();
            for (Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.Tile> kv :
                    back.toJavaRDD().collect()) {
                got.put(
                        new SpaceTimeKey(kv._1().col(), kv._1().row(), kv._1().instant()),
                        Tiles.fromBytes(
                                kv._2().toArrayTile().toBytes(),
                                CellType.parse(GeoTrellis.name(kv._2().cellType())),
                                kv._2().cols(),
                                kv._2().rows()));
            }
            assertSameTiles(tiles, got, where);
        }
    }

    @Test
    void weReadMultibandLayersThatGeoTrellisWrites(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("gt-mb-file").toString();
        String hadoopCat = HDFS.root() + "/gt-st-mb-hadoop";
        String[] types = {"uint16ud65535", "float32"};
        for (int i = 0; i < types.length; i++) {
            CellType ct = CellType.parse(types[i]);
            boolean hadoop = i == 1;
            Map<SpaceTimeKey, MultibandTile> tiles = multibandTiles(ct, 140 + i);
            TileLayerMetadata md = metadata(ct);
            List<Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.MultibandTile>> pairs = new ArrayList<>();
            tiles.forEach((k, t) -> pairs.add(new Tuple2<>(gtKey(k), GeoTrellis.multiband(t))));
            LayerId id = new LayerId("mbst" + i, 2);
            geoTrellisWrites(hadoop ? hadoopCat : fileCat, hadoop, id, md, DAY, pairs, MB_AVRO, MB_TAG);
            String where = types[i] + (hadoop ? " (hadoop)" : " (file)");
            SpaceTimeLayerStore store = SpaceTimeLayerStore.open(SPARK.session(), hadoop ? hadoopCat : fileCat, null);
            LayerAttributes a = store.attributes(id);
            assertEquals(TileSchema.SPACETIME_MULTIBAND, a.schema(), where);
            assertEquals(md, a.metadata(), where);
            assertEquals(time(), a.time(), where);
            assertSameMultiband(
                    tiles,
                    new TreeMap<>(store.readMultiband(id, null, null).rdd().collectAsMap()),
                    where);
            if (!hadoop) {
                String stored = Files.readString(
                        ((FileCatalog) store.catalog()).attributeFile(id, "metadata"), StandardCharsets.UTF_8);
                assertEquals(stored, LayerAttributesJson.write(id, a), where);
            }
        }
    }

    @Test
    void geoTrellisReadsOurMultibandLayers(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("ours-mb-file").toString();
        String hadoopCat = HDFS.root() + "/ours-st-mb-hadoop";
        SparkContext sc = SPARK.session().sparkContext();
        String[] types = {"int32ud-1", "float64ud-9999.0"};
        for (int i = 0; i < types.length; i++) {
            CellType ct = CellType.parse(types[i]);
            boolean hadoop = i == 1;
            Map<SpaceTimeKey, MultibandTile> tiles = multibandTiles(ct, 170 + i);
            List<Tuple2<SpaceTimeKey, MultibandTile>> pairs = new ArrayList<>();
            tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
            TileLayerMetadata md = metadata(ct);
            MultibandSpaceTimeLayer ours = new MultibandSpaceTimeLayer(
                    JavaSparkContext.fromSparkContext(sc).parallelizePairs(pairs, 3), md, time());
            LayerId id = new LayerId("ours-mbst" + i, 0);
            SpaceTimeLayerStore.open(
                            SPARK.session(), hadoop ? hadoopCat : fileCat, hadoop ? Catalog.Backend.HADOOP : null)
                    .writeMultiband(id, ours, DAY, false);
            RDD<Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.MultibandTile>> back =
                    geoTrellisReads(hadoop ? hadoopCat : fileCat, hadoop, id, MB_AVRO, MB_TAG);
            Map<SpaceTimeKey, MultibandTile> got = new TreeMap<>();
            for (Tuple2<geotrellis.layer.SpaceTimeKey, geotrellis.raster.MultibandTile> kv :
                    back.toJavaRDD().collect()) {
                got.put(new SpaceTimeKey(kv._1().col(), kv._1().row(), kv._1().instant()), GeoTrellis.ours(kv._2()));
            }
            assertSameMultiband(tiles, got, types[i] + (hadoop ? " (hadoop)" : " (file)"));
        }
    }
}
