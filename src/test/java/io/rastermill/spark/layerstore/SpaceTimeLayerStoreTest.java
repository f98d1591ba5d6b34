package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import io.rastermill.io.layerstore.TileSchema;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.hdfs.MiniHdfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * Multiband space-time layers written and read back on both backends (the file backend on local disk, the Hadoop
 * backend on a {@code MiniDFSCluster}): every band's stored samples come back, queries in space and time keep the
 * right tiles, and the single-band reader refuses a multiband layer (and the reverse) naming the other reader.
 */
class SpaceTimeLayerStoreTest {
    @RegisterExtension
    @Order(1)
    static final MiniHdfs HDFS = new MiniHdfs("rastermill-st-store-dfs");

    @RegisterExtension
    @Order(2)
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static final long DAY = KeyIndex.ZSpaceTime.DAY;
    /** Two scenes on 2024-06-01 (one day bin, so they share files), one two days later, one a month later. */
    private static final long[] INSTANTS = {
        1_717_237_800_000L, 1_717_250_400_000L, 1_717_410_600_000L, 1_719_829_800_000L
    };

    private static final TemporalBounds TIME = new TemporalBounds(INSTANTS[0], INSTANTS[3]);

    /** Three bands per tile; every instant lacks one key, as real scenes cover different parts of the grid. */
    private static Map<SpaceTimeKey, MultibandTile> tiles(CellType ct, long seed) {
        Random rnd = new Random(seed);
        Map<SpaceTimeKey, MultibandTile> m = new TreeMap<>();
        for (int t = 0; t < INSTANTS.length; t++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    if (r * 3 + c != t) {
                        m.put(
                                new SpaceTimeKey(c, r, INSTANTS[t]),
                                MultibandTile.of(
                                        LayerStoreFixtures.randomTile(ct, rnd),
                                        LayerStoreFixtures.randomTile(ct, rnd),
                                        LayerStoreFixtures.randomTile(ct, rnd)));
                    }
                }
            }
        }
        return m;
    }

    private static MultibandSpaceTimeLayer layer(CellType ct, Map<SpaceTimeKey, MultibandTile> tiles) {
        List<Tuple2<SpaceTimeKey, MultibandTile>> pairs = new ArrayList<>();
        tiles.forEach((k, t) -> pairs.add(new Tuple2<>(k, t)));
        return new MultibandSpaceTimeLayer(
                JavaSparkContext.fromSparkContext(SPARK.session().sparkContext())
                        .parallelizePairs(pairs, 3),
                LayerStoreFixtures.metadata(ct),
                TIME);
    }

    private static void assertSame(Map<SpaceTimeKey, MultibandTile> expected, MultibandSpaceTimeLayer actual) {
        Map<SpaceTimeKey, MultibandTile> got = new TreeMap<>(actual.rdd().collectAsMap());
        assertEquals(expected.keySet(), got.keySet());
        for (SpaceTimeKey k : expected.keySet()) {
            MultibandTile e = expected.get(k);
            MultibandTile g = got.get(k);
            assertEquals(e.bandCount(), g.bandCount(), "bands of " + k);
            for (int b = 0; b < e.bandCount(); b++) {
                Tile eb = e.band(b);
                Tile gb = g.band(b);
                assertEquals(eb.cellType(), gb.cellType(), k + " band " + b);
                assertArrayEquals(eb.toBytes(), gb.toBytes(), k + " band " + b);
            }
        }
    }

    private static void roundTrip(String catalog, Catalog.Backend backend, CellType ct, long seed) throws Exception {
        Map<SpaceTimeKey, MultibandTile> tiles = tiles(ct, seed);
        LayerId id = new LayerId("mbst", 3);
        SpaceTimeLayerStore store = SpaceTimeLayerStore.open(SPARK.session(), catalog, backend);
        LayerWriter.Result r = store.writeMultiband(id, layer(ct, tiles), DAY, false);
        assertEquals(tiles.size(), r.tiles());
        assertEquals(TileSchema.SPACETIME_MULTIBAND, store.attributes(id).schema());
        assertEquals(TIME, store.attributes(id).time());

        MultibandSpaceTimeLayer back = store.readMultiband(id, null, null);
        assertEquals(LayerStoreFixtures.metadata(ct), back.metadata());
        assertEquals(TIME, back.time());
        assertSame(tiles, back);

        // a query in space and time: the first day's scenes of columns 1..2
        KeyBounds q = new KeyBounds(new SpatialKey(1, 0), new SpatialKey(2, 1));
        TemporalBounds when = new TemporalBounds(INSTANTS[0], INSTANTS[1]);
        Map<SpaceTimeKey, MultibandTile> want = new TreeMap<>(tiles);
        want.keySet().removeIf(k -> !q.includes(k.spatialKey()) || !when.includes(k.instant()));
        MultibandSpaceTimeLayer part = store.readMultiband(id, q, when);
        assertEquals(when, part.time());
        assertSame(want, part);

        // one band as a single-band layer, and overwriting keeps the layer readable
        assertEquals(3, back.bandCount());
        Map<SpaceTimeKey, Tile> band2 = new TreeMap<>(back.band(1).rdd().collectAsMap());
        tiles.forEach(
                (k, t) -> assertArrayEquals(t.band(1).toBytes(), band2.get(k).toBytes(), k.toString()));
        Map<SpaceTimeKey, MultibandTile> next = tiles(ct, seed + 1);
        store.writeMultiband(id, layer(ct, next), 30 * DAY, true);
        assertSame(next, store.readMultiband(id, null, null));

        LayerStoreException single = assertThrows(LayerStoreException.class, () -> store.read(id, null, null));
        assertTrue(
                single.getMessage()
                        .contains("stores geotrellis.raster.MultibandTile records; read it with readMultiband"),
                single.getMessage());
        LayerId one = new LayerId("st", 3);
        store.write(one, layer(ct, tiles).band(0), DAY, false);
        LayerStoreException multi = assertThrows(LayerStoreException.class, () -> store.readMultiband(one, null, null));
        assertTrue(
                multi.getMessage().contains("stores geotrellis.raster.Tile records; read it with read"),
                multi.getMessage());
    }

    @Test
    void multibandRoundTripOnTheFileBackend(@TempDir Path dir) throws Exception {
        roundTrip(dir.resolve("catalog").toString(), null, CellType.UINT16, 5);
        roundTrip(dir.resolve("catalog-f32").toString(), null, CellType.userDefined(DataType.FLOAT32, -9999), 6);
    }

    @Test
    void multibandRoundTripOnTheHadoopBackend() throws Exception {
        roundTrip(HDFS.root() + "/st-catalog", Catalog.Backend.HADOOP, CellType.INT16, 7);
    }
}
