package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circe.Decoder;
import io.circe.Encoder;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.json.GeoTrellisJson;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.warp.Resampling;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.KeyIndexMethod;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layerstore.LayerReader;
import io.rastermill.spark.layerstore.LayerWriter;
import io.rastermill.spark.layerstore.MultibandLayer;
import io.rastermill.spark.layerstore.ZoomedPyramid;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The layer stores against GeoTrellis 3.7.1 itself: GeoTrellis's FileLayerWriter/HadoopLayerWriter
 * write seeded random layers of every cell type (single band and multiband, Z-order and Hilbert)
 * and we read them; we write and GeoTrellis's FileLayerReader/HadoopLayerReader read ours, and its
 * attribute store lists them. Keys, metadata and stored cells must be equal. The Hadoop backend
 * runs on a real MiniDFSCluster.
 */
class LayerStoreOracleTest {
    private static final String[] CELL_TYPES = {
        "bool",
        "int8raw",
        "int8",
        "uint8raw",
        "uint8",
        "int16raw",
        "int16",
        "uint16raw",
        "uint16",
        "int32raw",
        "int32",
        "float32raw",
        "float32",
        "float64raw",
        "float64",
        "int8ud-5",
        "uint8ud255",
        "int16ud-9999",
        "uint16ud65535",
        "int32ud-9999",
        "float32ud-9999.0",
        "float64ud1.0E-5"
    };
    private static final int TILE = 8;
    private static final LayoutDefinition LAYOUT =
            new LayoutDefinition(new Extent(-12, 30, 12, 46), new TileLayout(3, 2, TILE, TILE));

    private static final geotrellis.util.Component<geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey> IDENTITY =
            geotrellis.util.Component$.MODULE$.apply(key -> key, (key, replacement) -> replacement);
    private static final io.circe.Codec.AsObject<geotrellis.layer.SpatialKey> KEY_JSON =
            geotrellis.layer.SpatialKey$.MODULE$.codecForSpatialKey();
    private static final Encoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> MD_ENCODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataEncoder(IDENTITY, KEY_JSON);
    private static final Decoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> MD_DECODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataDecoder(IDENTITY, KEY_JSON);
    private static final geotrellis.util.Component<
                    geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>,
                    geotrellis.layer.Bounds<geotrellis.layer.SpatialKey>>
            BOUNDS = geotrellis.layer.TileLayerMetadata$.MODULE$.boundsComponent(IDENTITY);
    private static final geotrellis.store.avro.AvroRecordCodec<geotrellis.layer.SpatialKey> KEY_AVRO =
            geotrellis.store.avro.codecs.Implicits$.MODULE$.spatialKeyAvroFormat();
    private static final ClassTag<geotrellis.layer.SpatialKey> KEY_TAG =
            ClassTag$.MODULE$.apply(geotrellis.layer.SpatialKey.class);
    private static final ClassTag<geotrellis.raster.Tile> TILE_TAG =
            ClassTag$.MODULE$.apply(geotrellis.raster.Tile.class);
    private static final ClassTag<geotrellis.raster.MultibandTile> MB_TAG =
            ClassTag$.MODULE$.apply(geotrellis.raster.MultibandTile.class);

    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-gt-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession();

    // ------------------------------------------------------------------ data

    private static TileLayerMetadata metadata(CellType ct) {
        return new TileLayerMetadata(
                ct,
                LAYOUT,
                new Extent(-11, 31, 12, 46),
                Crs.LATLNG,
                new KeyBounds(new SpatialKey(0, 0), new SpatialKey(2, 1)));
    }

