package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.tile.Tiles;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayerStore;
import io.rastermill.spark.temporal.LayerComposite;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * {@link LayerFrames#toSpaceTimeLayer}: a space-time layer through a DataFrame and back is the same layer (edge tiles
 * cropped and padded back); a monthly {@code rm_composite} in SQL, made a layer, stored and read back, equals
 * {@link LayerComposite}'s median of each month cell for cell; bad frames fail naming the column or the key. The layer:
 * 14 UInt16 scenes (NoData 0 in 10 % of cells) three to nine days apart from 2024-05-02, on a 3×2 layout of 8×8 tiles
 * over a 20×12-cell raster, so the east and south tiles are cropped.
 */
class SpaceTimeFramesTest {
    @RegisterExtension
    static final LocalSparkSession SPARK =
            new LocalSparkSession().fewShufflePartitions().with("spark.sql.session.timeZone", "UTC");

    private static final int TILE = 8;
    private static final LayoutDefinition LAYOUT =
            new LayoutDefinition(new Extent(0, 0, 240, 160), new TileLayout(3, 2, TILE, TILE));
    private static final TileLayerMetadata MD = new TileLayerMetadata(
            CellType.UINT16,
            LAYOUT,
            new Extent(0, 40, 200, 160), // 20×12 cells of 10 m
            Crs.epsg(32633),
            new KeyBounds(new SpatialKey(0, 0), new SpatialKey(2, 1)));

