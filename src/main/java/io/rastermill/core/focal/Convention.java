package io.rastermill.core.focal;

import java.util.Locale;

/** Whose semantics a terrain op reproduces: edges, NoData, units, output cell type. */
public enum Convention {
    /**
     * gdaldem (GDAL 3.6): a NoData focal cell gives NoData; without {@code computeEdges} any NoData
     * neighbour, and every cell on the raster border, gives NoData; with it, neighbours beyond the
     * border are linearly extrapolated from the two nearest raster cells and NoData neighbours take
     * the focal value. Float32 output with NoData -9999; hillshade Byte 1..255 with NoData 0.
     */
    GDALDEM,
    /**
     * GeoTrellis 3.7.1: neighbours that are NoData or outside the raster take the focal value;
     * slope/aspect are float64 with NaN NoData, flat aspect is -1, hillshade is int16 0..127 and
     * a NoData focal cell gives 0.
     */
    GEOTRELLIS;

    /**
     * The convention by name, case-insensitive: {@code gdaldem} (also {@code gdal}) or {@code geotrellis}.
     *
     * @throws IllegalArgumentException naming {@code name} and the known names
     */
    public static Convention parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gdaldem", "gdal" -> GDALDEM;
            case "geotrellis" -> GEOTRELLIS;
            default -> throw new IllegalArgumentException("must be gdaldem or geotrellis, not '" + name + "'");
        };
    }
}
