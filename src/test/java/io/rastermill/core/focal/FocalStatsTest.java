package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Focal statistics against a brute-force reference (distance test per cell, sort for the median). */
class FocalStatsTest {

    static double brute(double[] z, int cols, int rows, int c, int r, FocalStatsParams p) {
        double[] vals = new double[(2 * p.radius() + 1) * (2 * p.radius() + 1)];
        int n = 0;
        boolean circle = p.neighbourhood().equals(Neighbourhood.circle(p.radius()));
        for (int dy = -p.radius(); dy <= p.radius(); dy++) {
            for (int dx = -p.radius(); dx <= p.radius(); dx++) {
                if (circle && Math.hypot(dx, dy) > p.radius()) {
                    continue;
                }
                int x = c + dx;
                int y = r + dy;
                if (x < 0 || y < 0 || x >= cols || y >= rows || Double.isNaN(z[y * cols + x])) {
                    continue;
                }
                vals[n++] = z[y * cols + x];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOf(vals, n);
        Arrays.sort(v);
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        double mean = sum / n;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return switch (p.stat()) {
            case SUM -> sum;
            case MEAN -> mean;
            case MIN -> v[0];
            case MAX -> v[n - 1];
            case STDDEV -> Math.sqrt(ss / n);
            case MEDIAN -> n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        };
    }

    @Test
    void matchesBruteForceOnRandomTiles() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int checked = 0;
        for (int t = 0; t < 40; t++) {
            int cols = 1 + rnd.nextInt(30);
            int rows = 1 + rnd.nextInt(30);
            double[] z = new double[cols * rows];
            double nd = rnd.nextDouble() * 0.5;
            for (int k = 0; k < z.length; k++) {
                // few distinct values so medians and ties are exercised
                z[k] = rnd.nextDouble() < nd
                        ? Double.NaN
                        : (t % 2 == 0 ? rnd.nextInt(7) : rnd.nextDouble() * 1000 - 300);
            }
            Tile tile = Tiles.fromDoubleLane(CellType.FLOAT64, cols, rows, z);
            for (FocalStatsParams.Stat s : FocalStatsParams.Stat.values()) {
                for (FocalStatsParams.Shape sh : FocalStatsParams.Shape.values()) {
                    FocalStatsParams p = new FocalStatsParams(s, sh, rnd.nextInt(6));
                    Tile out = FocalOps.applyWhole(FocalOps.statsKernel(p), tile, new CellSize(1, 1));
                    assertEquals(CellType.FLOAT64, out.cellType());
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            double e = brute(z, cols, rows, c, r, p);
                            double g = out.getDouble(c, r);
                            if (Double.isNaN(e)) {
                                assertTrue(Double.isNaN(g), p + " at " + c + "," + r);
                            } else {
                                assertEquals(e, g, 1e-9 * Math.max(1, Math.abs(e)), p + " at " + c + "," + r);
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10_000);
    }

    @Test
    void circleOfRadiusTwoHasThirteenCells() {
        FocalStatsParams p = new FocalStatsParams(FocalStatsParams.Stat.SUM, FocalStatsParams.Shape.CIRCLE, 2);
        Tile ones = Tiles.fromDoubleLane(CellType.FLOAT64, 5, 5, new double[25]).mapDouble(v -> 1);
        assertEquals(
                13.0,
                FocalOps.applyWhole(FocalOps.statsKernel(p), ones, new CellSize(1, 1))
                        .getDouble(2, 2));
    }
}
