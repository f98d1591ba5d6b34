package io.rastermill.io.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample scene: its bands follow the DEM as documented, the file holds them, the zones tile the extent. */
class SyntheticSceneTest {
    @TempDir
    Path dir;

    @Test
    void bandsFollowTheDem() {
        SyntheticScene scene = new SyntheticScene(200);
        SyntheticDem dem = scene.dem();
        int water = 0;
        int holes = 0;
        int vegetated = 0;
        for (int r = 0; r < 200; r += 3) {
            for (int c = 0; c < 200; c += 3) {
                double z = (float) dem.z(c, r);
                int[] rn = scene.bands(c, r);
                if (Double.isNaN(z)) {
                    assertNull(rn);
                    assertTrue(Double.isNaN(scene.ndvi(c, r)));
                    holes++;
                } else if (z <= 300) {
                    assertEquals(SyntheticScene.WATER_RED, rn[0]);
                    assertEquals(SyntheticScene.WATER_NIR, rn[1]);
                    assertEquals(-200.0 / 600, scene.ndvi(c, r), 1e-12);
                    water++;
                } else {
                    double veg = Math.exp(-Math.pow((z - 900) / 450, 2));
                    // the stored integers give back the model's NDVI to within their rounding
                    assertEquals(0.15 + 0.65 * veg, scene.ndvi(c, r), 1e-3, "ndvi at " + c + "," + r);
                    assertEquals(Math.round(2500 + 2500 * veg), rn[1]);
                    assertTrue(rn[0] > 0 && rn[0] < rn[1]);
                    vegetated++;
                }
            }
        }
        assertTrue(water > 0 && holes > 0 && vegetated > 0, water + " " + holes + " " + vegetated);
    }

    @Test
    void theFileHoldsBothBandsWithNoDataInTheHoles() throws Exception {
        SyntheticScene scene = new SyntheticScene(150);
        Path tif = dir.resolve("scene.tif");
        scene.write(tif.toString(), 64);
        try (GeoTiffReader r = GeoTiffReader.open(tif.toString())) {
            assertEquals(2, r.info().bandCount());
            assertEquals(CellType.UINT16, r.info().cellType());
            assertEquals(32633, r.info().epsg().getAsInt());
            MultibandTile all = r.read(new GridBounds(0, 0, 149, 149));
            assertEquals(scene.window(0, 0, 150, 150), all);
            // a hole (the DEM's ellipse centred at u=0.3, v=0.7) is NoData in both bands
            assertTrue(all.band(0).isNoData(45, 105) && all.band(1).isNoData(45, 105));
        }
    }

    @Test
    void theDemFileHoldsTheDemWindow() throws Exception {
        SyntheticDem dem = new SyntheticDem(150);
        Path tif = dir.resolve("dem.tif");
        dem.write(tif.toString(), 64);
        try (GeoTiffReader r = GeoTiffReader.open(tif.toString())) {
            assertEquals(1, r.info().bandCount());
            assertEquals(SyntheticDem.CELL_TYPE, r.info().cellType());
            assertEquals(SyntheticDem.EPSG, r.info().epsg().getAsInt());
            assertEquals(MultibandTile.of(dem.window(0, 0, 150, 150)), r.read(new GridBounds(0, 0, 149, 149)));
        }
    }

    @Test
    void zonesTileTheExtent() throws Exception {
        SyntheticScene scene = new SyntheticScene(100);
        JsonNode fc = new ObjectMapper().readTree(scene.zonesGeoJson(3, 2));
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(6, fc.get("features").size());
        Extent e = scene.dem().rasterExtent().extent();
        double area = 0;
        for (JsonNode f : fc.get("features")) {
            JsonNode ring = f.get("geometry").get("coordinates").get(0);
            assertEquals(5, ring.size());
            assertEquals(ring.get(0), ring.get(4), "closed ring");
            double w = ring.get(1).get(0).asDouble() - ring.get(0).get(0).asDouble();
            double h = ring.get(2).get(1).asDouble() - ring.get(1).get(1).asDouble();
            area += w * h;
        }
        assertEquals(e.width() * e.height(), area, 1e-6);
        JsonNode first = fc.get("features").get(0);
        assertEquals("A1", first.get("properties").get("zone").asText());
        assertEquals(
                e.xmin(),
                first.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble(),
                0);
        assertEquals(
                e.ymax(),
                first.get("geometry").get("coordinates").get(0).get(2).get(1).asDouble(),
                0);
        assertEquals(
                "C2", fc.get("features").get(5).get("properties").get("zone").asText());
        assertThrows(IllegalArgumentException.class, () -> scene.zonesGeoJson(0, 1));
    }
}
