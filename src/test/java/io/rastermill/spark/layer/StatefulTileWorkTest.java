package io.rastermill.spark.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaPairRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Setups run once per task (counted with a {@link Counter}) or once per JVM, functions use what they
 * loaded, and counters sum what the tasks added.
 */
class StatefulTileWorkTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    /** A "model": a number the functions apply to every cell, loaded by the setup. */
    record Offset(int value) {}

    /** 64 x 64 float32 cells with NoData, as float64 so that functions compute in double. */
    static TileLayer layer() throws IOException {
        GdalFixture f = GdalFixtures.named("ovr_float32_deflate_p3_tile16_avg");
        return TileLayers.readGeoTiffs(
                        SPARK.session(),
                        List.of(f.tif().toString()),
                        TileLayers.ReadOptions.defaults().withTileSize(20))
                .mapTiles(t -> t, CellType.FLOAT64);
    }

    static <V> long nonEmptyPartitions(JavaPairRDD<?, V> rdd) {
        return rdd.mapPartitions(it -> List.of(it.hasNext() ? 1L : 0L).iterator())
                .reduce(Long::sum);
    }

    static long dataCells(Tile t) {
        long n = 0;
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                n += t.isNoData(c, r) ? 0 : 1;
            }
        }
        return n;
    }

    @Test
    void mapTilesRunsTheSetupOncePerTaskAndCountersSumOverTasks() throws IOException {
        TileLayer dem = layer();
        Counter setups = TileCounters.counter(SPARK.session(), "setups");
        Counter tiles = TileCounters.counter(SPARK.session(), "tiles");
        Counter dataCells = TileCounters.counter(SPARK.session(), "data cells");
        TaskSetup<Offset> load = () -> {
            setups.increment();
            return new Offset(7);
        };
        TileLayer shifted = dem.mapTiles(
                load,
                (Offset o, Tile t) -> {
                    tiles.increment();
                    dataCells.add(dataCells(t));
                    return t.mapIfSetDouble(z -> z + o.value());
                },
                CellType.FLOAT64);
        Tile got = TileLayerTest.stitch(shifted);

        Tile raster = TileLayerTest.stitch(dem);
        assertEquals(raster.mapIfSetDouble(z -> z + 7), got);
        assertEquals(16, tiles.value(), "64 x 64 cells in tiles of 20: 4 x 4 tiles");
        assertEquals(nonEmptyPartitions(dem.rdd()), setups.value(), "one setup per task that has tiles");
        assertTrue(setups.value() < tiles.value(), "fewer setups than tiles: " + setups);
        Statistics s = dem.reduce(new CellStatistics());
        assertEquals(s.dataCells(), dataCells.value());
        assertEquals("data cells", dataCells.name());
    }

    @Test
    void aPerJvmSetupRunsOnceForAllTasksAndActions() throws IOException {
        Counter setups = TileCounters.counter(SPARK.session(), "per-JVM setups");
        String key = "test-offset/" + UUID.randomUUID();
        TaskSetup<Offset> load = TaskSetup.perJvm(key, () -> {
            setups.increment();
            return new Offset(2);
        });
        TileLayer dem = layer();
        TileLayer a = dem.mapTiles(load, (Offset o, Tile t) -> t.mapIfSetDouble(z -> z * o.value()), CellType.FLOAT64);
        TileLayer b =
                dem.mapTiles(load, (Offset o, Tile t) -> t.mapIfSetDouble(z -> z * 2 * o.value()), CellType.FLOAT64);
        Tile sum = TileLayerTest.stitch(a.combine(b, (x, y) -> x.combineDouble(y, Double::sum)));
        TileLayerTest.assertSameCells(
                TileLayerTest.stitch(dem).mapIfSetDouble(z -> 6 * z), sum, "2z + 4z (powers of two: exact)");
        assertTrue(nonEmptyPartitions(dem.rdd()) > 1, "the test needs several tasks");
        assertEquals(1, setups.value(), "local mode is one JVM: one load for every task of both layers");
    }

    @Test
    void aStatefulFocalStepChainsWithOthersAndSetsUpOncePerTask() throws Exception {
        TileLayer dem = layer();
        FocalKernel mean = FocalOps.statsKernel(
                new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 1));
        Counter setups = TileCounters.counter(SPARK.session(), "focal setups");
        TaskSetup<FocalKernel> load = () -> {
            setups.increment();
            return mean;
        };
        TileLayer chained =
                dem.focal(mean).focal(1, load, (FocalKernel k, BufferedTile in) -> k.apply(in), CellType.FLOAT64);
        Tile got = TileLayerTest.stitch(chained);
        Tile raster = TileLayerTest.stitch(dem);
        CellSize cs = dem.metadata().layout().cellSize();
        Tile expected = FocalOps.applyWhole(mean, FocalOps.applyWhole(mean, raster, cs), cs);
        TileLayerTest.assertSameCells(expected, got, "stateful step after a built-in one");
        assertEquals(
                nonEmptyPartitions(dem.rdd()), setups.value(), "one setup per task (the halo keeps the partitioning)");
    }
}
