package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.zonal.GeoJsonZones;
import io.rastermill.core.zonal.ZonalFixtures;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * Zonal statistics of polygons in another CRS than the raster's (EPSG:32633) against GDAL: the zonal fixtures'
 * polygons moved to UTM 32N and to lon/lat by ogr2ogr, and GDAL's reference made by ogr2ogr -segmentize back to
 * 33N and gdal_rasterize ({@code src/test/fixtures/zonal/reprojected_reference.py}). By cell centre every statistic
 * equals GDAL's; all-touched counts may differ by {@value #ALL_TOUCHED_CELLS} cells per polygon, GDAL's own
 * instability for edges grazing cell boundaries (its -at counts for the original polygons and their 33N → 32N → 33N
 * round trip already differ by up to 3 cells).
 */
class ZonalReprojectedPolygonsTest {
    static final int ALL_TOUCHED_CELLS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path gdal;

    @BeforeAll
    static void reference() throws Exception {
        Assumptions.assumeTrue(
                WarpOracleTest.onPath("ogr2ogr") && Files.isExecutable(Path.of("/usr/bin/python3")),
                "GDAL and /usr/bin/python3 with GDAL's bindings are needed (apt-get install gdal-bin python3-gdal)");
        WarpOracleTest.run(
                "/usr/bin/python3",
                CliRun.projectHome()
                        .resolve("src/test/fixtures/zonal/reprojected_reference.py")
                        .toString(),
                gdal.toString());
    }

    private static GeoJsonZones.Zones polygons(int epsg) throws IOException {
        try (InputStream in = Files.newInputStream(gdal.resolve("polygons_" + epsg + ".geojson"))) {
            return GeoJsonZones.read(in, "polygons_" + epsg + ".geojson", "name");
        }
    }

    @Test
    void centreStatisticsEqualGdalsAndAllTouchedCountsAreClose() throws IOException {
        int worst = 0;
        for (int epsg : new int[] {32632, 4326}) {
            GeoJsonZones.Zones zones = polygons(epsg);
            assertEquals(epsg, zones.declaredEpsg().getAsInt(), "ogr2ogr declares the CRS");
            List<Geometry> geoms = zones.features().stream()
                    .map(GeoJsonZones.Feature::geometry)
                    .toList();
            JsonNode ref =
                    JSON.readTree(gdal.resolve("reference_" + epsg + ".json").toFile());
            for (String name : List.of("int16", "float32")) {
                TileLayer values = TileLayers.readGeoTiffs(
                        SPARK.session(),
                        List.of(ZonalFixtures.file("values_" + name + ".tif").toString()),
                        TileLayers.ReadOptions.defaults().withTileSize(64));
                for (boolean allTouched : new boolean[] {false, true}) {
                    SortedMap<Integer, ZoneAccumulator> got = ZonalStatistics.byPolygons(
                            values, geoms, Crs.epsg(epsg), allTouched, ZonalStatistics.Options.withPercentiles());
                    JsonNode r = ref.get(allTouched ? "allTouched" : "centre").get(name);
                    for (int i = 0; i < geoms.size(); i++) {
                        String id = zones.features().get(i).id();
                        ZoneAccumulator acc = got.get(i);
                        String what = "EPSG:" + epsg + " " + name + " " + id + (allTouched ? " -at" : "");
                        if (!allTouched) {
                            ZonalFixtures.assertZone(what, r.get(id), acc, acc == null ? 0 : acc.percentileError());
                        } else {
                            long ours = acc == null
                                    ? 0
                                    : acc.finish().dataCells() + acc.finish().noDataCells();
                            long theirs = r.get(id).get("count").asLong()
                                    + r.get(id).get("nodata").asLong();
                            worst = Math.max(worst, (int) Math.abs(ours - theirs));
                            assertTrue(
                                    Math.abs(ours - theirs) <= ALL_TOUCHED_CELLS,
                                    what + ": " + ours + " vs GDAL " + theirs);
                        }
                    }
                }
            }
        }
        System.out.println("all-touched cells: largest difference from GDAL per polygon " + worst);
    }

    /** The command reprojects a file declaring its CRS (CRS84 here), and --polygons-crs names one for a file without. */
    @Test
    void zonalCommandReprojectsDeclaredOrGivenCrs(@TempDir Path tmp) throws Exception {
        JsonNode ref = JSON.readTree(gdal.resolve("reference_4326.json").toFile())
                .get("centre")
                .get("int16");
        String values = ZonalFixtures.file("values_int16.tif").toString();
        Path undeclared = tmp.resolve("no-crs.geojson");
        String text = Files.readString(gdal.resolve("polygons_4326.geojson"));
        Files.writeString(undeclared, text.replaceFirst("\"crs\":\\s*\\{[^}]*\\}\\s*\\},", ""));
        assertTrue(!Files.readString(undeclared).contains("CRS84"));
        for (List<String> args : List.of(
                List.of(gdal.resolve("polygons_4326.geojson").toString()),
                List.of(undeclared.toString(), "--polygons-crs", "EPSG:4326"))) {
            String[] cmd = {
                "zonal",
                values,
                "--polygons",
                args.get(0),
                "--id-field",
                "name",
                "--json",
                "--tile-size",
                "64",
                "--stats",
                "count,nodata,sum,median"
            };
            List<String> full = new ArrayList<>(List.of(cmd));
            full.addAll(args.subList(1, args.size()));
            CliRun run = CliRun.run(full.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            JsonNode rows = JSON.readTree(run.out()).get("rows");
            assertEquals(31, rows.size());
            for (JsonNode row : rows) {
                JsonNode e = ref.get(row.get("zone").asText());
                assertEquals(e.get("count").asLong(), row.get("count").asLong(), args + " " + row);
                assertEquals(e.get("nodata").asLong(), row.get("nodata").asLong(), args + " " + row);
                if (e.get("count").asLong() > 0) {
                    assertEquals(e.get("sum").asDouble(), row.get("sum").asDouble(), 1e-6, args + " " + row);
                    assertEquals(e.get("median").asDouble(), row.get("median").asDouble(), 0, args + " " + row);
                }
            }
        }
        CliRun bad = CliRun.run(
                "zonal",
                values,
                "--polygons",
                undeclared.toString(),
                "--id-field",
                "name",
                "--polygons-crs",
                "EPSG:999999");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--polygons-crs") && bad.err().contains("999999"), bad.err());
    }
}
