package io.rastermill.io.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Round trips through the JDK's PNG decoder: every filter the encoder may pick must decode to the same pixels. */
class PngEncoderTest {

    @Test
    void rgbaRoundTrips() throws IOException {
        byte[] rgba = pixels(37, 23, false, 7);
        assertArrayEquals(rgba, decode(PngEncoder.encode(rgba, 37, 23, false, 6), 37, 23));
    }

    @Test
    void greyAlphaRoundTrips() throws IOException {
        byte[] rgba = pixels(16, 9, true, 11);
        byte[] png = PngEncoder.encode(rgba, 16, 9, true, 9);
        assertEquals(4, png[25], "colour type grey + alpha");
        assertArrayEquals(rgba, decode(png, 16, 9));
    }

    /** Smooth gradients plus noise, so that different rows prefer different filters. */
    private static byte[] pixels(int w, int h, boolean grey, long seed) {
        Random r = new Random(seed);
        byte[] p = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 4 * (y * w + x);
                int g = (x * 7 + y * 3 + (y % 3 == 0 ? r.nextInt(256) : 0)) & 0xff;
                p[i] = (byte) g;
                p[i + 1] = (byte) (grey ? g : (x * y) & 0xff);
                p[i + 2] = (byte) (grey ? g : r.nextInt(256));
                p[i + 3] = (byte) (x % 5 == 0 ? 0 : 255 - y);
            }
        }
        return p;
    }

    private static byte[] decode(byte[] png, int w, int h) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        Raster r = img.getRaster();
        int[] v = new int[r.getNumBands()];
        byte[] out = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, v);
                int i = 4 * (y * w + x);
                for (int c = 0; c < 4; c++) {
                    out[i + c] = (byte) (v.length == 2 ? (c == 3 ? v[1] : v[0]) : v[c]);
                }
            }
        }
        return out;
    }
}
