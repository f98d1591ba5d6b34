package io.rastermill.core.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.warp.Resampling;
import org.junit.jupiter.api.Test;

class TileDownsampleTest {

    /** A 4x4 grey mosaic: value and alpha per pixel, row-major. */
    private static byte[] mosaic(int[] grey, int[] alpha) {
        byte[] m = new byte[4 * 16];
        for (int i = 0; i < 16; i++) {
            m[4 * i] = m[4 * i + 1] = m[4 * i + 2] = (byte) grey[i];
            m[4 * i + 3] = (byte) alpha[i];
        }
        return m;
    }

    private static int[] channel(byte[] rgba, int c) {
        int[] out = new int[rgba.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = rgba[4 * i + c] & 0xff;
        }
        return out;
    }

    private static final int[] RAMP = {0, 10, 20, 30, 0, 10, 20, 30, 0, 10, 20, 30, 0, 10, 20, 30};
    private static final int[] OPAQUE = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255
    };

    @Test
    void averageWeighsColoursByAlpha() {
        int[] grey = {10, 20, 50, 50, 30, 40, 50, 50, 7, 7, 0, 0, 7, 7, 0, 0};
        int[] alpha = {255, 255, 255, 255, 0, 255, 255, 255, 255, 255, 0, 0, 255, 255, 0, 0};
        byte[] out = new TileDownsample(Resampling.AVERAGE, 2).halve(mosaic(grey, alpha));
        // (10 + 20 + 40) / 3 = 23.3; alpha 3 x 255 / 4 = 191.25; the empty block stays transparent
        assertArrayEquals(new int[] {23, 50, 7, 0}, channel(out, 0));
        assertArrayEquals(new int[] {191, 255, 255, 0}, channel(out, 3));
    }

    @Test
    void nearTakesThePixelUnderTheTargetCentre() {
        int[] grey = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        byte[] out = new TileDownsample(Resampling.NEAREST, 2).halve(mosaic(grey, OPAQUE));
        assertArrayEquals(new int[] {5, 7, 13, 15}, channel(out, 0));
    }

    /** Bilinear widened 2x: taps at 0.25, 0.75 kernel units; (0.75·0 + 0.75·10 + 0.25·20) / 1.75 = 7.14. */
    @Test
    void bilinearWidensTheKernelAndRenormalisesAtTheEdge() {
        byte[] out = new TileDownsample(Resampling.BILINEAR, 2).halve(mosaic(RAMP, OPAQUE));
        assertArrayEquals(new int[] {7, 23, 7, 23}, channel(out, 0));
        assertArrayEquals(new int[] {255, 255, 255, 255}, channel(out, 3));
    }

    @Test
    void reductionsUseTheOpaquePixelsOfTheBlock() {
        int[] grey = {9, 3, 0, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] alpha = {0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255};
        assertEquals(3, channel(new TileDownsample(Resampling.MODE, 2).halve(mosaic(grey, alpha)), 0)[0]);
        assertEquals(3, channel(new TileDownsample(Resampling.MAX, 2).halve(mosaic(grey, alpha)), 0)[0]);
        assertEquals(3, channel(new TileDownsample(Resampling.MED, 2).halve(mosaic(grey, alpha)), 0)[0]);
    }

    @Test
    void sumAndRmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TileDownsample(Resampling.SUM, 256));
        assertThrows(IllegalArgumentException.class, () -> new TileDownsample(Resampling.RMS, 256));
    }
}
