package io.rastermill.spark.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rastermill.core.zonal.GeoJsonZones;
import io.rastermill.core.zonal.ZonalFixtures;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Geometry;

/** Zonal statistics on Spark (tiles of 64 over a 240x200 raster) against the NumPy/GDAL reference. */
class ZonalStatisticsTest {
    private static final JsonNode REF = ZonalFixtures.reference();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    private static TileLayer layer(String name, int tile) throws IOException {
        return TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(ZonalFixtures.file(name).toString()),
                TileLayers.ReadOptions.defaults().withTileSize(tile));
    }

    @Test
    void zoneRasterEqualsNumpyForIntegerAndFloatValues() throws IOException {
        TileLayer zones = layer("zones_uint16.tif", 64);
        for (String name : List.of("int16", "float32")) {
            TileLayer values = layer("values_" + name + ".tif", 64);
            SortedMap<Integer, ZoneAccumulator> got =
                    ZonalStatistics.byZoneRaster(values, zones, ZonalStatistics.Options.withPercentiles());
            JsonNode ref = REF.get("zones").get(name);
            assertEquals(ref.size(), got.size(), name);
            for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ZoneAccumulator acc = got.get(Integer.parseInt(e.getKey()));
                double bound = acc.percentileError();
                if (name.equals("int16")) {
                    assertEquals(0, bound);
                } else if (acc.finish().dataCells() > 1) {
                    assertTrue(bound > 0 && bound < 0.1, "float bound " + bound);
                }
                ZonalFixtures.assertZone(name + " zone " + e.getKey(), e.getValue(), acc, bound);
            }
        }
    }

    @Test
    void polygonsEqualGdalRasterizeMasks() throws IOException {
        List<GeoJsonZones.Feature> features;
        try (InputStream in = Files.newInputStream(ZonalFixtures.file("polygons.geojson"))) {
            features = GeoJsonZones.read(in, "polygons.geojson", "name").features();
        }
        List<Geometry> geoms = new ArrayList<>();
        features.forEach(f -> geoms.add(f.geometry()));
        for (String name : List.of("int16", "float32")) {
            TileLayer values = layer("values_" + name + ".tif", 64);
            for (boolean allTouched : new boolean[] {false, true}) {
                SortedMap<Integer, ZoneAccumulator> got = ZonalStatistics.byPolygons(
                        values, geoms, allTouched, ZonalStatistics.Options.withPercentiles());
                JsonNode ref = REF.get("polygons")
                        .get(allTouched ? "allTouched" : "centre")
                        .get(name);
                for (int i = 0; i < features.size(); i++) {
                    ZoneAccumulator acc = got.get(i);
                    ZonalFixtures.assertZone(
                            name + " " + features.get(i).id() + (allTouched ? " -at" : ""),
                            ref.get(features.get(i).id()),
                            acc,
                            acc == null ? 0 : acc.percentileError());
                }
                assertEquals(null, got.get(features.size() - 1), "the polygon outside the raster has no cells");
            }
        }
    }

    @Test
    void statisticsOnlyNeedNoHistogramAndTilingDoesNotChangeResults() throws IOException {
        SortedMap<Integer, ZoneAccumulator> a = ZonalStatistics.byZoneRaster(
                layer("values_float32.tif", 64),
                layer("zones_uint16.tif", 64),
                ZonalStatistics.Options.statisticsOnly());
        SortedMap<Integer, ZoneAccumulator> b = ZonalStatistics.byZoneRaster(
                layer("values_float32.tif", 256),
                layer("zones_uint16.tif", 256),
                ZonalStatistics.Options.statisticsOnly());
        assertEquals(a.keySet(), b.keySet());
        for (Integer z : a.keySet()) {
            assertTrue(!a.get(z).hasPercentiles());
            var x = a.get(z).finish();
            var y = b.get(z).finish();
            assertEquals(x.dataCells(), y.dataCells());
            assertEquals(x.noDataCells(), y.noDataCells());
            if (x.dataCells() == 0) {
                assertTrue(Double.isNaN(y.mean()), "zone " + z);
                continue;
            }
            assertEquals(x.min(), y.min());
            assertEquals(x.max(), y.max());
            assertEquals(x.mean(), y.mean(), 1e-12 * Math.max(1, Math.abs(x.mean())));
            assertEquals(x.stddev(), y.stddev(), 1e-9 * Math.max(1, x.stddev()));
        }
    }

    @Test
    void zonesOnAnotherGridAreRefusedNamingBoth() throws IOException {
        TileLayer values = layer("values_int16.tif", 64);
        TileLayer other = layer("zones_uint16.tif", 32);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ZonalStatistics.requireSameGrid(values, "v.tif", other, "z.tif"));
        assertTrue(
                e.getMessage().contains("v.tif")
                        && e.getMessage().contains("z.tif")
                        && e.getMessage().contains("tile size"),
                e.getMessage());
        TileLayer floats = layer("values_float32.tif", 64);
        assertThrows(
                IllegalArgumentException.class,
                () -> ZonalStatistics.byZoneRaster(values, floats, ZonalStatistics.Options.statisticsOnly()));
    }
}
