package io.rastermill.core.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.tiles.WebMercatorTiles;
import org.junit.jupiter.api.Test;

class SourceFootprintTest {
    /** UTM 60N (central meridian 177°E) at 51–52°N, 700–860 km east: about 179.9°E to 182.2°E, across 180°. */
    private static final WarpGrid UTM60 = new WarpGrid(
            Crs.epsg(32660), new RasterExtent(new Extent(700000, 5680000, 860000, 5800000), 1000, 1000, 160, 120));

    private static final WarpGrid PAST_180 =
            new WarpGrid(Crs.LATLNG, new RasterExtent(new Extent(179, 50.8, 180.6, 52), 0.01, 0.01, 160, 120));

    @Test
    void aSourceAcross180MeetsBothSidesAndNothingElse() {
        SourceFootprint f = SourceFootprint.of(UTM60);
        assertTrue(f.meets(-180, 51, -178, 52), "east of 180° as western longitudes");
        assertTrue(f.meets(180, 51, 182, 52), "east of 180° as longitudes past 180");
        assertTrue(f.meets(179.5, 51, 180, 52), "west of 180°");
        assertFalse(f.meets(-100, 51, -90, 52), "the far side of the globe");
        assertFalse(f.meets(0, 51, 10, 52));
        assertFalse(f.meets(-177, 51, -170, 52), "east of its eastern edge (182.2°E = 177.8°W)");
        assertFalse(f.meets(179, 40, 181, 45), "south of it");
    }

    @Test
    void aGeographicSourcePast180() {
        SourceFootprint f = SourceFootprint.of(PAST_180);
        assertTrue(f.meets(-179.8, 51, -179.5, 51.5));
        assertTrue(f.meets(720 - 179.8, 51, 720 - 179.5, 51.5), "any turn of the globe");
        assertFalse(f.meets(178, 51, 178.9, 52), "west of 179° (the 1 % margin is 0.016°)");
        assertFalse(f.meets(-179.3, 51, -179, 52), "east of 180.6°");
    }

    @Test
    void zoomFiveTilesOfTheUtmSourceAreTheTwoColumnsBeside180() {
        SourceFootprint f = SourceFootprint.of(UTM60);
        int met = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                Extent d = WebMercatorTiles.degrees(WebMercatorTiles.tileExtent(5, x, y));
                if (f.meets(d.xmin(), d.ymin(), d.xmax(), d.ymax())) {
                    met++;
                    assertTrue(x == 0 || x == 31, "tile 5/" + x + "/" + y);
                }
            }
        }
        // 51–52°N lies in row 10 of zoom 5 (48.92°N..55.78°N): one tile each side of 180°
        assertEquals(2, met);
    }

    @Test
    void anOutlineRoundThePoleOrOneThatCannotBeTransformedMeetsEverything() {
        WarpGrid arctic = new WarpGrid(
                Crs.epsg(3413), new RasterExtent(new Extent(-1e6, -1e6, 1e6, 1e6), 1000, 1000, 2000, 2000));
        assertTrue(SourceFootprint.of(arctic).meets(0, -80, 1, -79), "conservative: it winds round the pole");
        assertEquals(
                -180,
                WebMercatorTiles.degrees(WebMercatorTiles.tileExtent(0, 0, 0)).xmin(),
                1e-9);
        assertEquals(
                85.0511287798066,
                WebMercatorTiles.degrees(WebMercatorTiles.tileExtent(0, 0, 0)).ymax(),
                1e-9);
    }
}
