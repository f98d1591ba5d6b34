package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test helper for the halo contract: a kernel applied to every tile of a random tiling (each
 * buffered with its neighbours' cells, possibly with a larger halo than needed) and stitched must
 * equal, bit for bit, the kernel applied to the whole raster with an all-outside halo.
 */
final class SeamInvariant {
    private SeamInvariant() {}

    /** Random cut points: segment starts of [0, n), each segment at least 1 wide. */
    static int[] cuts(SplittableRandom rnd, int n) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int p = 0;
        while (true) {
            p += 1 + rnd.nextInt(Math.max(1, n / 2));
            if (p >= n) {
                break;
            }
            starts.add(p);
        }
        starts.add(n);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checks {@code tilings} random tilings of {@code raster}. */
    static void check(String name, FocalKernel kernel, Tile raster, CellSize cs, SplittableRandom rnd, int tilings) {
        Tile whole = kernel.apply(BufferedTile.whole(raster, kernel.halo(), cs));
        double[] expected = whole.toDoubleLane();
        for (int t = 0; t < tilings; t++) {
            int[] xs = cuts(rnd, raster.cols());
            int[] ys = cuts(rnd, raster.rows());
            double[] got = new double[expected.length];
            CellType ct = null;
            for (int j = 0; j + 1 < ys.length; j++) {
                for (int i = 0; i + 1 < xs.length; i++) {
                    int halo = kernel.halo() + rnd.nextInt(3);
                    BufferedTile bt =
                            BufferedTile.window(raster, xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j], halo, cs);
                    Tile part = kernel.apply(bt);
                    ct = part.cellType();
                    assertEquals(bt.cols(), part.cols());
                    assertEquals(bt.rows(), part.rows());
                    double[] lane = part.toDoubleLane();
                    for (int r = 0; r < part.rows(); r++) {
                        System.arraycopy(lane, r * part.cols(), got, (ys[j] + r) * raster.cols() + xs[i], part.cols());
                    }
                }
            }
            assertEquals(whole.cellType(), ct, name);
            for (int k = 0; k < expected.length; k++) {
                if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(got[k])
                        && !(Double.isNaN(expected[k]) && Double.isNaN(got[k]))) {
                    fail(name + ": tiling x=" + java.util.Arrays.toString(xs) + " y="
                            + java.util.Arrays.toString(ys) + " differs at (" + k % raster.cols() + ","
                            + k / raster.cols() + "): whole=" + expected[k] + " tiled=" + got[k]);
                }
            }
        }
    }

    /** A seeded random DEM: smooth surface + noise, NoData holes, some flat patches. */
    static Tile randomDem(SplittableRandom rnd, int cols, int rows, CellType ct, double noDataFraction) {
        double[] z = new double[cols * rows];
        double fx = 0.05 + rnd.nextDouble() * 0.3;
        double fy = 0.05 + rnd.nextDouble() * 0.3;
        double amp = 5 + rnd.nextDouble() * 200;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                z[r * cols + c] = 300
                        + amp * Math.sin(c * fx) * Math.cos(r * fy)
                        + rnd.nextDouble() * 10
                        + (rnd.nextInt(10) == 0 ? 0 : c * 0.5);
            }
        }
        int patches = rnd.nextInt(3);
        for (int p = 0; p < patches; p++) {
            int c0 = rnd.nextInt(cols);
            int r0 = rnd.nextInt(rows);
            for (int r = r0; r < Math.min(rows, r0 + 4); r++) {
                for (int c = c0; c < Math.min(cols, c0 + 4); c++) {
                    z[r * cols + c] = 250;
                }
            }
        }
        for (int k = 0; k < z.length; k++) {
            if (rnd.nextDouble() < noDataFraction) {
                z[k] = Double.NaN;
            }
        }
        if (!ct.isFloatingPoint()) {
            for (int k = 0; k < z.length; k++) {
                z[k] = Double.isNaN(z[k]) ? z[k] : Math.rint(z[k]);
            }
        }
        return Tiles.fromDoubleLane(ct, cols, rows, z);
    }
}
