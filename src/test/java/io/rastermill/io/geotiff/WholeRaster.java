package io.rastermill.io.geotiff;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** Every cell of a GeoTIFF at full resolution, for tests that compare outputs cell by cell. */
public final class WholeRaster {
    private WholeRaster() {}

    /** Band {@code band} (0-based) of {@code file}, a path or URI. */
    public static Tile band(String file, int band) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            return r.readBand(all(r.info()), band, 0);
        }
    }

    /** The first band of {@code file}, a path or URI. */
    public static Tile firstBand(String file) throws IOException {
        return band(file, 0);
    }

    /** The first band of {@code file}. */
    public static Tile firstBand(Path file) throws IOException {
        return band(file.toString(), 0);
    }

    /** All bands of {@code file}, a path or URI. */
    public static MultibandTile allBands(String file) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            GeoTiffInfo i = r.info();
            return r.read(all(i), IntStream.range(0, i.bandCount()).toArray(), 0);
        }
    }

    private static GridBounds all(GeoTiffInfo i) {
        return new GridBounds(0, 0, i.width() - 1, i.height() - 1);
    }
}
