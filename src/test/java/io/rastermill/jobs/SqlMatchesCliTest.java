package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.zonal.GeoJsonZones;
import io.rastermill.core.zonal.ZonalFixtures;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.sql.LayerFrames;
import io.rastermill.spark.sql.RastermillSql;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * The SQL aggregates give the commands' numbers: {@code rm_agg_percentiles} / {@code rm_agg_histogram} (and their
 * {@code _over} forms) those of {@code stats --percentiles --histogram} on the demo DEM (float32 with NoData holes) and
 * an int16 COG with NoData; {@code rm_agg_polygon_stats} those of {@code zonal --polygons} (31 polygons with holes and
 * overlaps, on 64-cell tiles that they cover partly) by cell centre and all touched, on int16 and float32 values.
 */
class SqlMatchesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static Dataset<Row> frame(String file, int tileSize, String view) throws Exception {
        SparkSession spark = SPARK.session();
        RastermillSql.register(spark);
        TileLayer layer = TileLayers.readGeoTiffs(
                spark, List.of(file), TileLayers.ReadOptions.defaults().withTileSize(tileSize));
        Dataset<Row> frame = LayerFrames.toDataFrame(spark, layer);
        frame.createOrReplaceTempView(view);
        return frame;
    }

    private static JsonNode cli(String... args) throws Exception {
        CliRun run = CliRun.run(args);
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static void assertPercentiles(JsonNode stats, Row sql, String what) {
        List<Double> got = sql.getList(0);
        List<String> keys = new ArrayList<>();
        stats.get("percentiles").fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.size(), got.size(), what);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(
                    stats.get("percentiles").get(keys.get(i)).asDouble(),
                    got.get(i).doubleValue(),
                    0,
                    what + " p" + keys.get(i));
        }
        assertEquals(stats.get("percentileMaxError").asDouble(), sql.getDouble(1), 0, what + " max error");
    }

    private static void assertHistogram(JsonNode stats, Row sql, String what) {
        JsonNode h = stats.get("histogram");
        assertEquals(h.get("min").asDouble(), sql.getDouble(0), 0, what + " lo");
        assertEquals(h.get("max").asDouble(), sql.getDouble(1), 0, what + " hi");
        List<Long> counts = sql.getList(2);
        assertEquals(h.get("count").asInt(), counts.size(), what + " buckets");
        for (int i = 0; i < counts.size(); i++) {
            assertEquals(h.get("buckets").get(i).asLong(), counts.get(i).longValue(), what + " bucket " + i);
        }
    }

    @Test
    void percentilesAndHistogramsOfTheDemoDemEqualStats(@TempDir Path tmp) throws Exception {
        String dem = tmp.resolve("dem.tif").toString();
        new SyntheticDem(300).write(dem, 128);
        frame(dem, 100, "dem");
        String percents = "0,2.5,5,50,95,100";
        JsonNode gdalBuckets =
                cli("stats", dem, "--json", "--percentiles", percents, "--histogram", "--tile-size", "128");
        JsonNode fewBuckets = cli("stats", dem, "--json", "--histogram", "17", "--tile-size", "64");
        assertTrue(gdalBuckets.get("noDataCells").asLong() > 0, "the demo DEM has NoData holes");
        Row r = SPARK.session()
                .sql("WITH s AS (SELECT rm_agg_stats(tile) AS st FROM dem)"
                        + " SELECT rm_agg_percentiles_over(tile, array(" + percents + "), s.st.min, s.st.max),"
                        + " rm_agg_histogram_over(tile, 256, s.st.min, s.st.max),"
                        + " rm_agg_histogram_over(tile, 17, s.st.min, s.st.max)"
                        + " FROM dem CROSS JOIN s")
                .first();
        assertPercentiles(gdalBuckets, r.getStruct(0), "demo DEM");
        assertTrue(r.getStruct(0).getDouble(1) > 0, "float percentiles are binned");
        assertHistogram(gdalBuckets, r.getStruct(1), "demo DEM, 256 buckets");
        assertHistogram(fewBuckets, r.getStruct(2), "demo DEM, 17 buckets");
        // the plain forms refuse float tiles, naming the form that takes the range
        Exception e = assertThrows(
                Exception.class,
                () -> SPARK.session()
                        .sql("SELECT rm_agg_percentiles(tile, array(50)) FROM dem")
                        .first());
        assertTrue(
                String.valueOf(rootMessage(e)).contains("rm_agg_percentiles_over(tile, percentiles, min, max)"),
                rootMessage(e));
    }

    @Test
    void percentilesAndHistogramsOfAnInt16CogEqualStats() throws Exception {
        String file = GdalFixtures.named("cog_int16_deflate_bs32").tif().toString();
        frame(file, 32, "cog");
        String percents = "0,5,33.3,50,95,100";
        JsonNode gdalBuckets =
                cli("stats", file, "--json", "--percentiles", percents, "--histogram", "--tile-size", "16");
        JsonNode fewBuckets = cli("stats", file, "--json", "--histogram", "9", "--tile-size", "16");
        assertTrue(gdalBuckets.get("noDataCells").asLong() > 0, "the COG has NoData");
        Row r = SPARK.session()
                .sql("WITH s AS (SELECT rm_agg_stats(tile) AS st FROM cog)"
                        + " SELECT rm_agg_percentiles(tile, array(" + percents + ")), rm_agg_histogram(tile, 256),"
                        + " rm_agg_histogram(tile, 9), rm_agg_percentiles_over(tile, array(" + percents + "),"
                        + " s.st.min, s.st.max)"
                        + " FROM cog CROSS JOIN s")
                .first();
        assertPercentiles(gdalBuckets, r.getStruct(0), "int16 (exact)");
        assertEquals(0.0, r.getStruct(0).getDouble(1));
        assertHistogram(gdalBuckets, r.getStruct(1), "int16, 256 buckets");
        assertHistogram(fewBuckets, r.getStruct(2), "int16, 9 buckets");
        assertPercentiles(gdalBuckets, r.getStruct(3), "int16, _over form");
        // no rows: NULL percentiles
        Row none = SPARK.session()
                .sql("SELECT rm_agg_percentiles(tile, array(50)).percentiles FROM cog WHERE false")
                .first();
        assertTrue(none.isNullAt(0), none.toString());
    }

    @Test
    void zonePercentilesEqualZonalZones() throws Exception {
        String zones = ZonalFixtures.file("zones_uint16.tif").toString();
        frame(zones, 64, "z");
        for (String values : List.of("values_int16.tif", "values_float32.tif")) {
            String file = ZonalFixtures.file(values).toString();
            frame(file, 64, "v");
            JsonNode cli = cli("zonal", file, zones, "--stats", "count,median,p90", "--json", "--tile-size", "64");
            boolean floats = values.contains("float");
            String call = floats
                    ? "rm_agg_zonal_percentiles_over(v.tile, z.tile, array(50, 90), r.zs)"
                    : "rm_agg_zonal_percentiles(v.tile, z.tile, array(50, 90))";
            List<Row> got = SPARK.session()
                    .sql("WITH r AS (SELECT rm_agg_zonal(v.tile, z.tile).zones AS zs FROM v JOIN z USING (col, row))"
                            + " SELECT inline(" + call + ".zones) FROM v JOIN z USING (col, row) CROSS JOIN r")
                    .collectAsList();
            assertEquals(cli.get("rows").size(), got.size(), values);
            int i = 0;
            for (JsonNode row : cli.get("rows")) {
                Row z = got.get(i++);
                String what = values + " zone " + row.get("zone").asInt();
                assertEquals(row.get("zone").asInt(), z.getInt(0), what);
                if (row.get("count").asLong() == 0) {
                    assertTrue(z.isNullAt(1), what + ": no data, NULL percentiles");
                    continue;
                }
                List<Double> median90 = z.getList(1);
                assertEquals(row.get("median").asDouble(), median90.get(0).doubleValue(), 0, what + " median");
                assertEquals(row.get("p90").asDouble(), median90.get(1).doubleValue(), 0, what + " p90");
                assertEquals(floats ? row.get("percentileMaxError").asDouble() : 0, z.getDouble(2), 0, what + " error");
            }
        }
    }

    @Test
    void polygonStatisticsEqualZonalPolygons() throws Exception {
        SparkSession spark = SPARK.session();
        Path geojson = ZonalFixtures.file("polygons.geojson");
        GeoJsonZones.Zones zones;
        try (InputStream in = Files.newInputStream(geojson)) {
            zones = GeoJsonZones.read(in, geojson.toString(), "name");
        }
        List<Row> rows = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        for (GeoJsonZones.Feature f : zones.features()) {
            rows.add(RowFactory.create(f.id(), f.geometry().toText()));
            geometries.add(f.geometry());
        }
        StructType schema =
                new StructType().add("id", DataTypes.StringType, false).add("wkt", DataTypes.StringType, false);
        spark.createDataFrame(rows, schema).createOrReplaceTempView("polygons");
        for (String values : List.of("values_int16.tif", "values_float32.tif")) {
            String file = ZonalFixtures.file(values).toString();
            Dataset<Row> frame = frame(file, 64, "v");
            TileLayer layer = TileLayers.readGeoTiffs(
                    spark, List.of(file), TileLayers.ReadOptions.defaults().withTileSize(64));
            for (boolean allTouched : new boolean[] {false, true}) {
                String what = values + (allTouched ? ", all touched" : ", centres");
                List<String> args = new ArrayList<>(List.of(
                        "zonal",
                        file,
                        "--polygons",
                        geojson.toString(),
                        "--id-field",
                        "name",
                        "--stats",
                        "count,nodata,sum,mean,min,max,stddev,median,p90",
                        "--json",
                        "--tile-size",
                        "64"));
                if (allTouched) {
                    args.add("--all-touched");
                }
                JsonNode cli = cli(args.toArray(new String[0]));
                // DataFrame form, with the grid from the layer's metadata
                Dataset<Row> stats = frame.crossJoin(spark.table("polygons"))
                        .groupBy("id")
                        .agg(functions
                                .call_function(
                                        "rm_agg_polygon_stats",
                                        functions.col("tile"),
                                        functions.col("col"),
                                        functions.col("row"),
                                        functions.col("wkt"),
                                        LayerFrames.grid(layer.metadata()),
                                        functions.lit(allTouched))
                                .as("s"))
                        .select("id", "s.*");
                Map<String, Row> byDataFrame = byId(stats);
                // percentiles: integer tiles in one pass; float ones over each polygon's range from the statistics
                boolean floats = values.contains("float");
                Dataset<Row> ranges = stats.select("id", "min", "max");
                Map<String, Row> percentiles = byId(frame.crossJoin(
                                spark.table("polygons").join(ranges, "id"))
                        .groupBy("id")
                        .agg(functions
                                .call_function(
                                        floats ? "rm_agg_polygon_percentiles_over" : "rm_agg_polygon_percentiles",
                                        polygonArguments(
                                                layer,
                                                allTouched,
                                                floats,
                                                functions.array(functions.lit(50), functions.lit(90))))
                                .as("p"))
                        .select("id", "p.*"));
                SortedMap<Integer, ZoneAccumulator> java = ZonalStatistics.byPolygons(
                        layer, geometries, allTouched, ZonalStatistics.Options.statisticsOnly());
                assertEquals(31, cli.get("rows").size());
                int i = 0;
                for (JsonNode row : cli.get("rows")) {
                    String id = row.get("zone").asText();
                    Row sql = byDataFrame.get(id);
                    assertRow(what + " " + id, row, sql);
                    Row p = percentiles.get(id);
                    if (row.get("count").asLong() == 0) {
                        assertTrue(p.isNullAt(1), what + " " + id + ": no data, NULL percentiles");
                    } else {
                        List<Double> median90 = p.getList(1);
                        assertEquals(
                                row.get("median").asDouble(),
                                median90.get(0).doubleValue(),
                                0,
                                what + " " + id + " median");
                        assertEquals(
                                row.get("p90").asDouble(), median90.get(1).doubleValue(), 0, what + " " + id + " p90");
                        double bound = floats ? row.get("percentileMaxError").asDouble() : 0;
                        assertEquals(bound, p.getDouble(2), 0, what + " " + id + " max error");
                    }
                    ZoneAccumulator acc = java.get(i++);
                    assertEquals(
                            acc == null ? 0 : acc.finish().dataCells(), sql.getLong(1), what + " " + id + " Java API");
                }
            }
        }
        // SQL form, with the grid written out as a named_struct of the layout's numbers
        TileLayer layer = TileLayers.readGeoTiffs(
                spark,
                List.of(ZonalFixtures.file("values_int16.tif").toString()),
                TileLayers.ReadOptions.defaults().withTileSize(64));
        Row grid = spark.range(1)
                .select(LayerFrames.grid(layer.metadata()))
                .first()
                .getStruct(0);
        frame(ZonalFixtures.file("values_int16.tif").toString(), 64, "v");
        String struct = String.format(
                "named_struct('xmin', %sD, 'ymax', %sD, 'cell_width', %sD, 'cell_height', %sD, 'tile_cols', %d,"
                        + " 'tile_rows', %d)",
                grid.getDouble(0),
                grid.getDouble(1),
                grid.getDouble(2),
                grid.getDouble(3),
                grid.getInt(4),
                grid.getInt(5));
        Map<String, Row> bySql = byId(spark.sql("SELECT id, s.* FROM (SELECT p.id, rm_agg_polygon_stats(v.tile, v.col,"
                + " v.row, p.wkt, " + struct + ", false) AS s FROM v CROSS JOIN polygons p GROUP BY p.id)"));
        JsonNode cli = cli(
                "zonal",
                ZonalFixtures.file("values_int16.tif").toString(),
                "--polygons",
                geojson.toString(),
                "--id-field",
                "name",
                "--stats",
                "count,nodata,sum,mean,min,max,stddev",
                "--json",
                "--tile-size",
                "64");
        for (JsonNode row : cli.get("rows")) {
            assertRow(
                    "SQL form " + row.get("zone").asText(),
                    row,
                    bySql.get(row.get("zone").asText()));
        }
    }

    /** tile, col, row, wkt, grid, all_touched, percentiles (and min, max for the ranged form). */
    private static Column[] polygonArguments(TileLayer layer, boolean allTouched, boolean ranged, Column percentiles) {
        List<Column> args = new ArrayList<>(List.of(
                functions.col("tile"),
                functions.col("col"),
                functions.col("row"),
                functions.col("wkt"),
                LayerFrames.grid(layer.metadata()),
                functions.lit(allTouched),
                percentiles));
        if (ranged) {
            args.add(functions.col("min"));
            args.add(functions.col("max"));
        }
        return args.toArray(new Column[0]);
    }

    private static Map<String, Row> byId(Dataset<Row> result) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : result.collectAsList()) {
            m.put(r.getString(0), r);
        }
        return m;
    }

    /** A zonal JSON row against the SQL struct after the id: counts and extremes equal, sums to rounding. */
    private static void assertRow(String what, JsonNode cli, Row sql) {
        assertEquals(cli.get("count").asLong(), sql.getLong(1), what + " count");
        assertEquals(cli.get("nodata").asLong(), sql.getLong(2), what + " nodata");
        if (cli.get("count").asLong() == 0) {
            assertTrue(sql.isNullAt(3) && sql.isNullAt(6), what + ": no data, NULL numbers");
            return;
        }
        assertEquals(cli.get("min").asDouble(), sql.getDouble(3), 0, what + " min");
        assertEquals(cli.get("max").asDouble(), sql.getDouble(4), 0, what + " max");
        String[] keys = {"sum", "mean", "stddev"};
        int[] at = {5, 6, 7};
        for (int k = 0; k < keys.length; k++) {
            double e = cli.get(keys[k]).asDouble();
            assertEquals(e, sql.getDouble(at[k]), 1e-9 * Math.max(1, Math.abs(e)), what + " " + keys[k]);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
