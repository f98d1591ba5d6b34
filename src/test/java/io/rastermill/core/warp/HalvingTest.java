package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A 2x2 parent from a 4x4 double-lane mosaic, values computed by hand. */
class HalvingTest {
    private static final double N = Double.NaN;
    /** 0..15 row-major, NoData at (0, 1) and the whole lower-right block but (3, 3). */
    private static final double[] MOSAIC = {0, N, 2, 3, 4, 5, 6, 7, 8, 9, N, N, 12, 13, N, 15};

    @Test
    void nearTakesTheCellUnderTheParentCentre() {
        assertArrayEquals(new double[] {5, 7, 13, 15}, new Halving(Resampling.NEAREST, 2).halve(MOSAIC));
    }

    @Test
    void averageLeavesNoDataOut() {
        // (0 + 4 + 5) / 3, (2 + 3 + 6 + 7) / 4, (8 + 9 + 12 + 13) / 4, 15 alone
        assertArrayEquals(new double[] {3, 4.5, 10.5, 15}, new Halving(Resampling.AVERAGE, 2).halve(MOSAIC), 1e-12);
    }

    @Test
    void reductionsOverTheBlocksData() {
        assertArrayEquals(new double[] {0, 2, 8, 15}, new Halving(Resampling.MIN, 2).halve(MOSAIC));
        assertArrayEquals(new double[] {5, 7, 13, 15}, new Halving(Resampling.MAX, 2).halve(MOSAIC));
        // nearest rank: ceil(0.5 k) - 1 of the sorted block
        assertArrayEquals(new double[] {4, 3, 9, 15}, new Halving(Resampling.MED, 2).halve(MOSAIC));
        double[] ties = {1, 2, 2, 2, 1, 1, 3, 3, N, N, N, N, N, N, N, N};
        assertArrayEquals(new double[] {1, 2, N, N}, new Halving(Resampling.MODE, 2).halve(ties));
    }

    /**
     * Bilinear widened 2x on a ramp 0, 10, 20, 30 along x: taps at 0.25 and 0.75 kernel units from the centre
     * (weights 0.75, 0.75, 0.25 inside the mosaic for the first parent column, 0.25, 0.75, 0.75 for the second),
     * renormalised: (0.75·0 + 0.75·10 + 0.25·20) / 1.75; a centre cell on NoData gives nothing.
     */
    @Test
    void bilinearWidensRenormalisesAndNeedsItsCentre() {
        double[] ramp = new double[16];
        for (int i = 0; i < 16; i++) {
            ramp[i] = 10 * (i % 4);
        }
        double[] out = new Halving(Resampling.BILINEAR, 2).halve(ramp);
        assertEquals(12.5 / 1.75, out[0], 1e-12);
        assertEquals((0.25 * 10 + 0.75 * 20 + 0.75 * 30) / 1.75, out[1], 1e-12);
        assertEquals(out[0], out[2], 1e-12);
        ramp[15] = N; // the cell under the lower-right parent's centre, outside the lower-left parent's taps
        out = new Halving(Resampling.BILINEAR, 2).halve(ramp);
        assertEquals(N, out[3]);
        assertEquals(12.5 / 1.75, out[2], 1e-12);
    }

    @Test
    void sumAndRmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Halving(Resampling.SUM, 2));
        assertThrows(IllegalArgumentException.class, () -> new Halving(Resampling.RMS, 2));
        assertThrows(IllegalArgumentException.class, () -> new Halving(Resampling.AVERAGE, 2).halve(new double[15]));
    }
}
