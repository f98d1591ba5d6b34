package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-computed cells for each kind of kernel, NoData and tie rules. */
class WarpKernelTest {
    private static final double N = Double.NaN;

    /** A 4×4 window at the raster's origin: v = 10·row + col. */
    private static SourceWindow ramp() {
        double[] v = new double[16];
        for (int i = 0; i < 16; i++) {
            v[i] = 10 * (i / 4) + i % 4;
        }
        return new SourceWindow(v, 0, 0, 4, 4);
    }

    private static double sample(SourceWindow w, Resampling r, double x, double y) {
        double[] out = {N};
        new WarpKernel().sample(w, new double[] {x}, new double[] {y}, 1, r, 1, 1, out);
        return out[0];
    }

    @Test
    void nearestAndBilinearAtHandPickedPoints() {
        SourceWindow w = ramp();
        assertEquals(21, sample(w, Resampling.NEAREST, 1.9, 2.1));
        // bilinear of a linear ramp is the ramp at the point (cell centres at +0.5)
        assertEquals(10 * 1.75 + 1.25, sample(w, Resampling.BILINEAR, 1.75, 2.25), 1e-12);
        // cubic and cubic spline reproduce a linear ramp away from the edge
        assertEquals(10 * 1.7 + 1.8, sample(w, Resampling.CUBIC, 2.3, 2.2), 1e-12);
        assertEquals(10 * 1.7 + 1.8, sample(w, Resampling.CUBIC_SPLINE, 2.3, 2.2), 1e-12);
        // outside the raster: nothing
        assertTrue(Double.isNaN(sample(w, Resampling.BILINEAR, 4.01, 1)));
    }

    @Test
    void noDataNeighboursAreLeftOutAndWeightsRenormalised() {
        double[] v = {1, N, 3, 5};
        SourceWindow w = new SourceWindow(v, 0, 0, 2, 2);
        // at the common corner all four weigh 1/4; without the NoData one: (1 + 3 + 5) / 3
        assertEquals(3, sample(w, Resampling.BILINEAR, 1.0, 1.0), 1e-12);
        // a point on the NoData cell itself gives nothing
        assertTrue(Double.isNaN(sample(w, Resampling.BILINEAR, 1.6, 0.4)));
    }

    @Test
    void kernelsHaveTheirTextbookValues() {
        assertEquals(1, WarpKernel.cubicWeight(0));
        assertEquals(-0.0625, WarpKernel.cubicWeight(1.5), 1e-15); // Keys a = -0.5
        assertEquals(2.0 / 3, WarpKernel.cubicSplineWeight(0), 1e-15);
        assertEquals(1.0 / 6, WarpKernel.cubicSplineWeight(1), 1e-15);
        assertEquals(0, WarpKernel.lanczosWeight(2), 1e-15);
        assertEquals(0, WarpKernel.lanczosWeight(3.2));
        double sum = 0;
        for (int i = -2; i <= 3; i++) {
            sum += WarpKernel.cubicWeight(i - 0.3);
        }
        assertEquals(1, sum, 1e-12);
    }

    /** Aggregates over one target cell covering source columns 0.5..2.5 of rows 0..2 (corners (0.5,0), (2.5,2)). */
    private static double aggregate(double[] v, Resampling r) {
        SourceWindow w = new SourceWindow(v, 0, 0, 3, 2);
        double[] out = {N};
        new WarpKernel().aggregate(w, new double[] {0.5, 2.5, 0.5, 2.5}, new double[] {0, 0, 2, 2}, 1, 1, r, 0, out);
        return out[0];
    }

    /**
     * A geographic source of 4 columns, 8 to the turn (45° cells), and a target cell whose corners land either side
     * of the antipode of its centre: upper-left at column 7.9 (359.6° from the west edge), lower-right at 0.1
     * (turned back by the transform). Unwrapped, the box spans the whole source; its own footprint lies past it.
     */
    @Test
    void aFootprintAcrossTheTurnIsTheCellsOwn() {
        SourceWindow w = new SourceWindow(new double[] {1, 2, 3, 4}, 0, 0, 4, 1);
        double[] cx = {7.9, 0.1, 7.9, 0.1};
        double[] cy = {0, 0, 1, 1};
        double[] out = {N};
        new WarpKernel().aggregate(w, cx, cy, 1, 1, Resampling.AVERAGE, 8, out);
        assertEquals(N, out[0]);
        new WarpKernel().aggregate(w, cx, cy, 1, 1, Resampling.AVERAGE, 0, out);
        assertEquals((0.9 * 1 + 2 + 3 + 4) / 3.9, out[0], 1e-12); // what the cell got before: the whole source
        cx = new double[] {3.9, -3.9, 3.9, -3.9}; // the same cell with the turn at the source's east edge
        out[0] = N;
        new WarpKernel().aggregate(w, cx, cy, 1, 1, Resampling.AVERAGE, 8, out);
        assertEquals(4, out[0], 1e-12);
    }

    @Test
    void aggregatesWeighCoverageAndBreakTiesAsGdal() {
        double[] v = {4, 8, 2, 6, 7, 9};
        // columns weigh 0.5, 1, 0.5: (0.5·4 + 8 + 0.5·2 + 0.5·6 + 7 + 0.5·9) / 4
        assertEquals((2 + 8 + 1 + 3 + 7 + 4.5) / 4, aggregate(v, Resampling.AVERAGE), 1e-12);
        assertEquals(2 + 8 + 1 + 3 + 7 + 4.5, aggregate(v, Resampling.SUM), 1e-12);
        assertEquals(Math.sqrt((8 + 64 + 2 + 18 + 49 + 40.5) / 4), aggregate(v, Resampling.RMS), 1e-12);
        assertEquals(2, aggregate(v, Resampling.MIN));
        assertEquals(9, aggregate(v, Resampling.MAX));
        // sorted 2 4 6 7 8 9: nearest rank ceil(q·n): q1 -> 2nd, med -> 3rd, q3 -> 5th
        assertEquals(4, aggregate(v, Resampling.Q1));
        assertEquals(6, aggregate(v, Resampling.MED));
        assertEquals(8, aggregate(v, Resampling.Q3));
        // scan order 5 7 7 | 5 1 1: 7 reaches two first and stays ahead of the later 5 and 1
        assertEquals(7, aggregate(new double[] {5, 7, 7, 5, 1, 1}, Resampling.MODE));
        assertEquals(6, aggregate(new double[] {N, N, N, 6, N, N}, Resampling.AVERAGE));
        assertTrue(Double.isNaN(aggregate(new double[] {N, N, N, N, N, N}, Resampling.MODE)));
    }

    @Test
    void methodsParseByGdalNames() {
        assertEquals(Resampling.NEAREST, Resampling.parse("near"));
        assertEquals(Resampling.CUBIC_SPLINE, Resampling.parse("CubicSpline"));
        assertEquals(Resampling.Q3, Resampling.parse("q3"));
        assertEquals(
                14,
                Arrays.stream(Resampling.values())
                        .map(Resampling::gdalName)
                        .distinct()
                        .count());
        assertThrows(IllegalArgumentException.class, () -> Resampling.parse("gauss"));
    }
}
