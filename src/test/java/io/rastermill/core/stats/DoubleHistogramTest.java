package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The documented bound: every percentile within half a bin width of the exact nearest-rank percentile. */
class DoubleHistogramTest {
    private static final long SEED = 99L;

    private static List<DoubleSupplier> distributions(Random rnd) {
        return List.of(
                () -> rnd.nextDouble() * 100 - 50, // uniform
                () -> 1e5 + rnd.nextGaussian() * 3, // normal, far from 0
                () -> Math.pow(1 - rnd.nextDouble(), -1 / 1.5), // Pareto α=1.5 (heavy tail)
                () -> Math.tan(Math.PI * (rnd.nextDouble() - 0.5)), // Cauchy (very heavy tails)
                () -> rnd.nextInt(5) * 2.5, // discrete, many ties
                () -> -7.25, // constant
                () -> rnd.nextBoolean() ? rnd.nextGaussian() : 1e4 + rnd.nextGaussian()); // bimodal
    }

    @Test
    void percentilesAreWithinHalfABinOfExactNearestRankPercentiles() {
        Random rnd = new Random(SEED);
        List<DoubleSupplier> dists = distributions(rnd);
        int[] binChoices = {1, 2, 7, 80, 256, 1000, 10_000};
        int checked = 0;
        for (int c = 0; c < 700; c++) {
            DoubleSupplier dist = dists.get(c % dists.size());
            int bins = binChoices[rnd.nextInt(binChoices.length)];
            int tileCount = 1 + rnd.nextInt(4);
            List<Tile> tiles = new ArrayList<>();
            double[] all = new double[0];
            CellType ct = rnd.nextBoolean() ? CellType.FLOAT64 : CellType.FLOAT32;
            for (int k = 0; k < tileCount; k++) {
                int cols = 1 + rnd.nextInt(40);
                int rows = 1 + rnd.nextInt(40);
                double[] lane = new double[cols * rows];
                double nd = rnd.nextDouble() * 0.3;
                for (int i = 0; i < lane.length; i++) {
                    lane[i] = rnd.nextDouble() < nd ? Double.NaN : dist.getAsDouble();
                    if (ct == CellType.FLOAT32) {
                        lane[i] = (float) lane[i];
                    }
                }
                tiles.add(Tiles.fromDoubleLane(ct, cols, rows, lane));
                double[] data =
                        Arrays.stream(lane).filter(v -> !Double.isNaN(v)).toArray();
                int from = all.length;
                all = Arrays.copyOf(all, from + data.length);
                System.arraycopy(data, 0, all, from, data.length);
            }
            Arrays.sort(all);
            DoubleHistogram h = Summaries.doubleHistogram(bins, tiles.toArray(Tile[]::new));
            assertEquals(all.length, h.totalCount());
            assertEquals(0, h.outOfRangeCount());
            if (all.length == 0) {
                assertTrue(Double.isNaN(h.percentile(0.5)));
                continue;
            }
            double bound = h.errorBound();
            double slack = 8 * Math.ulp(Math.max(Math.abs(h.lo()), Math.abs(h.hi())));
            assertEquals((all[all.length - 1] - all[0]) / bins / 2, bound, 0.0);
            for (int k = 0; k < 25; k++) {
                double q = k == 0 ? 0 : k == 1 ? 1 : k == 2 ? 0.5 : rnd.nextDouble();
                int rank = rankOf(q, all.length);
                double exact = all[rank - 1];
                double est = h.percentile(q);
                assertTrue(
                        Math.abs(est - exact) <= bound + slack,
                        "case " + c + " bins " + bins + " q " + q + ": estimate " + est + " exact " + exact + " bound "
                                + bound);
                checked++;
            }
            assertEquals(all[0], h.percentile(0));
            assertEquals(all[all.length - 1], h.percentile(1));
        }
        System.out.println("DoubleHistogram bound checked on " + checked + " percentiles");
    }

    @Test
    void lawsOnRandomSplitsAndMergeTrees() {
        DoubleHistogram zero = DoubleHistogram.of(-1e5, 1e5, 64);
        AccumulatorLaws.check(
                zero, rnd -> StatTiles.tiles(rnd, 10, 12), (e, a, where) -> assertEquals(e, a, where), 1000, SEED + 1);
    }

    @Test
    void outOfRangeValuesAreClampedAndCounted() {
        DoubleHistogram h =
                DoubleHistogram.of(0, 10, 10).add(Tiles.ofDoubles(CellType.FLOAT64, 4, 1, -1, 5, 11, Double.NaN));
        assertEquals(3, h.totalCount());
        assertEquals(1, h.noDataCount());
        assertEquals(2, h.outOfRangeCount());
        assertEquals(1, h.toBins().counts()[0]);
        assertEquals(1, h.toBins().counts()[9]);
        assertEquals(-1, h.min());
        assertEquals(11, h.max());
    }

    @Test
    void onlyIdenticalBinningsMerge() {
        DoubleHistogram a = DoubleHistogram.of(0, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> a.merge(DoubleHistogram.of(0, 10, 11)));
        assertThrows(IllegalArgumentException.class, () -> a.merge(DoubleHistogram.of(0, 10.5, 10)));
        assertThrows(IllegalArgumentException.class, () -> DoubleHistogram.of(0, Double.POSITIVE_INFINITY, 10));
        assertThrows(IllegalArgumentException.class, () -> DoubleHistogram.of(1, 0, 10));
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
