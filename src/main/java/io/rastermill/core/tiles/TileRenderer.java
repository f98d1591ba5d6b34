package io.rastermill.core.tiles;

/**
 * Turns the warped bands of one tile (double lane, NaN = NoData) into RGBA pixels.
 *
 * <p>Bands as gdal2tiles reads them: 1 band grey, 2 bands grey + alpha, 3 bands RGB, 4 bands RGBA. A pixel where
 * any colour band is NoData is transparent (alpha 0, colour 0); otherwise alpha is 255 or the alpha band's byte.
 * Stateless.
 */
public final class TileRenderer {
    private TileRenderer() {}

    /**
     * {@code bands[b][i]} rendered into {@code n} RGBA pixels ({@code 4n} bytes, row-major, R G B A).
     *
     * @throws IllegalArgumentException for a band count other than 1..4, or a ramp with 3 or 4 bands
     */
    public static byte[] rgba(double[][] bands, int n, TileStyle style) {
        int colours = colourBands(bands.length, style);
        byte[] out = new byte[4 * n];
        double[] alpha = colours < bands.length ? bands[colours] : null;
        for (int i = 0; i < n; i++) {
            boolean empty = false;
            for (int b = 0; b < colours; b++) {
                empty |= Double.isNaN(bands[b][i]);
            }
            int a = empty ? 0 : alpha == null ? 255 : Double.isNaN(alpha[i]) ? 0 : toByte(alpha[i]);
            if (a == 0) {
                continue;
            }
            int rgb;
            if (colours == 3) {
                rgb = toByte(bands[0][i]) << 16 | toByte(bands[1][i]) << 8 | toByte(bands[2][i]);
            } else if (style.ramp() != null) {
                rgb = style.ramp().rgb(style.level(bands[0][i]));
            } else {
                rgb = toByte(bands[0][i]) * 0x010101;
            }
            out[4 * i] = (byte) (rgb >> 16);
            out[4 * i + 1] = (byte) (rgb >> 8);
            out[4 * i + 2] = (byte) rgb;
            out[4 * i + 3] = (byte) a;
        }
        return out;
    }

    /**
     * Whether every pixel of {@code rgba} (R G B A bytes) is fully transparent: the tiles gdal2tiles' {@code -x}
     * leaves out.
     */
    public static boolean transparent(byte[] rgba) {
        for (int i = 3; i < rgba.length; i += 4) {
            if (rgba[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** How many of {@code bands} bands carry colour (the rest is alpha), checked against {@code style}. */
    public static int colourBands(int bands, TileStyle style) {
        if (bands < 1 || bands > 4) {
            throw new IllegalArgumentException(
                    bands + " bands: tiles need 1 (grey), 2 (grey, alpha), 3 (RGB) or" + " 4 (RGBA) bands");
        }
        if (style.ramp() != null && bands > 2) {
            throw new IllegalArgumentException(
                    "a colour ramp needs a single band (and an optional alpha band), not " + bands + " bands");
        }
        return bands <= 2 ? 1 : 3;
    }

    /** {@code v} rounded half up and clamped to {@code 0..255}. */
    static int toByte(double v) {
        double r = Math.floor(v + 0.5);
        return r <= 0 ? 0 : r >= 255 ? 255 : (int) r;
    }
}
