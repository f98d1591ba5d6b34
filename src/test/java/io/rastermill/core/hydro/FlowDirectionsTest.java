package io.rastermill.core.hydro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tiled D8 with global flat resolution against a whole-raster reference, and the drainage invariant. */
class FlowDirectionsTest {

    static int[] tiledDirections(double[] filled, int w, int h, int tile) {
        return tiledDirections(filled, w, h, tile, FlatPortals.DEFAULT_BUDGET, FlatPortals.DEFAULT_SUB_BLOCK);
    }

    static FlowDirections.FlatSummary[] summaries(double[] filled, TileGrid grid, long budget, int subBlock) {
        FlowDirections.FlatSummary[] sums = new FlowDirections.FlatSummary[grid.tileCount()];
        for (int t = 0; t < sums.length; t++) {
            sums[t] = FlowDirections.summarize(
                    HydroFixtures.cutBuffered(filled, grid, t, FlowDirections.HALO),
                    grid.width(t),
                    grid.height(t),
                    budget,
                    subBlock);
        }
        return sums;
    }

    /**
     * Tiled D8, with {@code budget} bounding the work of each component's portal table (0: all cell by cell) and
     * components over it cut into squares of {@code subBlock}.
     */
    static int[] tiledDirections(double[] filled, int w, int h, int tile, long budget, int subBlock) {
        TileGrid grid = new TileGrid(w, h, tile, tile);
        FlowDirections.FlatSummary[] sums = summaries(filled, grid, budget, subBlock);
        int[][] dist = FlatGraph.solve(grid, sums);
        int[] out = new int[w * h];
        for (int t = 0; t < sums.length; t++) {
            int[] code = FlowDirections.directions(
                    HydroFixtures.cutBuffered(filled, grid, t, FlowDirections.HALO),
                    grid.width(t),
                    grid.height(t),
                    dist[t],
                    FlatGraph.ring(grid, t, dist));
            int tw = grid.width(t);
            for (int y = 0; y < grid.height(t); y++) {
                System.arraycopy(code, y * tw, out, (int) ((grid.y0(t) + y) * w + grid.x0(t)), tw);
            }
        }
        return out;
    }

    @Test
    void aFlatDrainsToItsOnlyLowEdge() {
        // a 5x3 flat at 5 walled by 9 on the raster edge, draining only through the 4 at its east end
        double[] z = {
            9, 9, 9, 9, 9, 9, 9,
            9, 5, 5, 5, 5, 5, 4,
            9, 9, 9, 9, 9, 9, 9
        };
        // the wall cells on the edge point outward (first outlet in code order); the 9s next to the flat drain into it
        int[] got = tiledDirections(z, 7, 3, 3);
        assertArrayEquals(HydroFixtures.referenceDirections(z, 7, 3), got);
        for (int c = 8; c <= 13; c++) {
            assertEquals(1, got[c], "flat cell " + c + " points east towards the outlet");
        }
        assertEquals(2, got[0], "corner 9 drains south-east into the flat (steepest)");
    }

    @Test
    void tiledDirectionsEqualTheWholeRasterReferenceAndDrainEverywhere() {
        int[][] sizes = {{97, 83}, {160, 130}};
        for (int s = 0; s < sizes.length; s++) {
            int w = sizes[s][0];
            int h = sizes[s][1];
            for (double step : new double[] {0, 2, 5}) {
                double[] z =
                        HydroFixtures.referenceFill(HydroFixtures.dem(w, h, 7 * s + (long) step, step, true), w, h);
                int[] ref = HydroFixtures.referenceDirections(z, w, h);
                HydroFixtures.assertEveryCellDrains(z, ref, w, h);
                for (int tile : new int[] {5, 16, 33, 64, 512}) {
                    int[] got = tiledDirections(z, w, h, tile);
                    for (int i = 0; i < ref.length; i++) {
                        if (ref[i] != got[i]) {
                            throw new AssertionError("size " + w + "x" + h + " step " + step + " tile " + tile
                                    + " cell (" + i % w + "," + i / w + "): expected " + ref[i] + " got " + got[i]);
                        }
                    }
                    HydroFixtures.assertEveryCellDrains(z, got, w, h);
                }
            }
        }
    }
}
