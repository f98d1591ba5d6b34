package io.rastermill.core.hydro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tiled fill (per-tile summary, driver graph, per-tile finish) against a whole-raster priority-flood. */
class DepressionFillTest {

    static double[] tiledFill(double[] z, int w, int h, int tile) {
        TileGrid grid = new TileGrid(w, h, tile, tile);
        DepressionFill.Summary[] sums = new DepressionFill.Summary[grid.tileCount()];
        for (int t = 0; t < sums.length; t++) {
            sums[t] = DepressionFill.summarize(HydroFixtures.cut(z, grid, t), grid.width(t), grid.height(t));
        }
        double[][] levels = FillGraph.solve(grid, sums);
        double[] out = new double[w * h];
        for (int t = 0; t < sums.length; t++) {
            HydroFixtures.paste(
                    out,
                    grid,
                    t,
                    DepressionFill.finish(HydroFixtures.cut(z, grid, t), grid.width(t), grid.height(t), levels[t]));
        }
        return out;
    }

    @Test
    void aHandMadePitFillsToItsSpillHeight() {
        double[] z = {
            5, 5, 5, 5, 5,
            5, 3, 3, 3, 5,
            5, 3, 1, 3, 5,
            5, 3, 3, 3, 4,
            5, 5, 5, 5, 5
        };
        double[] expect = {
            5, 5, 5, 5, 5,
            5, 4, 4, 4, 5,
            5, 4, 4, 4, 5,
            5, 4, 4, 4, 4,
            5, 5, 5, 5, 5
        };
        for (int tile : new int[] {1, 2, 3, 5}) {
            assertArrayEquals(expect, tiledFill(z, 5, 5, tile), "tile " + tile);
        }
    }

    @Test
    void tiledFillEqualsTheWholeRasterPriorityFloodForAnyTileSize() {
        int[][] sizes = {{97, 83}, {160, 130}, {64, 64}};
        for (int s = 0; s < sizes.length; s++) {
            int w = sizes[s][0];
            int h = sizes[s][1];
            for (double step : new double[] {0, 1, 4}) {
                double[] z = HydroFixtures.dem(w, h, 31 * s + (long) step, step, s != 2);
                double[] ref = HydroFixtures.referenceFill(z, w, h);
                for (int tile : new int[] {7, 16, 33, 64, 512}) {
                    double[] got = tiledFill(z, w, h, tile);
                    for (int i = 0; i < ref.length; i++) {
                        if (Double.compare(ref[i], got[i]) != 0) {
                            throw new AssertionError("size " + w + "x" + h + " step " + step + " tile " + tile
                                    + " cell (" + i % w + "," + i / w + "): expected " + ref[i] + " got " + got[i]);
                        }
                    }
                }
                int raised = 0;
                for (int i = 0; i < ref.length; i++) {
                    raised += ref[i] > z[i] ? 1 : 0;
                }
                assertEquals(true, raised > 0, "the test DEM has depressions to fill");
            }
        }
    }
}
