package io.rastermill.core.tiles;

import java.util.Locale;

/**
 * Named colour ramps for single-band tiles: a value scaled to {@code 0..255} picks one of 256 colours
 * interpolated linearly between the ramp's stops.
 */
public enum ColorRamp {
    /** Black to white: the grey levels gdal2tiles shows a Byte band as. */
    GREY(new double[] {0, 1}, new int[] {0x000000, 0xffffff}),
    /** Matplotlib's perceptually uniform viridis, ten stops. */
    VIRIDIS(new double[] {0, 1 / 9.0, 2 / 9.0, 3 / 9.0, 4 / 9.0, 5 / 9.0, 6 / 9.0, 7 / 9.0, 8 / 9.0, 1}, new int[] {
        0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725
    }),
    /** Elevation colours: deep blue, blue, green, pale yellow, brown, white (matplotlib's terrain stops). */
    TERRAIN(
            new double[] {0, 0.15, 0.25, 0.5, 0.75, 1},
            new int[] {0x333399, 0x0099ff, 0x00cc66, 0xffff99, 0x805c54, 0xffffff});

    private final int[] lut = new int[256];

    ColorRamp(double[] stops, int[] colours) {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int s = 0;
            while (s < stops.length - 2 && t > stops[s + 1]) {
                s++;
            }
            double f = (t - stops[s]) / (stops[s + 1] - stops[s]);
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int a = (colours[s] >> shift) & 0xff;
                int b = (colours[s + 1] >> shift) & 0xff;
                rgb |= (int) Math.floor(a + (b - a) * f + 0.5) << shift;
            }
            lut[i] = rgb;
        }
    }

    /** The colour of level {@code level} (0..255) as {@code 0xRRGGBB}. */
    public int rgb(int level) {
        return lut[level];
    }

    /** The ramp called {@code name} (case-insensitive; {@code gray} too). */
    public static ColorRamp parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("GRAY")) {
            return GREY;
        }
        for (ColorRamp r : values()) {
            if (r.name().equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown colour ramp '" + name + "': use grey, viridis or terrain");
    }
}
