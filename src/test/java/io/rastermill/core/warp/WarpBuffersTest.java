package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.geom.GridBounds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Warps sharing one set of buffers, used one after another as a mosaic uses them (per block, each source located, then
 * warped), give the cells of warps with buffers of their own: blocks of two sizes (an edge block), sources in three
 * CRSs at two cell sizes, every method family.
 */
class WarpBuffersTest {

    @Test
    void sharedBuffersGiveTheCellsOfOwnBuffers() {
        WarpGrid target = PixelTransformTest.grid("EPSG:32633", 500_000, 5_320_000, 30, 150, 130);
        WarpGrid[] sources = {
            PixelTransformTest.grid("EPSG:4326", 14.99, 48.03, 0.0004, 300, 250),
            PixelTransformTest.grid("EPSG:32633", 501_000, 5_319_000, 60, 50, 40),
            PixelTransformTest.grid("EPSG:32632", 940_000, 5_325_000, 20, 200, 220)
        };
        double[][] values = new double[sources.length][];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int s = 0; s < sources.length; s++) {
            values[s] = new double[sources[s].cols() * sources[s].rows()];
            for (int i = 0; i < values[s].length; i++) {
                values[s][i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(1000);
            }
        }
        for (Resampling method : new Resampling[] {Resampling.NEAREST, Resampling.CUBIC, Resampling.AVERAGE}) {
            WarpBuffers buffers = new WarpBuffers();
            BlockWarp[] shared = new BlockWarp[sources.length];
            BlockWarp[] own = new BlockWarp[sources.length];
            for (int s = 0; s < sources.length; s++) {
                shared[s] = new BlockWarp(target, sources[s], method, 0.001, buffers);
                own[s] = new BlockWarp(target, sources[s], method, 0.001);
            }
            int warped = 0;
            for (int y0 = 0; y0 < target.rows(); y0 += 64) {
                for (int x0 = 0; x0 < target.cols(); x0 += 64) {
                    int w = Math.min(64, target.cols() - x0);
                    int h = Math.min(64, target.rows() - y0);
                    double[] a = mosaic(shared, values, sources, x0, y0, w, h);
                    double[] b = mosaic(own, values, sources, x0, y0, w, h);
                    assertArrayEquals(b, a, method + " block (" + x0 + ", " + y0 + ")");
                    warped += Arrays.stream(a).filter(v -> !Double.isNaN(v)).count() > 0 ? 1 : 0;
                }
            }
            assertTrue(warped >= 4, method + ": " + warped + " blocks with cells");
        }
    }

    private static double[] mosaic(
            BlockWarp[] warps, double[][] values, WarpGrid[] sources, int x0, int y0, int w, int h) {
        double[] out = new double[w * h];
        Arrays.fill(out, Double.NaN);
        for (int s = 0; s < warps.length; s++) {
            GridBounds need = warps[s].locate(x0, y0, w, h);
            if (need != null) {
                warps[s].warp(window(values[s], sources[s].cols(), need), out);
            }
        }
        return out;
    }

    private static SourceWindow window(double[] all, int cols, GridBounds need) {
        int w = (int) need.width();
        int h = (int) need.height();
        double[] v = new double[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(all, (int) ((need.rowMin() + r) * cols + need.colMin()), v, r * w, w);
        }
        return new SourceWindow(v, (int) need.colMin(), (int) need.rowMin(), w, h);
    }
}
