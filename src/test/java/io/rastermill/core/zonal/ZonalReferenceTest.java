package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The core kernels in one JVM against the NumPy/GDAL reference of the fixtures: zone raster, and
 * polygons with the centre rule and all-touched (GDAL's masks), whole raster and tiled.
 */
class ZonalReferenceTest {
    private static final JsonNode REF = ZonalFixtures.reference();

    @Test
    void zoneRasterStatisticsEqualNumpy() {
        Tile zones = ZonalFixtures.read("zones_uint16.tif");
        for (String name : List.of("int16", "float32")) {
            Tile values = ZonalFixtures.read("values_" + name + ".tif");
            boolean floating = values.cellType().isFloatingPoint();
            ZoneTable stats = new ZoneTable(ZoneSpec.statistics()).addZoned(values, zones);
            ZoneTable table;
            if (floating) {
                table = new ZoneTable(ZoneSpec.binnedPercentiles(ranges(stats), 4096)).addZoned(values, zones);
            } else {
                table = new ZoneTable(ZoneSpec.exactPercentiles()).addZoned(values, zones);
            }
            JsonNode ref = REF.get("zones").get(name);
            TreeMap<Integer, ZoneAccumulator> got = table.zones();
            assertEquals(ref.size(), got.size(), name + " zone count");
            assertTrue(ref.size() > 250, "a few hundred zones");
            for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ZoneAccumulator acc = got.get(Integer.parseInt(e.getKey()));
                ZonalFixtures.assertZone(
                        name + " zone " + e.getKey(), e.getValue(), acc, floating ? acc.percentileError() : 0);
            }
            assertEquals(0, got.get(65000).finish().dataCells(), "the zone under the NoData block");
            assertTrue(got.get(65000).finish().noDataCells() > 0);
        }
    }

    static ZoneSpec.ZoneRanges ranges(ZoneTable stats) {
        TreeMap<Integer, ZoneAccumulator> z = stats.zones();
        int[] ids = new int[z.size()];
        double[] min = new double[ids.length];
        double[] max = new double[ids.length];
        int i = 0;
        for (var e : z.entrySet()) {
            ids[i] = e.getKey();
            min[i] = e.getValue().finish().min();
            max[i] = e.getValue().finish().max();
            i++;
        }
        return new ZoneSpec.ZoneRanges(ids, min, max);
    }

    @Test
    void polygonStatisticsEqualGdalRasterize() throws IOException {
        GeoJsonZones.Zones zones;
        try (InputStream in = Files.newInputStream(ZonalFixtures.file("polygons.geojson"))) {
            zones = GeoJsonZones.read(in, "polygons.geojson", "name");
        }
        assertEquals(31, zones.features().size());
        Tile values = ZonalFixtures.read("values_int16.tif");
        int[] lane = values.toIntLane();
        for (boolean allTouched : new boolean[] {false, true}) {
            JsonNode ref = REF.get("polygons")
                    .get(allTouched ? "allTouched" : "centre")
                    .get("int16");
            for (int tile : new int[] {ZonalFixtures.COLS, 64, 37}) {
                for (GeoJsonZones.Feature f : zones.features()) {
                    PolygonRasterizer p = new PolygonRasterizer(f.geometry(), 500000, 4200000, 30, 30);
                    ZoneTable t = new ZoneTable(ZoneSpec.exactPercentiles());
                    PolygonRasterizer.Scratch scratch = new PolygonRasterizer.Scratch();
                    for (int y0 = 0; y0 < ZonalFixtures.ROWS; y0 += tile) {
                        for (int x0 = 0; x0 < ZonalFixtures.COLS; x0 += tile) {
                            int w = Math.min(tile, ZonalFixtures.COLS - x0);
                            int h = Math.min(tile, ZonalFixtures.ROWS - y0);
                            int[] cells = new int[w * h];
                            int n = p.cells(x0, y0, w, h, allTouched, cells, scratch);
                            int[] global = new int[n];
                            for (int i = 0; i < n; i++) {
                                global[i] = (y0 + cells[i] / w) * ZonalFixtures.COLS + x0 + cells[i] % w;
                            }
                            t.addCells(0, lane, global, n);
                        }
                    }
                    ZonalFixtures.assertZone(
                            f.id() + (allTouched ? " all touched" : " centre") + " tile " + tile,
                            ref.get(f.id()),
                            t.size() == 0 ? null : t.zone(0),
                            0);
                }
            }
        }
    }
}
