package io.rastermill.core.hydro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The driver's flat distances from portal tables against whole-raster breadth-first distances, on filled
 * lakes that span many tiles: a blob covering whole tiles, a ring round an island, a snake that leaves
 * and re-enters tiles, and a one-cell diagonal channel through the tiles' corners; at tile sizes 4, 16
 * and 64, with every component as one portal table, cut into squares of tables, with none (cell by cell),
 * and with the defaults.
 */
class FlatGraphTest {
    private static final int W = 100;
    private static final int H = 80;
    /** Budget and square: all cell by cell; the defaults; one table per component; every component cut into squares. */
    private static final long[][] MODES = {
        {0, 64}, {FlatPortals.DEFAULT_BUDGET, FlatPortals.DEFAULT_SUB_BLOCK}, {Long.MAX_VALUE, 64}, {1, 8}, {1, 5}
    };

    /**
     * A filled DEM: {@code lake} cells (random floors below 3) in land rising 1 a cell away from the raster's
     * edge (from 30), {@code island} cells a cone rising from 31, and an outlet channel from lake cell (ox, oy)
     * north to the edge, starting at 4 and falling, so the lake fills to a flat at 4.
     */
    private static double[] lakeDem(IntPredicate lake, IntPredicate island, int ox, int oy) {
        Random rnd = new Random(15);
        double[] z = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int c = y * W + x;
                if (lake.test(c)) {
                    z[c] = rnd.nextDouble() * 3;
                } else if (island.test(c)) {
                    z[c] = 31 + 20 - Math.hypot(x - 50, y - 40);
                } else {
                    z[c] = 30 + Math.min(Math.min(x, y), Math.min(W - 1 - x, H - 1 - y));
                }
            }
        }
        for (int y = oy - 1; y >= 0; y--) {
            z[y * W + ox] = 4 - 0.01 * (oy - 1 - y);
        }
        double[] filled = HydroFixtures.referenceFill(z, W, H);
        assertTrue(lake.test(oy * W + ox), "the outlet starts at a lake cell");
        assertEquals(4.0, filled[oy * W + ox], "the lake fills to the channel's top");
        return filled;
    }

    private static boolean disk(int c, double cx, double cy, double r) {
        return Math.hypot(c % W - cx, c / W - cy) <= r;
    }

    static double[] blob() {
        return lakeDem(c -> disk(c, 50, 40, 22) || disk(c, 25, 30, 12) || disk(c, 75, 55, 14), c -> false, 50, 18);
    }

    static double[] ring() {
        return lakeDem(c -> disk(c, 50, 40, 22) && !disk(c, 50, 40, 12), c -> disk(c, 50, 40, 12), 50, 18);
    }

    static double[] snake() {
        return lakeDem(
                c -> c % W >= 5 && c % W <= 95 && Math.abs(c / W - (40 + 20 * Math.sin(c % W / 8.0))) <= 1,
                c -> false,
                5,
                51);
    }

    static double[] diagonal() {
        return lakeDem(c -> c % W == c / W && c % W >= 3 && c % W <= 75, c -> false, 3, 3);
    }

    @Test
    void driverDistancesOfGatesEqualTheWholeRasterDistances() {
        double[][] dems = {blob(), ring(), snake(), diagonal()};
        String[] names = {"blob", "ring", "snake", "diagonal"};
        long tableBytes = 0;
        for (int d = 0; d < dems.length; d++) {
            int[] ref = HydroFixtures.referenceFlatDistances(dems[d], W, H, null);
            int[] refCodes = HydroFixtures.referenceDirections(dems[d], W, H);
            for (int tile : new int[] {4, 16, 64}) {
                TileGrid grid = new TileGrid(W, H, tile, tile);
                for (long[] mode : MODES) {
                    long budget = mode[0];
                    int square = (int) mode[1];
                    String what = names[d] + " tile " + tile + " budget " + budget + " square " + square;
                    FlowDirections.FlatSummary[] sums = FlowDirectionsTest.summaries(dems[d], grid, budget, square);
                    int[][] dist = FlatGraph.solve(grid, sums);
                    int answered = 0;
                    for (int t = 0; t < grid.tileCount(); t++) {
                        TilePerimeter per = grid.perimeter(t);
                        for (int i = 0; i < per.size(); i++) {
                            if (dist[t][i] < 0) {
                                continue;
                            }
                            int c = per.cell(i);
                            int cell = (int) ((grid.y0(t) + c / grid.width(t)) * W + grid.x0(t) + c % grid.width(t));
                            assertEquals(ref[cell], dist[t][i], what + ": cell (" + cell % W + "," + cell / W + ")");
                            answered++;
                        }
                    }
                    assertTrue(answered > 0, what + ": the lake crosses tile borders");
                    if (budget > 0) {
                        assertOnlyGates(grid, sums, what, budget == Long.MAX_VALUE);
                    }
                    if (budget != 0) {
                        tableBytes += FlatGraph.tableBytes(sums);
                    }
                    assertArrayEquals(
                            refCodes, FlowDirectionsTest.tiledDirections(dems[d], W, H, tile, budget, square), what);
                }
            }
        }
        assertTrue(tableBytes > 0, "some gates are further apart over the flat than by Chebyshev: tables were used");
    }

    /** With tables, the driver holds gates only; with one table per component, perimeter cells only. */
    private static void assertOnlyGates(
            TileGrid grid, FlowDirections.FlatSummary[] sums, String what, boolean perimeter) {
        int groups = 0;
        for (int t = 0; t < sums.length; t++) {
            TilePerimeter per = grid.perimeter(t);
            for (int c : sums[t].nodes()) {
                assertTrue(
                        !perimeter || per.contains(c % grid.width(t), c / grid.width(t)),
                        what + ": node off the perimeter");
            }
            assertEquals(sums[t].nodes().length, sums[t].members().length, what + ": every node a gate");
            groups += sums[t].groups();
        }
        assertTrue(groups > 0, what);
    }

    @Test
    void aDiagonalChannelThroughTileCornersCountsOneStepPerCell() {
        double[] z = diagonal();
        for (int tile : new int[] {4, 16, 64}) {
            TileGrid grid = new TileGrid(W, H, tile, tile);
            int[][] dist = FlatGraph.solve(grid, FlowDirectionsTest.summaries(z, grid, Long.MAX_VALUE, 64));
            // (64, 64) is a corner of tiles of 4, 16 and 64: 61 diagonal steps from (3, 3), which is 1 from the outlet
            int t = grid.tileOf(64, 64);
            assertEquals(
                    62, dist[t][grid.perimeter(t).index(64 - (int) grid.x0(t), 64 - (int) grid.y0(t))], "tile " + tile);
            int[] code = FlowDirectionsTest.tiledDirections(z, W, H, tile, Long.MAX_VALUE, 64);
            assertEquals(32, code[64 * W + 64], "drains north-west along the channel");
            assertEquals(64, code[3 * W + 3], "the first lake cell drains north into the outlet");
        }
    }

    @Test
    void tilesInsideALakeSendNoTableAndOnlyTheirGates() {
        double[] z = blob();
        TileGrid grid = new TileGrid(W, H, 16, 16);
        FlowDirections.FlatSummary[] sums =
                FlowDirectionsTest.summaries(z, grid, FlatPortals.DEFAULT_BUDGET, FlatPortals.DEFAULT_SUB_BLOCK);
        // tile (3, 2) spans x 48..63, y 32..47, all inside the disk of radius 22 round (50, 40): a whole flat tile
        FlowDirections.FlatSummary inner = sums[grid.id(3, 2)];
        assertEquals(1, inner.groups());
        assertEquals(60, inner.nodes().length, "the 16x16 tile's 60 perimeter cells");
        assertEquals(0, inner.rows().length, "Chebyshev distances: no table");
        long flatCells = 0;
        for (double v : z) {
            flatCells += v == 4.0 ? 1 : 0;
        }
        assertTrue(
                FlatGraph.nodes(sums) < flatCells / 2,
                FlatGraph.nodes(sums) + " nodes for " + flatCells + " lake cells");
    }
}
