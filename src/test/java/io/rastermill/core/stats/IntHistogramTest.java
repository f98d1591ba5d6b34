package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntHistogramTest {
    private static final long SEED = 777L;
    private static final int ND = NoData.INT;

    /** The int tile of the compat doc §6.5 and GeoTrellis's FastMapHistogram statistics of it. */
    @Test
    void goldenValuesOfTheCompatDoc() {
        Tile t = Tiles.ofInts(CellType.INT32, 12, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, ND, 10);
        IntHistogram h = Summaries.histogram(t);
        IntStatistics s = h.statistics();
        assertEquals(new IntStatistics(11, 3.6363636363636362, 3, 4, 2.2268088570756164, 1, 10), s);
        assertEquals(1, h.noDataCount());
        assertArrayEquals(new int[] {1, 2, 3, 4, 10}, h.values());
        assertArrayEquals(new long[] {1, 2, 3, 4, 1}, h.counts());
        // nearest rank on 1 2 2 3 3 3 4 4 4 4 10: ranks 3, 6, 9, 11 (GeoTrellis's own algorithm gives [1, 2, 3, 10])
        assertArrayEquals(new int[] {2, 3, 4, 10}, h.quantileBreaks(4));
        assertArrayEquals(new int[] {1, 2, 3, 10}, h.geoTrellisQuantileBreaks(4));
        assertEquals(1, h.percentile(0));
        assertEquals(10, h.percentile(1));
        assertEquals(3, h.percentile(0.5));
    }

    @Test
    void nearestRankIsNotPushedByRounding() {
        assertEquals(3, IntHistogram.nearestRank(0.3, 10)); // 0.3 * 10 = 3.0000000000000004 in doubles
        assertEquals(1, IntHistogram.nearestRank(0, 10));
        assertEquals(10, IntHistogram.nearestRank(1, 10));
        assertEquals(6, IntHistogram.nearestRank(0.5, 11));
        IntHistogram h = Summaries.histogram(Tiles.ofInts(CellType.INT32, 10, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals(3, h.percentile(0.3));
    }

    @Test
    void medianIsGeoTrellisUpperMedianAndModeTheSmallestMostFrequent() {
        IntHistogram h =
                Summaries.histogram(Tiles.ofBytes(CellType.UINT8, 4, 1, (byte) 1, (byte) 2, (byte) 3, (byte) 4));
        assertEquals(3, h.median()); // first value with cumulative count > floor(4/2)
        assertEquals(2, h.percentile(0.5)); // nearest rank: rank 2
        assertEquals(1, h.mode()); // all counts 1: the smallest
        assertNull(new IntHistogram().statistics());
        assertEquals(ND, new IntHistogram().median());
    }

    @Test
    void percentilesEqualNearestRankOnTheSortedData() {
        Random rnd = new Random(SEED);
        for (int c = 0; c < 1000; c++) {
            List<Tile> tiles = StatTiles.tiles(rnd, 4, 20);
            IntHistogram h = new IntHistogram();
            int[] all = new int[0];
            for (Tile t : tiles) {
                h.add(t);
                int[] lane = Arrays.stream(t.toIntLane()).filter(v -> v != ND).toArray();
                int[] grown = Arrays.copyOf(all, all.length + lane.length);
                System.arraycopy(lane, 0, grown, all.length, lane.length);
                all = grown;
            }
            Arrays.sort(all);
            assertEquals(all.length, h.totalCount(), "case " + c);
            if (all.length == 0) {
                continue;
            }
            for (int k = 0; k < 5; k++) {
                double q = k == 0 ? 0 : k == 1 ? 1 : rnd.nextDouble();
                int rank = rankOf(q, all.length);
                assertEquals(all[rank - 1], h.percentile(q), "case " + c + " q " + q);
            }
            assertEquals(all[all.length / 2], h.median(), "case " + c + " median");
            assertEquals(all[0], h.min());
            assertEquals(all[all.length - 1], h.max());
        }
    }

    @Test
    void denseAndSparseStorageCountTheSame() {
        Random rnd = new Random(SEED + 1);
        for (int c = 0; c < 300; c++) {
            List<Tile> tiles = StatTiles.tiles(rnd, 6, 12);
            IntHistogram byTile = new IntHistogram();
            IntHistogram sparse = new IntHistogram();
            for (Tile t : tiles) {
                byTile.add(t);
                int[] lane = t.toIntLane();
                sparse.addInts(lane, 0, lane.length);
            }
            assertEquals(sparse, byTile, "case " + c);
            for (int v : sparse.values()) {
                assertEquals(sparse.itemCount(v), byTile.itemCount(v));
            }
        }
    }

    @Test
    void lawsOnRandomSplitsAndMergeTrees() {
        AccumulatorLaws.check(
                new IntHistogram(),
                rnd -> StatTiles.tiles(rnd, 10, 12),
                (e, a, where) -> assertEquals(e, a, where),
                1000,
                SEED + 2);
    }

    @Test
    void binsFollowGdalRule() {
        IntHistogram h = Summaries.histogram(Tiles.ofBytes(
                CellType.UINT8, 4, 2, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6, (byte) 7, (byte)
                        200));
        Bins b = h.toGdalBins(DataType.UINT8);
        assertEquals(-0.5, b.lo());
        assertEquals(255.5, b.hi());
        long[] expected = new long[256];
        for (int v : new int[] {1, 2, 3, 4, 5, 6, 7, 200}) {
            expected[v]++;
        }
        assertArrayEquals(expected, b.counts());
        // UInt16 1..7, 1000: gdalinfo -hist says "256 buckets from -0.958824 to 1001.96: 2 4 1 0 ... 0 1"
        IntHistogram u = Summaries.histogram(Tiles.ofShorts(
                CellType.UINT16,
                4,
                2,
                (short) 1,
                (short) 2,
                (short) 3,
                (short) 4,
                (short) 5,
                (short) 6,
                (short) 7,
                (short) 1000));
        Bins ub = u.toGdalBins(DataType.UINT16);
        assertEquals(-0.958824, ub.lo(), 1e-6);
        assertEquals(1001.958824, ub.hi(), 1e-6);
        assertArrayEquals(new long[] {2, 4, 1}, Arrays.copyOf(ub.counts(), 3));
        assertEquals(1, ub.counts()[255]);
        // out-of-range values are clamped into the end buckets
        assertArrayEquals(new long[] {2, 1, 5}, u.toBins(3, 2, 5).counts()); // [2,3) [3,4) [4,5]
        assertThrows(IllegalArgumentException.class, () -> u.toBins(3, 5, 5));
    }

    /** Nearest rank by definition, counted up: the smallest r >= 1 with r / n >= q. */
    static int rankOf(double q, int n) {
        int r = 1;
        while (r < n && (double) r / n < q) {
            r++;
        }
        return r;
    }
}
