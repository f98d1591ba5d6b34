package io.rastermill.spark.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.warp.BlockWarp;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.SourceWindow;
import io.rastermill.core.warp.WarpGrid;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The window copy for scenes on the target grid gives the cells of the nearest-neighbour warp kernel, every block. */
class AlignedSceneTest {
    private static final Crs UTM = Crs.epsg(32633);
    /** 40 × 30 cells of 10 m; blocks of 16 so that edge blocks are partial. */
    private static final WarpGrid TARGET = grid(UTM, 500_000, 5_000_000, 10, 40, 30);

    private static final int BLOCK = 16;

    private static WarpGrid grid(Crs crs, double xmin, double ymax, double cell, int cols, int rows) {
        return new WarpGrid(
                crs,
                new RasterExtent(
                        new Extent(xmin, ymax - rows * cell, xmin + cols * cell, ymax), cell, cell, cols, rows));
    }

    @Test
    void windowCopyEqualsTheWarpKernel() {
        SplittableRandom rnd = new SplittableRandom(25);
        // inside, overlapping each edge, and one that covers the whole target
        int[][] offsets = {{5, 4, 20, 15}, {-7, -3, 25, 20}, {30, 22, 25, 20}, {-2, 10, 50, 9}, {-1, -1, 45, 35}};
        for (int[] o : offsets) {
            WarpGrid source = grid(UTM, 500_000 + o[0] * 10, 5_000_000 - o[1] * 10, 10, o[2], o[3]);
            double[] cells = new double[o[2] * o[3]];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rnd.nextInt(6) == 0 ? Double.NaN : rnd.nextInt(65535);
            }
            AlignedScene aligned = AlignedScene.of(TARGET, source, Resampling.NEAREST);
            assertNotNull(aligned, Arrays.toString(o));
            assertEquals(-o[0], aligned.dx());
            assertEquals(-o[1], aligned.dy());
            BlockWarp warp = new BlockWarp(TARGET, source, Resampling.NEAREST, 0.125);
            for (int y0 = 0; y0 < TARGET.rows(); y0 += BLOCK) {
                for (int x0 = 0; x0 < TARGET.cols(); x0 += BLOCK) {
                    int w = Math.min(BLOCK, TARGET.cols() - x0);
                    int h = Math.min(BLOCK, TARGET.rows() - y0);
                    double[] warped = new double[w * h];
                    Arrays.fill(warped, Double.NaN);
                    GridBounds need = warp.locate(x0, y0, w, h);
                    if (need != null) {
                        warp.warp(
                                new SourceWindow(
                                        window(cells, o[2], need),
                                        (int) need.colMin(),
                                        (int) need.rowMin(),
                                        (int) need.width(),
                                        (int) need.height()),
                                warped);
                    }
                    double[] copied = new double[w * h];
                    Arrays.fill(copied, Double.NaN);
                    int[] ints = new int[w * h];
                    Arrays.fill(ints, NoData.INT);
                    GridBounds exact = aligned.window(x0, y0, w, h);
                    if (exact != null) {
                        double[] part = window(cells, o[2], exact);
                        aligned.copy(part, exact, x0, y0, copied, w);
                        aligned.copy(
                                Arrays.stream(part)
                                        .mapToInt(v -> v == v ? (int) v : NoData.INT)
                                        .toArray(),
                                exact,
                                x0,
                                y0,
                                ints,
                                w);
                    }
                    String where = Arrays.toString(o) + " block " + x0 + "," + y0;
                    assertArrayEquals(warped, copied, where);
                    assertArrayEquals(
                            warped,
                            Arrays.stream(ints)
                                    .mapToDouble(v -> v == NoData.INT ? Double.NaN : v)
                                    .toArray(),
                            where);
                }
            }
        }
    }

    @Test
    void onlyNearestOnTheSameGridIsACopy() {
        WarpGrid aligned = grid(UTM, 500_030, 4_999_950, 10, 20, 20);
        assertNotNull(AlignedScene.of(TARGET, aligned, Resampling.NEAREST));
        assertNull(AlignedScene.of(TARGET, aligned, Resampling.BILINEAR));
        assertNull(AlignedScene.of(TARGET, grid(UTM, 500_035, 4_999_950, 10, 20, 20), Resampling.NEAREST));
        assertNull(AlignedScene.of(TARGET, grid(UTM, 500_030, 4_999_950, 20, 20, 20), Resampling.NEAREST));
        assertNull(AlignedScene.of(TARGET, grid(Crs.epsg(32632), 500_030, 4_999_950, 10, 20, 20), Resampling.NEAREST));
    }

    /** The cells of {@code b} from a row-major raster {@code cols} wide. */
    private static double[] window(double[] cells, int cols, GridBounds b) {
        int w = (int) b.width();
        double[] out = new double[w * (int) b.height()];
        for (int r = 0; r < b.height(); r++) {
            System.arraycopy(cells, (int) ((b.rowMin() + r) * cols + b.colMin()), out, r * w, w);
        }
        return out;
    }
}
