package io.rastermill.io.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
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

    /**
     * The one-pass choice equals filtering the row each of the five ways in full and keeping the first smallest sum
     * of |signed bytes| (PNG spec's predictors, written out here), on smooth, flat and noisy rows.
     */
    @Test
    void filterChoiceIsTheSmallestSumFirstOnTies() {
        Random r = new Random(5);
        int[] seen = new int[5];
        for (int bpp : new int[] {2, 4}) {
            for (int t = 0; t < 2000; t++) {
                int len = bpp * (1 + r.nextInt(24));
                byte[] row = new byte[len];
                byte[] prev = new byte[len];
                int kind = t % 4;
                for (int i = 0; i < len; i++) {
                    prev[i] = (byte) (kind == 0 ? r.nextInt(256) : kind == 1 ? 7 : i * 3 + r.nextInt(3));
                    row[i] = (byte) (kind == 0 ? r.nextInt(256) : kind == 1 ? 7 : prev[i] + (kind == 2 ? 1 : i));
                }
                int expected = bruteForce(row, prev, bpp);
                seen[expected]++;
                assertEquals(expected, PngEncoder.bestFilter(row, prev, bpp), "bpp " + bpp + ", row " + t);
            }
        }
        for (int f = 0; f < 5; f++) {
            assertTrue(seen[f] > 0, "filter " + f + " never the best: " + Arrays.toString(seen));
        }
    }

    private static int bruteForce(byte[] row, byte[] prev, int bpp) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int f = 0; f < 5; f++) {
            long cost = 0;
            for (int i = 0; i < row.length; i++) {
                int a = i >= bpp ? row[i - bpp] & 0xff : 0;
                int b = prev[i] & 0xff;
                int c = i >= bpp ? prev[i - bpp] & 0xff : 0;
                int p = a + b - c;
                int pa = Math.abs(p - a);
                int pb = Math.abs(p - b);
                int pc = Math.abs(p - c);
                int predictor = new int[] {0, a, b, (a + b) / 2, pa <= pb && pa <= pc ? a : pb <= pc ? b : c}[f];
                cost += Math.abs((byte) ((row[i] & 0xff) - predictor));
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = f;
            }
        }
        return best;
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
