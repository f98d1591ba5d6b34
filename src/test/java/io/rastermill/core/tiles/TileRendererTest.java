package io.rastermill.core.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileRendererTest {

    @Test
    void byteGreyRoundsClampsAndMakesNoDataTransparent() {
        byte[] px = TileRenderer.rgba(new double[][] {{12.5, 300, -4, Double.NaN}}, 4, TileStyle.bytes());
        assertArrayEquals(new byte[] {13, 13, 13, -1, -1, -1, -1, -1, 0, 0, 0, -1, 0, 0, 0, 0}, px);
    }

    @Test
    void rgbWithAlphaBand() {
        double[][] bands = {{1, 2}, {3, Double.NaN}, {5, 6}, {128, 255}};
        byte[] px = TileRenderer.rgba(bands, 2, TileStyle.bytes());
        assertArrayEquals(new byte[] {1, 3, 5, (byte) 128, 0, 0, 0, 0}, px);
    }

    /** Scaled as gdal_translate -scale 100 355 0 255: level = round((v - 100) · 255 / 255). */
    @Test
    void rampScalesMinMaxToTheRampsEnds() {
        TileStyle grey = TileStyle.ramp(ColorRamp.GREY, 100, 355);
        byte[] px = TileRenderer.rgba(new double[][] {{100, 227.5, 355, 1e9}}, 4, grey);
        assertEquals(0, px[0]);
        assertEquals((byte) 128, px[4]);
        assertEquals((byte) 255, px[8]);
        assertEquals((byte) 255, px[12]);
        byte[] v = TileRenderer.rgba(new double[][] {{0, 1}}, 2, TileStyle.ramp(ColorRamp.VIRIDIS, 0, 1));
        assertArrayEquals(new byte[] {0x44, 0x01, 0x54, -1, (byte) 0xfd, (byte) 0xe7, 0x25, -1}, v);
        assertEquals(0x333399, ColorRamp.TERRAIN.rgb(0));
        assertEquals(0xffffff, ColorRamp.TERRAIN.rgb(255));
    }

    /** gdal2tiles -x's test: no pixel with alpha above 0; colour bytes under alpha 0 do not count. */
    @Test
    void transparentMeansEveryAlphaZero() {
        assertTrue(TileRenderer.transparent(new byte[] {0, 0, 0, 0, 9, 9, 9, 0}));
        assertFalse(TileRenderer.transparent(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}));
        assertFalse(TileRenderer.transparent(new byte[] {0, 0, 0, -1, 0, 0, 0, 0}));
        byte[] rendered = TileRenderer.rgba(new double[][] {{Double.NaN, Double.NaN}}, 2, TileStyle.bytes());
        assertTrue(TileRenderer.transparent(rendered));
        rendered = TileRenderer.rgba(new double[][] {{Double.NaN, 0}}, 2, TileStyle.bytes());
        assertFalse(TileRenderer.transparent(rendered)); // a black opaque pixel is visible
    }

    @Test
    void bandCountsAndRampsChecked() {
        assertThrows(IllegalArgumentException.class, () -> TileRenderer.colourBands(5, TileStyle.bytes()));
        assertThrows(
                IllegalArgumentException.class,
                () -> TileRenderer.colourBands(3, TileStyle.ramp(ColorRamp.TERRAIN, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> ColorRamp.parse("rainbow"));
        assertEquals(ColorRamp.GREY, ColorRamp.parse("gray"));
    }
}
