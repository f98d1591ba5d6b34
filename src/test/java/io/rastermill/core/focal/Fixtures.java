package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The focal fixtures (made by src/test/fixtures/focal/make_fixtures.py), read with GeoTiffReader. */
final class Fixtures {
    private Fixtures() {}

    record Raster(Tile tile, CellSize cellSize) {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/io/rastermill/core/focal/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Raster read(String name) {
        try (GeoTiffReader r = GeoTiffReader.open(path(name).toString())) {
            int w = r.width(0);
            int h = r.height(0);
            Tile t = r.read(new GridBounds(0, 0, w - 1, h - 1)).band(0);
            return new Raster(t, r.info().rasterExtent().orElseThrow().cellSize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
