package io.rastermill.core.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.geom.Extent;
import org.junit.jupiter.api.Test;

class WebMercatorTilesTest {
    private static final double W = WebMercatorTiles.ORIGIN_SHIFT;

    @Test
    void zoomZeroIsTheWorld() {
        assertEquals(new Extent(-W, -W, W, W), WebMercatorTiles.tileExtent(0, 0, 0));
        assertEquals(156543.03392804097, WebMercatorTiles.resolution(0), 1e-8);
        assertEquals(new TileRange(0, 0, 0, 0, 0), WebMercatorTiles.range(0, -1000, 1000, 10, 10, 100));
    }

    @Test
    void rowsCountFromTheTop() {
        // zoom 2: tiles 10 018 754 m wide; (5e6, 5e6) is in column 2, row 1 (the second from the top)
        assertEquals(new TileRange(2, 2, 1, 2, 1), WebMercatorTiles.range(2, 5e6, 5e6, 1, 1, 1000));
        Extent e = WebMercatorTiles.tileExtent(2, 2, 1);
        assertEquals(0, e.xmin(), 1e-6);
        assertEquals(W / 2, e.xmax(), 1e-6);
        assertEquals(0, e.ymin(), 1e-6);
        assertEquals(W / 2, e.ymax(), 1e-6);
    }

    /** As gdal2tiles: a west (or south) edge exactly on a tile boundary also takes the tile beyond it. */
    @Test
    void edgeOnTheBoundaryTakesTheTileBeyondAsGdal2tiles() {
        // zoom 1: x = 0 is the boundary between columns 0 and 1; the raster spans x 0..1000, y 500..1000
        assertEquals(new TileRange(1, 0, 0, 1, 0), WebMercatorTiles.range(1, 0, 1000, 2, 1, 500));
        // an east edge on the boundary does not
        assertEquals(new TileRange(1, 0, 0, 0, 0), WebMercatorTiles.range(1, -1000, 1000, 2, 1, 500));
    }

    @Test
    void clampedToTheWorldAndRefusedOutsideIt() {
        assertEquals(new TileRange(1, 0, 0, 1, 1), WebMercatorTiles.range(1, -3 * W, 3 * W, 6, 6, W));
        assertThrows(IllegalArgumentException.class, () -> WebMercatorTiles.range(3, 2 * W, W, 1, 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new TileRange(31, 0, 0, 0, 0));
    }
}
