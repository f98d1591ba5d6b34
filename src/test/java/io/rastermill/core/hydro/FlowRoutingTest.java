package io.rastermill.core.hydro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tiled accumulation and labels against following every cell's directions over the whole raster. */
class FlowRoutingTest {

    static int[] cutCodes(int[] code, TileGrid grid, int t) {
        int w = grid.width(t) + 2;
        int h = grid.height(t) + 2;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long gx = grid.x0(t) + x - 1;
                long gy = grid.y0(t) + y - 1;
                out[y * w + x] = grid.inside(gx, gy) ? code[(int) (gy * grid.cols() + gx)] : D8.NO_DATA;
            }
        }
        return out;
    }

    static double[] cutWeights(double[] weights, TileGrid grid, int t) {
        return weights == null ? null : HydroFixtures.cut(weights, grid, t);
    }

    /** Tiled accumulation (index 0) and labels (index 1), stitched. */
    static double[][] tiled(int[] code, double[] weights, long[] stops, int w, int h, int tile) {
        TileGrid grid = new TileGrid(w, h, tile, tile);
        FlowRouting.Summary[] sums = new FlowRouting.Summary[grid.tileCount()];
        for (int t = 0; t < sums.length; t++) {
            sums[t] = FlowRouting.summarize(
                    cutCodes(code, grid, t),
                    grid.width(t),
                    grid.height(t),
                    cutWeights(weights, grid, t),
                    place(grid, t),
                    cutStops(stops, grid, t));
        }
        RoutingGraph.Result r = RoutingGraph.solve(grid, sums);
        double[] acc = new double[w * h];
        double[] label = new double[w * h];
        for (int t = 0; t < sums.length; t++) {
            HydroFixtures.paste(
                    acc,
                    grid,
                    t,
                    FlowRouting.accumulate(
                            cutCodes(code, grid, t),
                            grid.width(t),
                            grid.height(t),
                            cutWeights(weights, grid, t),
                            place(grid, t),
                            r.inflow()[t]));
            HydroFixtures.paste(
                    label,
                    grid,
                    t,
                    FlowRouting.labels(
                            cutCodes(code, grid, t),
                            grid.width(t),
                            grid.height(t),
                            place(grid, t),
                            cutStops(stops, grid, t),
                            r.label()[t]));
        }
        return new double[][] {acc, label};
    }

    static long[] cutStops(long[] stops, TileGrid grid, int t) {
        if (stops == null) {
            return null;
        }
        int w = grid.width(t);
        long[] out = new long[w * grid.height(t)];
        for (int y = 0; y < grid.height(t); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = stops[(int) ((grid.y0(t) + y) * grid.cols() + grid.x0(t) + x)];
            }
        }
        return out;
    }

    static FlowRouting.Place place(TileGrid grid, int t) {
        return new FlowRouting.Place(grid.x0(t), grid.y0(t), grid.cols());
    }

    @Test
    void aHandMadeChainAccumulatesAndLabelsByItsOutlet() {
        // 4x2: the top row flows east and leaves the raster at (3,0); the bottom row flows north.
        int[] code = {
            1, 1, 1, 1,
            64, 64, 64, 255
        };
        for (int tile : new int[] {1, 2, 4}) {
            double[][] got = tiled(code, null, null, 4, 2, tile);
            assertArrayEquals(new double[] {1, 3, 5, 6, 0, 0, 0, Double.NaN}, got[0], "tile " + tile);
            assertArrayEquals(new double[] {4, 4, 4, 4, 4, 4, 4, Double.NaN}, got[1], "tile " + tile);
        }
    }

    @Test
    void tiledAccumulationAndLabelsEqualTheWholeRasterWalk() {
        int w = 120;
        int h = 97;
        for (double step : new double[] {0, 3}) {
            double[] z = HydroFixtures.referenceFill(HydroFixtures.dem(w, h, 11 + (long) step, step, true), w, h);
            int[] code = HydroFixtures.referenceDirections(z, w, h);
            double[] weights = new double[w * h];
            Random rnd = new Random(5);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextInt(10) * 0.5;
            }
            long[] stops = new long[w * h];
            for (int i = 0; i < 12; i++) {
                stops[rnd.nextInt(w * h)] = 100 + i;
            }
            double[][] ref = HydroFixtures.referenceRouting(code, null, null, w, h);
            double[][] refWeighted = HydroFixtures.referenceRouting(code, weights, null, w, h);
            double[][] refStops = HydroFixtures.referenceRouting(code, null, stops, w, h);
            double max = 0;
            for (double v : ref[0]) {
                max = Double.isNaN(v) ? max : Math.max(max, v);
            }
            assertTrue(max > 500, "a long river: max accumulation " + max);
            for (int tile : new int[] {4, 16, 37, 64, 512}) {
                double[][] got = tiled(code, null, null, w, h, tile);
                assertArrayEquals(ref[0], got[0], "accumulation, tile " + tile);
                assertArrayEquals(ref[1], got[1], "basins, tile " + tile);
                assertArrayEquals(
                        refWeighted[0], tiled(code, weights, null, w, h, tile)[0], 1e-9, "weighted, tile " + tile);
                assertArrayEquals(refStops[1], tiled(code, null, stops, w, h, tile)[1], "watersheds, tile " + tile);
            }
        }
    }

    @Test
    void aCodeThatIsNotD8IsRefusedNamingItsCell() {
        int[] code = {1, 1, 3, 1};
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> tiled(code, null, null, 2, 2, 2));
        assertEquals(
                "flow direction 3 at cell (0, 1) is not an ESRI D8 code (1, 2, 4, ..., 128, or 255 for NoData)",
                e.getMessage());
        int[] cycle = {1, 16, 255, 255};
        assertThrows(IllegalArgumentException.class, () -> tiled(cycle, null, null, 2, 2, 2));
    }
}
