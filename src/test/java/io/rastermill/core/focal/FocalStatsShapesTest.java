package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Focal statistics over an annulus and over custom weights: cells worked out by hand on a 5×5 ramp
 * (cell (c, r) holds 10·r + c), then random tiles against a brute force that walks the weights matrix.
 */
class FocalStatsShapesTest {
    private static final CellSize UNIT = new CellSize(1, 1);

    private static Tile ramp(int noDataCol, int noDataRow) {
        double[] z = new double[25];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                z[r * 5 + c] = c == noDataCol && r == noDataRow ? Double.NaN : 10 * r + c;
            }
        }
        return Tiles.fromDoubleLane(CellType.FLOAT64, 5, 5, z);
    }

    private static double at(FocalStatsParams p, Tile t, int c, int r) {
        return FocalOps.applyWhole(FocalOps.statsKernel(p), t, UNIT).getDouble(c, r);
    }

    @Test
    void annulusByHand() {
        Tile t = ramp(-1, -1);
        // annulus(1, 2) at the centre: the 4 diagonals (11, 13, 31, 33) and the 4 cells 2 away (2, 20, 24, 42)
        assertEquals(176, at(FocalStatsParams.annulus(FocalStatsParams.Stat.SUM, 1, 2), t, 2, 2));
        assertEquals(22, at(FocalStatsParams.annulus(FocalStatsParams.Stat.MEAN, 1, 2), t, 2, 2));
        // at the corner only (1,1)=11, (2,0)=2 and (0,2)=20 are inside the raster
        assertEquals(33, at(FocalStatsParams.annulus(FocalStatsParams.Stat.SUM, 1, 2), t, 0, 0));
        assertEquals(2, at(FocalStatsParams.annulus(FocalStatsParams.Stat.MIN, 1, 2), t, 0, 0));
        assertEquals(20, at(FocalStatsParams.annulus(FocalStatsParams.Stat.MAX, 1, 2), t, 0, 0));
        assertEquals(11, at(FocalStatsParams.annulus(FocalStatsParams.Stat.MEDIAN, 1, 2), t, 0, 0));
        // annulus(0, 1): the 4 edge neighbours without the centre
        assertEquals(88, at(FocalStatsParams.annulus(FocalStatsParams.Stat.SUM, 0, 1), t, 2, 2));
    }

    @Test
    void weightsByHand() {
        double[] gauss = {1, 2, 1, 2, 4, 2, 1, 2, 1};
        Tile t = ramp(-1, -1);
        // 11 + 24 + 13 + 42 + 88 + 46 + 31 + 64 + 33
        assertEquals(352, at(FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, gauss), t, 2, 2));
        assertEquals(22, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MEAN, 1, gauss), t, 2, 2));
        // NoData at (3, 2) = 23, weight 2: it leaves the sum and the sum of weights
        Tile hole = ramp(3, 2);
        assertEquals(306, at(FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, gauss), hole, 2, 2));
        assertEquals(306 / 14.0, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MEAN, 1, gauss), hole, 2, 2));
        // a Laplacian is a sum with a negative weight: 0 on a plane, 1 + 10 at the corner (outside cells skipped)
        double[] laplace = {0, 1, 0, 1, -4, 1, 0, 1, 0};
        assertEquals(0, at(FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, laplace), t, 2, 2));
        assertEquals(11, at(FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, laplace), t, 0, 0));
        // weights 1 and 3 on 11 and 33: mean 27.5, deviation √((16.5² + 3·5.5²) / 4) = √90.75
        double[] two = {1, 0, 0, 0, 0, 0, 0, 0, 3};
        assertEquals(27.5, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MEAN, 1, two), t, 2, 2));
        assertEquals(Math.sqrt(90.75), at(FocalStatsParams.weighted(FocalStatsParams.Stat.STDDEV, 1, two), t, 2, 2));
        // min, max and median read the weights as a mask: the 4 edge neighbours 12, 21, 23, 32
        double[] ring = {0, 1, 0, 1, 0, 1, 0, 1, 0};
        assertEquals(12, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MIN, 1, ring), t, 2, 2));
        assertEquals(32, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MAX, 1, ring), t, 2, 2));
        assertEquals(22, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MEDIAN, 1, ring), t, 2, 2));
        assertEquals(21, at(FocalStatsParams.weighted(FocalStatsParams.Stat.MEDIAN, 1, ring), hole, 2, 2));
    }

    @Test
    void badShapesAreRefusedWithTheReason() {
        assertEquals(
                "focal mean needs weights >= 0, got -4.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FocalStatsParams.weighted(
                                        FocalStatsParams.Stat.MEAN, 1, 0, 1, 0, 1, -4, 1, 0, 1, 0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FocalStatsParams.annulus(FocalStatsParams.Stat.SUM, 2, 2));
        assertThrows(
                IllegalArgumentException.class, () -> FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, 1, 2, 3));
    }

    /** A weights matrix of side 2·radius + 1 applied cell by cell, as the parameters' doc defines it. */
    private static double brute(
            double[] z, int cols, int rows, int c, int r, FocalStatsParams.Stat stat, int radius, double[] w) {
        int side = 2 * radius + 1;
        double[] vals = new double[side * side];
        double[] ws = new double[side * side];
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                double weight = w[(dy + radius) * side + dx + radius];
                int x = c + dx;
                int y = r + dy;
                if (weight == 0 || x < 0 || y < 0 || x >= cols || y >= rows || Double.isNaN(z[y * cols + x])) {
                    continue;
                }
                vals[n] = z[y * cols + x];
                ws[n++] = weight;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double sw = 0;
        double swv = 0;
        for (int i = 0; i < n; i++) {
            sw += ws[i];
            swv += ws[i] * vals[i];
        }
        double[] sorted = Arrays.copyOf(vals, n);
        Arrays.sort(sorted);
        return switch (stat) {
            case SUM -> swv;
            case MEAN -> swv / sw;
            case STDDEV -> {
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    ss += ws[i] * (vals[i] - swv / sw) * (vals[i] - swv / sw);
                }
                yield Math.sqrt(ss / sw);
            }
            case MIN -> sorted[0];
            case MAX -> sorted[n - 1];
            case MEDIAN -> n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        };
    }

    @Test
    void weightsAndAnnuliMatchBruteForceOnRandomTiles() {
        SplittableRandom rnd = new SplittableRandom(29);
        int checked = 0;
        for (int t = 0; t < 30; t++) {
            int cols = 1 + rnd.nextInt(20);
            int rows = 1 + rnd.nextInt(20);
            double[] z = new double[cols * rows];
            for (int k = 0; k < z.length; k++) {
                z[k] = rnd.nextDouble() < 0.2 ? Double.NaN : rnd.nextInt(9) - 3;
            }
            Tile tile = Tiles.fromDoubleLane(CellType.FLOAT64, cols, rows, z);
            int radius = rnd.nextInt(4);
            int side = 2 * radius + 1;
            double[] w = new double[side * side];
            for (int k = 0; k < w.length; k++) {
                w[k] = rnd.nextInt(3) == 0 ? 0 : 0.25 * (1 + rnd.nextInt(8));
            }
            w[rnd.nextInt(w.length)] = 1.5; // at least one non-zero weight
            // an annulus is the unit weights of the ring
            int outer = 1 + rnd.nextInt(3);
            int inner = rnd.nextInt(outer);
            int aside = 2 * outer + 1;
            double[] ring = new double[aside * aside];
            for (int k = 0; k < ring.length; k++) {
                int dx = k % aside - outer;
                int dy = k / aside - outer;
                int d2 = dx * dx + dy * dy;
                ring[k] = d2 > inner * inner && d2 <= outer * outer ? 1 : 0;
            }
            for (FocalStatsParams.Stat s : FocalStatsParams.Stat.values()) {
                FocalStatsParams weighted = FocalStatsParams.weighted(s, radius, w);
                FocalStatsParams annulus = FocalStatsParams.annulus(s, inner, outer);
                Tile wOut = FocalOps.applyWhole(FocalOps.statsKernel(weighted), tile, UNIT);
                Tile aOut = FocalOps.applyWhole(FocalOps.statsKernel(annulus), tile, UNIT);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        same(brute(z, cols, rows, c, r, s, radius, w), wOut.getDouble(c, r), weighted, c, r);
                        same(brute(z, cols, rows, c, r, s, outer, ring), aOut.getDouble(c, r), annulus, c, r);
                        checked += 2;
                    }
                }
            }
        }
        assertTrue(checked > 5_000, "cells checked: " + checked);
    }

    private static void same(double expected, double got, FocalStatsParams p, int c, int r) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(got), p + " at " + c + "," + r + ": " + got);
        } else {
            assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), p + " at " + c + "," + r);
        }
    }
}
