package io.rastermill.core.tiles;

import java.io.Serializable;

/**
 * How band values become the bytes of a tile's pixels.
 *
 * <p>{@link #bytes()}: each band's value, rounded half up and clamped to {@code 0..255}, is the channel's byte,
 * as gdal2tiles uses a Byte raster's values. {@link #ramp}: a single band is scaled linearly from
 * {@code min..max} to {@code 0..255} (rounded half up, clamped; as {@code gdal_translate -ot Byte -scale min max}
 * does) and that level picks a colour of the ramp.
 *
 * @param ramp null for {@link #bytes()}
 */
public record TileStyle(ColorRamp ramp, double min, double max) implements Serializable {

    public TileStyle {
        if (ramp != null && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException(
                    "a colour ramp needs a finite range min <= max, got " + min + " .. " + max);
        }
    }

    public static TileStyle bytes() {
        return new TileStyle(null, Double.NaN, Double.NaN);
    }

    public static TileStyle ramp(ColorRamp ramp, double min, double max) {
        return new TileStyle(ramp, min, max);
    }

    /** Whether tiles of {@code bands} bands in this style are grey (a grey or grey+alpha PNG suffices). */
    public boolean isGrey(int bands) {
        return bands <= 2 && (ramp == null || ramp == ColorRamp.GREY);
    }

    /** The byte level (0..255) of {@code v} scaled from {@code min..max}; 0 when the range is one value. */
    int level(double v) {
        double span = max - min;
        return span > 0 ? TileRenderer.toByte((v - min) * 255 / span) : 0;
    }
}