    /** The scenes' tiles; cells outside the raster are NoData, as a layer read from a GeoTIFF holds them. */
    private static Map<SpaceTimeKey, Tile> tiles() {
        Random rnd = new Random(27);
        Map<SpaceTimeKey, Tile> m = new TreeMap<>();
        ZonedDateTime t = ZonedDateTime.of(2024, 5, 2, 10, 30, 0, 0, ZoneOffset.UTC);
        for (int s = 0; s < 14; s++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    short[] v = new short[TILE * TILE];
                    for (int i = 0; i < v.length; i++) {
                        int x = c * TILE + i % TILE;
                        int y = r * TILE + i / TILE;
                        boolean inside = x < 20 && y < 12;
                        v[i] = (short) (!inside || rnd.nextDouble() < 0.1 ? 0 : 200 + 10 * s + rnd.nextInt(3000));
                    }
                    m.put(
                            new SpaceTimeKey(c, r, t.toInstant().toEpochMilli()),
                            Tiles.ofShorts(CellType.UINT16, TILE, TILE, v));
                }
            }
            t = t.plusDays(3 + rnd.nextInt(7));
        }
        return m;
    }

    private static SpaceTimeLayer layer(Map<SpaceTimeKey, Tile> tiles) {
        List<Tuple2<SpaceTimeKey, Tile>> pairs = new ArrayList<>();
        TemporalBounds time = null;
        for (Map.Entry<SpaceTimeKey, Tile> e : tiles.entrySet()) {
            pairs.add(new Tuple2<>(e.getKey(), e.getValue()));
            long i = e.getKey().instant();
            time = time == null ? TemporalBounds.of(i) : time.include(i);
        }
        return new SpaceTimeLayer(
                JavaSparkContext.fromSparkContext(SPARK.session().sparkContext())
                        .parallelizePairs(pairs, 3),
                MD,
                time);
    }

    private static void assertSameTiles(Map<SpaceTimeKey, Tile> expected, Map<SpaceTimeKey, Tile> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (SpaceTimeKey k : expected.keySet()) {
            assertEquals(expected.get(k).cellType(), actual.get(k).cellType(), k.toString());
            assertArrayEquals(expected.get(k).toBytes(), actual.get(k).toBytes(), k.toString());
        }
    }

    @Test
    void aLayerThroughADataFrameIsTheSameLayer(@TempDir Path dir) throws Exception {
        Map<SpaceTimeKey, Tile> tiles = tiles();
        SpaceTimeLayer layer = layer(tiles);
        Dataset<Row> frame = LayerFrames.toDataFrame(SPARK.session(), layer);
        SpaceTimeLayer back = LayerFrames.toSpaceTimeLayer(frame.select("tile", "instant", "row", "col"), MD);
        assertEquals(layer.time(), back.time());
        assertEquals(MD, back.metadata());
        assertSameTiles(tiles, new TreeMap<>(back.rdd().collectAsMap()));

        SpaceTimeLayerStore store =
                SpaceTimeLayerStore.open(SPARK.session(), dir.resolve("cat").toString(), null);
        LayerId id = new LayerId("frames", 0);
        store.write(id, back, KeyIndex.ZSpaceTime.DAY, false);
        assertSameTiles(tiles, new TreeMap<>(store.read(id, null, null).rdd().collectAsMap()));
    }

    @Test
    void aMonthlySqlCompositeStoredAsALayerEqualsLayerComposite(@TempDir Path dir) throws Exception {
        SparkSession spark = SPARK.session();
        RastermillSql.register(spark);
        SpaceTimeLayer layer = layer(tiles());
        LayerFrames.toDataFrame(spark, layer).createOrReplaceTempView("scenes");
        Dataset<Row> monthly = spark.sql("""
                SELECT col, row, date_trunc('MONTH', instant) AS instant, rm_composite(tile, 'median') AS tile
                FROM scenes GROUP BY col, row, date_trunc('MONTH', instant)""");
        SpaceTimeLayer medians = LayerFrames.toSpaceTimeLayer(monthly, MD.withCellType(CellType.FLOAT32));
        SpaceTimeLayerStore store =
                SpaceTimeLayerStore.open(spark, dir.resolve("cat").toString(), null);
        LayerId id = new LayerId("monthly", 0);
        store.write(id, medians, KeyIndex.ZSpaceTime.DAY, false);
        SpaceTimeLayer stored = store.read(id, null, null);
        List<Long> months = stored.instants();
        assertEquals(
                List.of("2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z"),
                months.stream().map(t -> Instant.ofEpochMilli(t).toString()).toList());
        Map<SpaceTimeKey, Tile> got = new TreeMap<>(stored.rdd().collectAsMap());
        TemporalReducer median = TemporalReducer.parse("median");
        for (long m : months) {
            long end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(m), ZoneOffset.UTC)
                            .plusMonths(1)
                            .toInstant()
                            .toEpochMilli()
                    - 1;
            SpaceTimeLayer month = layer.filter(null, new TemporalBounds(m, end));
            Map<SpatialKey, Tile> want = new TreeMap<>(LayerComposite.reduce(month, median, CellType.FLOAT32, m)
                    .get(0)
                    .rdd()
                    .collectAsMap());
            assertEquals(6, want.size());
            want.forEach((k, t) -> {
                Tile g = got.get(SpaceTimeKey.of(k, m));
                assertEquals(CellType.FLOAT32, g.cellType());
                // the frame holds the in-raster cells: compare those (outside, both are NoData)
                assertArrayEquals(t.toDoubleLane(), g.toDoubleLane(), k + " in " + Instant.ofEpochMilli(m));
            });
        }
    }

    @Test
    void badFramesFailNamingTheColumnOrTheKey() {
        SparkSession spark = SPARK.session();
        Dataset<Row> frame = LayerFrames.toDataFrame(spark, layer(tiles()));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class, () -> LayerFrames.toSpaceTimeLayer(frame.drop("instant"), MD));
        assertEquals("the frame has no 'instant' column; it has col, row, tile", missing.getMessage());
        IllegalArgumentException typed = assertThrows(
                IllegalArgumentException.class,
                () -> LayerFrames.toSpaceTimeLayer(
                        frame.withColumn("instant", functions.col("instant").cast("string")), MD));
        assertEquals("the frame's 'instant' column is STRING; it must be TIMESTAMP", typed.getMessage());
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> LayerFrames.toSpaceTimeLayer(frame.union(frame.filter("col = 2 AND row = 1")), MD));
        assertTrue(
                twice.getMessage().startsWith("the frame has 2 rows for the key SpaceTimeKey[col=2, row=1, instant=")
                        && twice.getMessage().endsWith("one tile per (col, row, instant)"),
                twice.getMessage());

        Timestamp june = Timestamp.from(Instant.parse("2024-06-03T00:00:00Z"));
        Tile floats = Tiles.fromDoubleLane(CellType.FLOAT32, TILE, TILE, new double[TILE * TILE]);
        Tile small = Tiles.ofShorts(CellType.UINT16, 5, 5, new short[25]);
        String[] expected = {
            "tile SpaceTimeKey[col=1, row=0, instant=" + june.getTime()
                    + "] is float32; the layer's cell type is uint16",
            "tile SpaceTimeKey[col=1, row=0, instant=" + june.getTime()
                    + "] is 5x5; the layout's tiles are 8x8, its in-raster part 8x8"
        };
        Tile[] bad = {floats, small};
        for (int i = 0; i < bad.length; i++) {
            Dataset<Row> one = spark.createDataFrame(
                    List.of(RowFactory.create(1, 0, june, TileBytes.encode(bad[i]))), LayerFrames.SPACE_TIME_SCHEMA);
            SpaceTimeLayer l = LayerFrames.toSpaceTimeLayer(one, MD);
            SparkException e = assertThrows(SparkException.class, () -> l.rdd().count());
            assertTrue(e.getMessage().contains(expected[i]), e.getMessage());
        }
    }
}
