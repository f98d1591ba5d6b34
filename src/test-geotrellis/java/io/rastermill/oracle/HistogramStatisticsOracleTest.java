package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geotrellis.raster.histogram.FastMapHistogram;
import geotrellis.raster.histogram.FastMapHistogram$;
import geotrellis.raster.summary.Statistics;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.IntStatistics;
import io.rastermill.core.stats.Summaries;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.RandomTiles;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exact int histogram statistics equal GeoTrellis 3.7.1's {@code FastMapHistogram.fromTile(tile).statistics()}
 * ({@code tile.histogram.statistics()}) on seeded random tiles of random cell types (floats are truncated by
 * the int lane on both sides): count, median (upper-median rule), mode (smallest most frequent), min and max
 * exactly; mean and population stddev within 1e-12 relative to the data's scale.
 */
class HistogramStatisticsOracleTest {
    private static final long SEED = 6_5L;
    private static final int CASES = 1500;

    @Test
    void intHistogramStatisticsEqualGeoTrellis() {
        RandomTiles gen = new RandomTiles(SEED);
        Random rnd = gen.random();
        int compared = 0;
        int empty = 0;
        for (int i = 0; i < CASES; i++) {
            ArrayTile ours = gen.tile(gen.cellType(), 1 + rnd.nextInt(24));
            if (hasGeoTrellisReservedKey(ours)) {
                continue; // FastMapHistogram reserves Int.MinValue + 1 as its empty-slot marker
            }
            geotrellis.raster.Tile gt = GeoTrellis.tile(ours);
            FastMapHistogram gtHist = FastMapHistogram$.MODULE$.fromTile(gt);
            scala.Option<Statistics<Object>> gtStats = gtHist.statistics();
            IntStatistics s = Summaries.histogram(ours).statistics();
            String where = ours + " case " + i + " seed " + SEED;
            if (gtStats.isEmpty()) {
                assertNull(s, where);
                empty++;
                continue;
            }
            assertSameStatistics(gtStats.get(), s, where);
            compared++;
        }
        assertTrue(compared >= 1000, "only " + compared + " non-empty cases compared");
        System.out.println("oracle histogram statistics: " + compared + " tiles compared, " + empty + " empty");
    }

    @Test
    void mergedHistogramsOfSeveralTilesEqualGeoTrellisMerge() {
        RandomTiles gen = new RandomTiles(SEED + 1);
        Random rnd = gen.random();
        for (int i = 0; i < 300; i++) {
            IntHistogram ours = new IntHistogram();
            FastMapHistogram gtHist = FastMapHistogram$.MODULE$.apply();
            int n = 1 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                ArrayTile t = gen.tile(gen.cellType(), 12);
                if (hasGeoTrellisReservedKey(t)) {
                    continue;
                }
                ours.merge(new IntHistogram().add(t));
                gtHist = (FastMapHistogram) gtHist.merge(FastMapHistogram$.MODULE$.fromTile(GeoTrellis.tile(t)));
            }
            scala.Option<Statistics<Object>> gtStats = gtHist.statistics();
            if (gtStats.isEmpty()) {
                assertNull(ours.statistics());
            } else {
                assertSameStatistics(gtStats.get(), ours.statistics(), "merged case " + i + " seed " + (SEED + 1));
            }
        }
    }

    @Test
    void quantileBreaksEqualGeoTrellis() {
        RandomTiles gen = new RandomTiles(SEED + 2);
        Random rnd = gen.random();
        int compared = 0;
        int thrown = 0;
        for (int i = 0; i < CASES; i++) {
            ArrayTile ours = gen.tile(gen.cellType(), 1 + rnd.nextInt(24));
            if (hasGeoTrellisReservedKey(ours)) {
                continue;
            }
            int num = 1 + rnd.nextInt(12);
            FastMapHistogram gtHist = FastMapHistogram$.MODULE$.fromTile(GeoTrellis.tile(ours));
            IntHistogram h = Summaries.histogram(ours);
            int[] expected;
            try {
                expected = (int[]) gtHist.quantileBreaks(num);
            } catch (ArithmeticException e) {
                assertThrows(ArithmeticException.class, () -> h.geoTrellisQuantileBreaks(num), "case " + i);
                thrown++;
                continue;
            }
            assertArrayEquals(
                    expected, h.geoTrellisQuantileBreaks(num), ours + " quantileBreaks(" + num + ") case " + i);
            compared++;
        }
        System.out.println("oracle quantileBreaks: " + compared + " compared, " + thrown + " where GeoTrellis throws");
    }

    @Test
    void goldenIntTileOfTheCompatDoc() {
        Tile t = Tiles.ofInts(CellType.INT32, 12, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, NoData.INT, 10);
        Statistics<Object> gt = FastMapHistogram$.MODULE$
                .fromTile(GeoTrellis.tile(t))
                .statistics()
                .get();
        IntStatistics ours = Summaries.histogram(t).statistics();
        assertEquals(new IntStatistics(11, 3.6363636363636362, 3, 4, 2.2268088570756164, 1, 10), ours);
        assertSameStatistics(gt, ours, "compat doc §6.5");
        assertArrayEquals(new int[] {1, 2, 3, 10}, Summaries.histogram(t).geoTrellisQuantileBreaks(4));
    }

    private static void assertSameStatistics(Statistics<Object> gt, IntStatistics s, String where) {
        assertEquals(gt.dataCells(), s.dataCells(), where + " dataCells");
        assertEquals(((Integer) gt.median()).intValue(), s.median(), where + " median");
        assertEquals(((Integer) gt.mode()).intValue(), s.mode(), where + " mode");
        assertEquals(((Integer) gt.zmin()).intValue(), s.min(), where + " min");
        assertEquals(((Integer) gt.zmax()).intValue(), s.max(), where + " max");
        double scale = Math.max(Math.abs((double) s.min()), Math.abs((double) s.max()));
        assertEquals(gt.mean(), s.mean(), 1e-12 * Math.max(1, scale), where + " mean");
        assertEquals(gt.stddev(), s.stddev(), 1e-12 * Math.max(1, scale), where + " stddev");
    }

    private static boolean hasGeoTrellisReservedKey(Tile t) {
        for (int v : t.toIntLane()) {
            if (v == Integer.MIN_VALUE + 1) {
                return true;
            }
        }
        return false;
    }
}
