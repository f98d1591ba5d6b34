package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import org.junit.jupiter.api.Test;

/** The interpolated control grid stays within its error bound of the exact proj4j transform, cell by cell. */
class PixelTransformTest {

    /** A north-up grid of square cells in {@code crs}, its upper-left corner at ({@code xmin}, {@code ymax}). */
    static WarpGrid grid(String crs, double xmin, double ymax, double cell, int cols, int rows) {
        return new WarpGrid(
                Crs.fromString(crs),
                new RasterExtent(
                        new Extent(xmin, ymax - rows * cell, xmin + cols * cell, ymax), cell, cell, cols, rows));
    }

    @Test
    void interpolationErrorIsWithinTheBoundEverywhere() {
        WarpGrid utm = grid("EPSG:32633", 500000, 5320000, 30, 2000, 2000);
        WarpGrid[][] pairs = {
            {grid("EPSG:4326", 14.9, 48.1, 0.0003, 600, 600), utm},
            {utm, grid("EPSG:4326", 14.9, 48.1, 0.0003, 600, 600)},
            {grid("EPSG:3413", -300000, -1000000, 500, 600, 600), grid("EPSG:4326", -60, 80, 0.01, 2000, 2000)},
            {grid("EPSG:2154", 650000, 6860000, 50, 600, 600), grid("EPSG:4326", 1, 50, 0.001, 2000, 2000)},
            {grid("EPSG:32632", 700000, 5350000, 30, 600, 600), utm}
        };
        for (double bound : new double[] {0.001, 0.0001, 0.125}) {
            for (WarpGrid[] p : pairs) {
                int w = 300;
                int h = 260;
                double[] ax = new double[w * h];
                double[] ay = new double[w * h];
                double[] ex = new double[w * h];
                double[] ey = new double[w * h];
                PixelTransform approx = PixelTransform.between(p[0], p[1], bound);
                double measured = approx.transform(37, 11, w, h, 0.5, ax, ay);
                PixelTransform.between(p[0], p[1], 0).transform(37, 11, w, h, 0.5, ex, ey);
                double worst = 0;
                for (int i = 0; i < w * h; i++) {
                    worst = Math.max(worst, Math.max(Math.abs(ax[i] - ex[i]), Math.abs(ay[i] - ey[i])));
                }
                String what = p[0].crs() + " -> " + p[1].crs() + " bound " + bound + ": worst " + worst + ", measured "
                        + measured;
                assertTrue(measured <= bound, what);
                // The check points sit where a bilinear interpolation errs most; allow a little slack beyond them.
                assertTrue(worst <= bound * 1.5, what);
            }
        }
    }

    @Test
    void exactModeIsProj4jPerCellAndIdentityIsExact() {
        WarpGrid g = grid("EPSG:32633", 500000, 5320000, 30, 100, 100);
        WarpGrid shifted = grid("EPSG:32633", 500300, 5319700, 30, 100, 100);
        double[] xs = new double[4];
        double[] ys = new double[4];
        PixelTransform.between(g, shifted, 0.001).transform(0, 0, 2, 2, 0.5, xs, ys);
        // target cell (0, 0) centre is 10 cells west and north of the shifted grid's origin
        assertEquals(-9.5, xs[0], 1e-9);
        assertEquals(-9.5, ys[0], 1e-9);
        assertEquals(-8.5, xs[3], 1e-9);
        assertEquals(-8.5, ys[3], 1e-9);
    }
}
