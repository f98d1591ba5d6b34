package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellStatisticsTest {
    private static final long SEED = 20261129L;

    static void assertClose(double expected, double actual, double rel, String where) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), where + ": " + expected + " vs " + actual);
            return;
        }
        double tol = rel * Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(
                Math.abs(expected - actual) <= tol,
                where + ": expected " + expected + " got " + actual + " (|diff| " + Math.abs(expected - actual) + " > "
                        + tol + ")");
    }

    /** Count, NoData, min, max exactly; mean, stddev, sample stddev and sum within 1e-12 relative. */
    static void assertSame(CellStatistics e, CellStatistics a, String where) {
        assertEquals(e.count(), a.count(), where + " count");
        assertEquals(e.noDataCount(), a.noDataCount(), where + " noData");
        assertEquals(e.min(), a.min(), 0.0, where + " min");
        assertEquals(e.max(), a.max(), 0.0, where + " max");
        assertClose(e.mean(), a.mean(), 1e-12, where + " mean");
        assertClose(e.stddev(), a.stddev(), 1e-12, where + " stddev");
        assertClose(e.sampleStddev(), a.sampleStddev(), 1e-12, where + " sample stddev");
        assertClose(e.sum(), a.sum(), 1e-12, where + " sum");
    }

    @Test
    void populationAndSampleStddevOfASmallTile() {
        Tile t = Tiles.ofBytes(
                CellType.UINT8, 4, 2, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6, (byte) 7, (byte) 200);
        Statistics s = Summaries.statistics(t);
        assertEquals(8, s.dataCells());
        assertEquals(0, s.noDataCells());
        assertEquals(1, s.min());
        assertEquals(200, s.max());
        assertEquals(228, s.sum());
        assertEquals(28.5, s.mean(), 1e-15);
        assertEquals(64.84789896365186, s.stddev(), 1e-12); // gdalinfo -stats: 64.847898963652
        assertEquals(69.32532004974806, s.sampleStddev(), 1e-12);
    }

    @Test
    void noDataIsCountedApartInBothLanes() {
        Tile f = Tiles.ofFloats(CellType.parse("float32ud-9999.0"), 4, 2, 1.5f, 2, 3, 4, 5, -9999, 7, 10.25f);
        Statistics s = Summaries.statistics(f);
        assertEquals(7, s.dataCells());
        assertEquals(1, s.noDataCells());
        assertEquals(1.5, s.min());
        assertEquals(10.25, s.max());
        assertEquals(4.678571428571429, s.mean(), 1e-14);
        assertEquals(2.8558032573862575, s.stddev(), 1e-13); // gdalinfo -stats: 2.8558032573863

        Tile i = Tiles.ofShorts(CellType.INT16, 3, 1, (short) -5, Short.MIN_VALUE, (short) 7);
        Statistics si = Summaries.statistics(i);
        assertEquals(2, si.dataCells());
        assertEquals(1, si.noDataCells());
        assertEquals(1.0, si.mean());
        assertEquals(6.0, si.stddev());
    }

    @Test
    void emptyAndAllNoData() {
        Statistics empty = new CellStatistics().finish();
        assertEquals(0, empty.dataCells());
        assertTrue(Double.isNaN(empty.mean()) && Double.isNaN(empty.min()) && Double.isNaN(empty.stddev()));
        Statistics nd = Summaries.statistics(Tiles.constant(CellType.FLOAT32, 3, 3, Double.NaN));
        assertEquals(0, nd.dataCells());
        assertEquals(9, nd.noDataCells());
        Statistics one = Summaries.statistics(Tiles.ofInts(CellType.INT32, 1, 1, 42));
        assertEquals(0.0, one.stddev());
        assertTrue(Double.isNaN(one.sampleStddev()));
    }

    @Test
    void lawsOnRandomSplitsAndMergeTrees() {
        AccumulatorLaws.check(
                new CellStatistics(), rnd -> StatTiles.tiles(rnd, 12, 16), CellStatisticsTest::assertSame, 1500, SEED);
    }

    /**
     * The laws alone cannot catch a wrong merge formula that is itself associative (e.g. adding M2s without
     * the between-group term), so the result is also compared with a plain two-pass computation over all cells.
     */
    @Test
    void manyTilesEqualATwoPassComputationOverAllCells() {
        Random rnd = new Random(SEED + 2);
        for (int c = 0; c < 1000; c++) {
            java.util.List<Tile> tiles = StatTiles.tiles(rnd, 8, 16);
            double sum = 0;
            long n = 0;
            long nd = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            java.util.List<double[]> lanes = new java.util.ArrayList<>();
            for (Tile t : tiles) {
                double[] lane = t.toDoubleLane();
                lanes.add(lane);
                for (double v : lane) {
                    if (Double.isNaN(v)) {
                        nd++;
                    } else {
                        n++;
                        sum += v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            Statistics s = Summaries.statistics(tiles.toArray(Tile[]::new));
            String where = "case " + c + " seed " + (SEED + 2);
            assertEquals(n, s.dataCells(), where);
            assertEquals(nd, s.noDataCells(), where);
            if (n == 0) {
                continue;
            }
            double mean = sum / n;
            double q = 0;
            for (double[] lane : lanes) {
                for (double v : lane) {
                    if (!Double.isNaN(v)) {
                        q += (v - mean) * (v - mean);
                    }
                }
            }
            assertEquals(min, s.min(), 0.0, where);
            assertEquals(max, s.max(), 0.0, where);
            assertClose(mean, s.mean(), 1e-12, where + " mean");
            // the plain two-pass reference itself carries rounding error when stddev << |mean|
            assertTrue(
                    Math.abs(Math.sqrt(q / n) - s.stddev())
                            <= 1e-12 * Math.max(Math.abs(mean), s.stddev()) + 1e-9 * s.stddev(),
                    where + " stddev " + s.stddev() + " vs two-pass " + Math.sqrt(q / n));
        }
    }

    @Test
    void splittingOneLaneAtRandomPointsGivesTheSinglePassResult() {
        Random rnd = new Random(SEED + 1);
        for (int c = 0; c < 1000; c++) {
            int n = 1 + rnd.nextInt(2000);
            double[] lane = new double[n];
            double offset = rnd.nextGaussian() * 1e6;
            for (int i = 0; i < n; i++) {
                lane[i] = rnd.nextInt(10) == 0 ? Double.NaN : offset + rnd.nextGaussian() * (1 + rnd.nextInt(1000));
            }
            CellStatistics whole = new CellStatistics().addDoubles(lane, 0, n);
            // two-pass reference for mean and M2
            double sum = 0;
            long k = 0;
            for (double v : lane) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            if (k > 0) {
                double mean = sum / k;
                double q = 0;
                for (double v : lane) {
                    if (!Double.isNaN(v)) {
                        q += (v - mean) * (v - mean);
                    }
                }
                assertClose(mean, whole.mean(), 1e-12, "case " + c + " mean vs two-pass");
                assertClose(Math.sqrt(q / k), whole.stddev(), 1e-10, "case " + c + " stddev vs two-pass");
            }
            int pieces = 1 + rnd.nextInt(20);
            CellStatistics[] parts = new CellStatistics[pieces];
            int from = 0;
            for (int p = 0; p < pieces; p++) {
                int to = p == pieces - 1 ? n : from + rnd.nextInt(n - from + 1);
                parts[p] = new CellStatistics().addDoubles(lane, from, to);
                from = to;
            }
            CellStatistics merged = new CellStatistics();
            for (int p = pieces - 1; p >= 0; p--) {
                merged.merge(parts[p]);
            }
            assertSame(whole, merged, "case " + c + " seed " + (SEED + 1));
        }
    }
}