    private static Tile randomTile(CellType ct, Random rnd) {
        int n = TILE * TILE;
        Object storage = ArrayTile.allocate(ct.dataType(), n);
        switch (ct.dataType()) {
            case BIT, INT8, UINT8 -> rnd.nextBytes((byte[]) storage);
            case INT16, UINT16 -> {
                short[] s = (short[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = (short) (i % 7 == 0 && ct.hasNoData() ? ct.intNoData() : rnd.nextInt());
                }
            }
            case INT32 -> {
                int[] s = (int[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 7 == 0 && ct.hasNoData() ? ct.intNoData() : rnd.nextInt();
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 7 == 0 ? Float.NaN : (float) (rnd.nextGaussian() * 100);
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) storage;
                for (int i = 0; i < n; i++) {
                    s[i] = i % 7 == 0 ? Double.NaN : rnd.nextGaussian() * 1e5;
                }
            }
        }
        return ArrayTile.wrap(ct, TILE, TILE, storage);
    }

    private static Map<SpatialKey, Tile> randomTiles(CellType ct, long seed) {
        Random rnd = new Random(seed);
        Map<SpatialKey, Tile> m = new TreeMap<>();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                if (!(r == 1 && c == 0)) { // a sparse layer: one key missing
                    m.put(new SpatialKey(c, r), randomTile(ct, rnd));
                }
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ GeoTrellis side

    private static geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey> gtMetadata(TileLayerMetadata md) {
        scala.util.Either<io.circe.Error, geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> d =
                io.circe.parser.package$.MODULE$.decode(GeoTrellisJson.write(md), MD_DECODER);
        assertTrue(d.isRight(), String.valueOf(d));
        return d.right().get();
    }

    private static TileLayerMetadata ourMetadata(geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey> md) {
        return GeoTrellisJson.readTileLayerMetadata(MD_ENCODER.apply(md).noSpaces());
    }

    private static geotrellis.store.index.KeyIndex<geotrellis.layer.SpatialKey> gtIndex(KeyIndex ours) {
        geotrellis.layer.KeyBounds<geotrellis.layer.SpatialKey> kb = new geotrellis.layer.KeyBounds<>(
                new geotrellis.layer.SpatialKey(
                        ours.keyBounds().minKey().col(),
                        ours.keyBounds().minKey().row()),
                new geotrellis.layer.SpatialKey(
                        ours.keyBounds().maxKey().col(),
                        ours.keyBounds().maxKey().row()));
        if (ours instanceof KeyIndex.Hilbert h) {
            return geotrellis.store.index.hilbert.HilbertSpatialKeyIndex$.MODULE$.apply(
                    kb, h.xResolution(), h.yResolution());
        }
        if (ours instanceof KeyIndex.RowMajor) {
            return new geotrellis.store.index.rowmajor.RowMajorSpatialKeyIndex(kb);
        }
        return new geotrellis.store.index.zcurve.ZSpatialKeyIndex(kb);
    }

    private static <A, B> RDD<Tuple2<geotrellis.layer.SpatialKey, B>> gtRdd(
            Map<SpatialKey, A> tiles, java.util.function.Function<A, B> convert) {
        List<Tuple2<geotrellis.layer.SpatialKey, B>> pairs = new ArrayList<>();
        tiles.forEach(
                (k, t) -> pairs.add(new Tuple2<>(new geotrellis.layer.SpatialKey(k.col(), k.row()), convert.apply(t))));
        return JavaSparkContext.fromSparkContext(SPARK.session().sparkContext())
                .parallelize(pairs, 2)
                .rdd();
    }

    private static void assertSameTiles(Map<SpatialKey, Tile> expected, Map<SpatialKey, Tile> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where);
        for (SpatialKey k : expected.keySet()) {
            assertEquals(expected.get(k).cellType(), actual.get(k).cellType(), where + " " + k);
            assertArrayEquals(expected.get(k).toBytes(), actual.get(k).toBytes(), where + " " + k);
        }
    }

    private static Map<SpatialKey, Tile> gtCollect(
            RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> rdd) {
        Map<SpatialKey, Tile> m = new TreeMap<>();
        for (Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile> kv :
                rdd.toJavaRDD().collect()) {
            m.put(new SpatialKey(kv._1().col(), kv._1().row()), GeoTrellis.ours(kv._2()));
        }
        return m;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void weReadWhatGeoTrellisWrites(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("gt-file").toString();
        String hadoopCat = HDFS.root() + "/gt-hadoop";
        geotrellis.spark.store.file.FileLayerWriter fw =
                geotrellis.spark.store.file.FileLayerWriter$.MODULE$.apply(fileCat);
        geotrellis.spark.store.hadoop.HadoopLayerWriter hw =
                geotrellis.spark.store.hadoop.HadoopLayerWriter$.MODULE$.apply(
                        new Path(hadoopCat), SPARK.session().sparkContext());
        KeyIndexMethod[] methods = {KeyIndexMethod.ZORDER, KeyIndexMethod.HILBERT};
        int i = 0;
        for (String name : CELL_TYPES) {
            CellType ct = CellType.parse(name);
            TileLayerMetadata md = metadata(ct);
            Map<SpatialKey, Tile> tiles = randomTiles(ct, 100 + i);
            KeyIndex ki = methods[i % 2].createIndex((KeyBounds) md.bounds());
            LayerId id = new LayerId("gt" + i, i % 3);
            geotrellis.store.LayerId gtId = new geotrellis.store.LayerId(id.name(), id.zoom());
            RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> rdd = gtRdd(tiles, GeoTrellis::tile);
            geotrellis.spark.ContextRDD<
                            geotrellis.layer.SpatialKey,
                            geotrellis.raster.Tile,
                            geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>>
                    layer = new geotrellis.spark.ContextRDD<>(rdd, gtMetadata(md));
            geotrellis.store.avro.AvroRecordCodec<geotrellis.raster.Tile> tileAvro =
                    geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec();
            boolean hadoop = i % 6 == 3;
            if (hadoop) {
                hw.write(gtId, layer, gtIndex(ki), KEY_AVRO, KEY_JSON, KEY_TAG, tileAvro, TILE_TAG, MD_ENCODER, BOUNDS);
            } else {
                fw.write(gtId, layer, gtIndex(ki), KEY_AVRO, KEY_JSON, KEY_TAG, tileAvro, TILE_TAG, MD_ENCODER, BOUNDS);
            }
            LayerReader reader = LayerReader.open(SPARK.session(), hadoop ? hadoopCat : fileCat, null);
            String where = name + (hadoop ? " (hadoop)" : " (file)") + " " + ki.type();
            assertEquals(ki, reader.attributes(id).keyIndex(), where);
            TileLayer back = reader.read(id);
            assertEquals(md, back.metadata(), where);
            assertSameTiles(tiles, new TreeMap<>(back.rdd().collectAsMap()), where);
            // A query reads the matching tiles only.
            KeyBounds q = new KeyBounds(new SpatialKey(1, 0), new SpatialKey(2, 1));
            Map<SpatialKey, Tile> part = new TreeMap<>(reader.read(id, q).rdd().collectAsMap());
            Map<SpatialKey, Tile> want = new TreeMap<>(tiles);
            want.keySet().removeIf(k -> !q.includes(k));
            assertSameTiles(want, part, where + " query");
            i++;
        }

        // Multiband, both indexes.
        for (int m = 0; m < 2; m++) {
            CellType ct = CellType.parse(m == 0 ? "uint16ud65535" : "float32");
            Random rnd = new Random(7 + m);
            Map<SpatialKey, MultibandTile> tiles = new TreeMap<>();
            for (SpatialKey k : randomTiles(ct, 1).keySet()) {
                tiles.put(k, MultibandTile.of(randomTile(ct, rnd), randomTile(ct, rnd), randomTile(ct, rnd)));
            }
            TileLayerMetadata md = metadata(ct);
            KeyIndex ki = methods[m].createIndex((KeyBounds) md.bounds());
            LayerId id = new LayerId("gtmb" + m, 5);
            RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.MultibandTile>> rdd =
                    gtRdd(tiles, GeoTrellis::multiband);
            fw.write(
                    new geotrellis.store.LayerId(id.name(), id.zoom()),
                    new geotrellis.spark.ContextRDD<>(rdd, gtMetadata(md)),
                    gtIndex(ki),
                    KEY_AVRO,
                    KEY_JSON,
                    KEY_TAG,
                    geotrellis.store.avro.codecs.Implicits$.MODULE$.multibandTileCodec(),
                    MB_TAG,
                    MD_ENCODER,
                    BOUNDS);
            MultibandLayer back =
                    LayerReader.open(SPARK.session(), fileCat, null).readMultiband(id);
            assertEquals(md, back.metadata());
            assertEquals(tiles, new TreeMap<>(back.rdd().collectAsMap()));
        }
    }

    @Test
    void geoTrellisReadsWhatWeWrite(@TempDir java.nio.file.Path tmp) throws Exception {
        String fileCat = tmp.resolve("ours-file").toString();
        String hadoopCat = HDFS.root() + "/ours-hadoop";
        SparkContext sc = SPARK.session().sparkContext();
        geotrellis.spark.store.file.FileLayerReader fr =
                geotrellis.spark.store.file.FileLayerReader$.MODULE$.apply(fileCat, sc);
        geotrellis.spark.store.hadoop.HadoopLayerReader hr =
                geotrellis.spark.store.hadoop.HadoopLayerReader$.MODULE$.apply(new Path(hadoopCat), sc);
        KeyIndexMethod[] methods = KeyIndexMethod.values();
        List<geotrellis.store.LayerId> fileIds = new ArrayList<>();
        int i = 0;
        for (String name : CELL_TYPES) {
            CellType ct = CellType.parse(name);
            TileLayerMetadata md = metadata(ct);
            Map<SpatialKey, Tile> tiles = randomTiles(ct, 500 + i);
            List<Tuple2<SpatialKey, Tile>> pairs = new ArrayList<>();
            tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
            JavaPairRDD<SpatialKey, Tile> rdd =
                    JavaSparkContext.fromSparkContext(sc).parallelizePairs(pairs, 2);
            TileLayer layer = TileLayers.fromRdd(rdd, md);
            boolean hadoop = i % 6 == 3;
            LayerId id = new LayerId("ours" + i, i % 3);
            KeyIndexMethod method = methods[i % methods.length];
            LayerWriter.open(SPARK.session(), hadoop ? hadoopCat : fileCat, hadoop ? Catalog.Backend.HADOOP : null)
                    .write(id, layer, method);
            geotrellis.store.LayerId gtId = new geotrellis.store.LayerId(id.name(), id.zoom());
            RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> back = (hadoop ? hr : fr)
                    .read(
                            gtId,
                            KEY_AVRO,
                            geotrellis.layer.SpatialKey.Boundable$.MODULE$,
                            KEY_JSON,
                            KEY_TAG,
                            geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec(),
                            TILE_TAG,
                            MD_DECODER,
                            BOUNDS);
            @SuppressWarnings("unchecked")
            geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey> gtMd = ((geotrellis.layer.Metadata<
                                    geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>>)
                            (Object) back)
                    .metadata();
            String where = name + (hadoop ? " (hadoop)" : " (file)") + " " + method;
            assertEquals(md, ourMetadata(gtMd), where);
            assertSameTiles(tiles, gtCollect(back), where);
            if (!hadoop) {
                fileIds.add(gtId);
            }
            i++;
        }
        // GeoTrellis's attribute store lists our layers.
        scala.collection.Seq<geotrellis.store.LayerId> listed =
                geotrellis.store.file.FileAttributeStore$.MODULE$.apply(fileCat).layerIds();
        List<geotrellis.store.LayerId> got = new ArrayList<>(scala.collection.JavaConverters.seqAsJavaList(listed));
        got.sort(Comparator.comparing(geotrellis.store.LayerId::name));
        fileIds.sort(Comparator.comparing(geotrellis.store.LayerId::name));
        assertEquals(fileIds, got);

        // A multiband layer of ours, through GeoTrellis's reader.
        CellType ct = DataTypeCells.INT16_UD;
        Random rnd = new Random(3);
        Map<SpatialKey, MultibandTile> mb = new TreeMap<>();
        for (SpatialKey k : randomTiles(ct, 1).keySet()) {
            mb.put(k, MultibandTile.of(randomTile(ct, rnd), randomTile(ct, rnd)));
        }
        List<Tuple2<SpatialKey, MultibandTile>> pairs = new ArrayList<>();
        mb.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
        LayerId id = new LayerId("ours-mb", 0);
        LayerWriter.open(SPARK.session(), fileCat, null)
                .writeMultiband(
                        id,
                        new MultibandLayer(
                                JavaSparkContext.fromSparkContext(sc).parallelizePairs(pairs, 2), metadata(ct)),
                        KeyIndexMethod.HILBERT);
        RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.MultibandTile>> back = fr.read(
                new geotrellis.store.LayerId(id.name(), id.zoom()),
                KEY_AVRO,
                geotrellis.layer.SpatialKey.Boundable$.MODULE$,
                KEY_JSON,
                KEY_TAG,
                geotrellis.store.avro.codecs.Implicits$.MODULE$.multibandTileCodec(),
                MB_TAG,
                MD_DECODER,
                BOUNDS);
        Map<SpatialKey, MultibandTile> got2 = new TreeMap<>();
        for (Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.MultibandTile> kv :
                back.toJavaRDD().collect()) {
            List<Tile> bands = new ArrayList<>();
            for (int b = 0; b < kv._2().bandCount(); b++) {
                bands.add(GeoTrellis.ours(kv._2().band(b)));
            }
            got2.put(new SpatialKey(kv._1().col(), kv._1().row()), MultibandTile.of(bands));
        }
        assertEquals(mb, got2);
    }

    /**
     * {@code layer write --layout zoomed}'s pyramid (a UTM Byte raster and a lat/lon Float32 raster with NoData holes,
     * made by {@code src/test/resources/tiles/make_tile_fixtures.py}), with the window bound set so that for the
     * first only the top zoom is reprojected to EPSG:3857 with the warp machinery and each lower one is built from
     * the level above, and for the second every zoom is warped:
     * GeoTrellis's FileLayerReader reads every zoom; the warped zooms' cells equal {@code gdalwarp -et 0 -r near
     * -t_srs EPSG:3857} from the raster at their resolution, and every zoom built from above equals GDAL's pyramid
     * from above (each level {@code gdalwarp -r near} of GDAL's level above, starting from gdalwarp's last warped
     * zoom), at least 99 % identical, NoData included. Against gdalwarp from the raster the levels built from above
     * are not expected to agree cell for cell: {@code near} from above takes the child cell at the parent centre's
     * lower right, so at k levels below the last warped one the sample point is 2^(k-1) - 1/2 of its cells from
     * where gdalwarp samples; the printed line gives both shares per zoom.
     */
    @Test
    void geoTrellisReadsEveryZoomOfAReprojectedPyramid(@TempDir java.nio.file.Path tmp) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(java.nio.file.Path.of("/usr/bin/gdalwarp"))
                        && Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")),
                "GDAL and python3-gdal needed");
        run(
                "/usr/bin/python3",
                java.nio.file.Path.of(
                                System.getProperty("basedir", "."), "src/test/resources/tiles/make_tile_fixtures.py")
                        .toString(),
                tmp.toString());
        String cat = tmp.resolve("pyramid").toString();
        SparkContext sc = SPARK.session().sparkContext();
        geotrellis.spark.store.file.FileLayerReader fr =
                geotrellis.spark.store.file.FileLayerReader$.MODULE$.apply(cat, sc);
        for (String name : List.of("utm_byte", "geo_float")) {
            String src = tmp.resolve(name + ".tif").toString();
            GeoTiffWarp warp = GeoTiffWarp.open(SPARK.session(), List.of(src), null);
            List<LayoutLevel> levels = ZoomedPyramid.levels(warp, 256, null, 0);
            assertTrue(
                    levels.get(0).zoom() >= 7,
                    name + " top zoom " + levels.get(0).zoom());
            LayerWriter writer = LayerWriter.open(SPARK.session(), cat, null);
            // both paths: the Byte raster's bound admits only the top's windows (the level below reads about 4x
            // more), so every lower level is built from above; the Float32 raster's admits all, so all are warped
            boolean fromAboveCase = name.equals("utm_byte");
            long bound = fromAboveCase
                    ? warp.windowBytes(levels.get(0).layout(), Crs.WEB_MERCATOR, Resampling.NEAREST)
                    : Long.MAX_VALUE;
            int warped = ZoomedPyramid.warpedLevels(warp, levels, Resampling.NEAREST, bound);
            assertEquals(fromAboveCase ? 1 : levels.size(), warped, name);
            ZoomedPyramid.build(
                    warp,
                    levels,
                    WarpOptions.of(Resampling.NEAREST),
                    bound,
                    (level, bands) ->
                            writer.write(new LayerId(name, level.zoom()), bands.get(0), KeyIndexMethod.ZORDER));
            java.nio.file.Path above = null;
            for (int i = 0; i < levels.size(); i++) {
                LayoutLevel level = levels.get(i);
                geotrellis.store.LayerId gtId = new geotrellis.store.LayerId(name, level.zoom());
                RDD<Tuple2<geotrellis.layer.SpatialKey, geotrellis.raster.Tile>> back = fr.read(
                        gtId,
                        KEY_AVRO,
                        geotrellis.layer.SpatialKey.Boundable$.MODULE$,
                        KEY_JSON,
                        KEY_TAG,
                        geotrellis.store.avro.codecs.Implicits$.MODULE$.tileUnionCodec(),
                        TILE_TAG,
                        MD_DECODER,
                        BOUNDS);
                @SuppressWarnings("unchecked")
                TileLayerMetadata md = ourMetadata(
                        ((geotrellis.layer.Metadata<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>>)
                                        (Object) back)
                                .metadata());
                assertEquals(Crs.WEB_MERCATOR, md.crs(), name + " zoom " + level.zoom());
                assertEquals(level.layout(), md.layout(), name + " zoom " + level.zoom());
                Map<SpatialKey, Tile> tiles = gtCollect(back);
                KeyBounds kb = (KeyBounds) md.bounds();
                Extent e = md.layout()
                        .mapTransform()
                        .boundsToExtent(new GridBounds(
                                kb.minKey().col(),
                                kb.minKey().row(),
                                kb.maxKey().col(),
                                kb.maxKey().row()));
                double res = md.layout().cellSize().width();
                // Two references: gdalwarp from the raster at this zoom's resolution, and GDAL's own pyramid from
                // above (the warped levels as gdalwarp warps them, each lower one gdalwarp -r near of the one above).
                java.nio.file.Path ref = tmp.resolve(name + "-" + level.zoom() + ".tif");
                java.nio.file.Path chained = tmp.resolve(name + "-" + level.zoom() + "-from-above.tif");
                gdalwarp(src, ref, res, e);
                gdalwarp(i < warped ? src : above.toString(), chained, res, e);
                above = chained;
                long[] direct = sameCells(tiles, kb, ref);
                long[] fromAbove = sameCells(tiles, kb, chained);
                System.out.printf(
                        Locale.ROOT,
                        "zoomed pyramid %s zoom %d (top %d): %d of %d cells equal gdalwarp's from"
                                + " the raster (%.4f), %d of %d gdalwarp's from the level above (%.4f)%n",
                        name,
                        level.zoom(),
                        levels.get(0).zoom(),
                        direct[0],
                        direct[1],
                        share(direct),
                        fromAbove[0],
                        fromAbove[1],
                        share(fromAbove));
                // at the coarsest zooms no cell centre may fall on the raster: then both are all NoData
                if (fromAbove[1] >= 100) {
                    assertTrue(
                            share(fromAbove) >= 0.99,
                            name + " zoom " + level.zoom() + ": " + fromAbove[0] + " of " + fromAbove[1]
                                    + " cells equal gdalwarp's from the level above");
                }
                if (i == 0) {
                    assertTrue(direct[1] > 10_000, name + " top zoom compares only " + direct[1] + " cells");
                }
                if (i < warped && direct[1] >= 100) {
                    assertTrue(
                            share(direct) >= 0.99,
                            name + " warped zoom " + level.zoom() + ": " + direct[0] + " of " + direct[1]
                                    + " cells equal gdalwarp's");
                }
            }
        }
    }

    private static void gdalwarp(String src, java.nio.file.Path out, double res, Extent e) throws Exception {
        run(
                "gdalwarp",
                "-q",
                "-et",
                "0",
                "-r",
                "near",
                "-t_srs",
                "EPSG:3857",
                "-tr",
                Double.toString(res),
                Double.toString(res),
                "-te",
                Double.toString(e.xmin()),
                Double.toString(e.ymin()),
                Double.toString(e.xmax()),
                Double.toString(e.ymax()),
                src,
                out.toString());
    }

    /** {identical, compared} cells of {@code tiles} against the reference raster over the key bounds (NoData on both sides skipped). */
    private static long[] sameCells(Map<SpatialKey, Tile> tiles, KeyBounds kb, java.nio.file.Path ref)
            throws IOException {
        double[] gdal = WholeRaster.band(ref.toString(), 0).toDoubleLane();
        int width = (kb.maxKey().col() - kb.minKey().col() + 1) * 256;
        long compared = 0;
        long same = 0;
        for (Map.Entry<SpatialKey, Tile> t : tiles.entrySet()) {
            double[] v = t.getValue().toDoubleLane();
            int x0 = (t.getKey().col() - kb.minKey().col()) * 256;
            int y0 = (t.getKey().row() - kb.minKey().row()) * 256;
            for (int r = 0; r < 256; r++) {
                for (int c = 0; c < 256; c++) {
                    double a = gdal[(y0 + r) * width + x0 + c];
                    double o = v[r * 256 + c];
                    if (Double.isNaN(a) && Double.isNaN(o)) {
                        continue;
                    }
                    compared++;
                    same += Double.compare(a, o) == 0 ? 1 : 0;
                }
            }
        }
        return new long[] {same, compared};
    }

    private static double share(long[] sameCompared) {
        return sameCompared[1] == 0 ? 1 : sameCompared[0] / (double) sameCompared[1];
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }

    private static final class DataTypeCells {
        static final CellType INT16_UD = CellType.userDefined(DataType.INT16, -9999);
    }
}
