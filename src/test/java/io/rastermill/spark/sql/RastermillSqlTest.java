package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.local.Arithmetic;
import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import io.rastermill.core.reclass.ReclassMap;
import io.rastermill.core.reclass.ReclassOp;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalog.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Dataset view of a layer and the SQL functions, against the same computations in Java. */
class RastermillSqlTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static TileLayer layer() throws Exception {
        return SqlTestLayer.layer(SPARK.session());
    }

    /** Registering is the catalog: each of its functions, and no other rm_ function, is on the session. */
    @Test
    void theSessionHasExactlyTheCatalogsFunctions() {
        RastermillSql.register(SPARK.session());
        Set<String> catalog = new TreeSet<>();
        for (SqlFunction f : SqlFunctions.all()) {
            catalog.add(f.name());
        }
        Set<String> session = new TreeSet<>();
        for (Function f : SPARK.session().catalog().listFunctions().collectAsList()) {
            if (f.name().startsWith("rm_")) {
                session.add(f.name());
            }
        }
        assertEquals(catalog, session);
    }

    /** Every op of the catalog is an SQL function (binary ones also with a number) computing what the Java op does. */
    @Test
    void everyLocalOpIsAnSqlFunctionEqualToTheJavaOp() throws Exception {
        LayerFrames.toDataFrame(SPARK.session(), layer()).createOrReplaceTempView("ops");
        StringBuilder select = new StringBuilder("SELECT tile");
        for (LocalOp op : LocalOps.all()) {
            assertTrue(SPARK.session().catalog().functionExists(op.sqlName()), op.sqlName());
            String args = switch (op.arity()) {
                case 1 -> "tile";
                case 2 -> "tile, b";
                default -> "tile, b, tile";
            };
            select.append(", ").append(op.sqlName()).append('(').append(args).append(')');
            if (op.arity() == 2) {
                select.append(", ").append(op.sqlName()).append("_value(tile, 2.5)");
            }
        }
        List<Row> rows = SPARK.session()
                .sql(select + " FROM (SELECT tile, rm_subtract_value(tile, 3) AS b FROM ops)")
                .collectAsList();
        assertEquals(12, rows.size());
        for (Row row : rows) {
            Tile a = TileBytes.decode((byte[]) row.get(0));
            Tile b = Arithmetic.SUBTRACT.apply(a, 3);
            int col = 1;
            for (LocalOp op : LocalOps.all()) {
                Tile expected = switch (op.arity()) {
                    case 1 -> op.apply(a);
                    case 2 -> op.apply(a, b);
                    default -> op.apply(a, b, a);
                };
                assertEquals(expected, TileBytes.decode((byte[]) row.get(col++)), op.sqlName());
                if (op.arity() == 2) {
                    assertEquals(op.apply(a, 2.5), TileBytes.decode((byte[]) row.get(col++)), op.sqlName() + "_value");
                }
            }
        }
    }

    @Test
    void sqlStatisticsOverTheTileColumnEqualTheWholeRaster() throws Exception {
        Tile whole;
        try (GeoTiffReader r = GeoTiffReader.open(SqlTestLayer.FILE)) {
            whole = r.readBand(new GridBounds(0, 0, 99, 79), 0, 0);
        }
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : whole.toDoubleLane()) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        LayerFrames.toDataFrame(SPARK.session(), layer()).createOrReplaceTempView("dem");
        Row row = SPARK.session()
                .sql("SELECT sum(rm_data_cells(tile)), min(rm_min(tile)), max(rm_max(tile)), sum(rm_sum(tile)),"
                        + " count(*), max(rm_cols(tile)), first(rm_cell_type(tile)) FROM dem")
                .first();
        assertEquals(n, row.getLong(0));
        assertEquals(min, row.getDouble(1));
        assertEquals(max, row.getDouble(2));
        assertEquals(sum, row.getDouble(3), 1e-6);
        assertEquals(12L, row.getLong(4), "4 x 3 tiles of 32 cover 100 x 80");
        assertEquals(32, row.getInt(5));
        assertEquals("int16ud-9999", row.getString(6));
    }

    @Test
    void localOpsInSqlAndBackToALayerEqualTheJavaOps() throws Exception {
        TileLayer a = layer();
        LayerFrames.toDataFrame(SPARK.session(), a).createOrReplaceTempView("a");
        LayerFrames.toDataFrame(SPARK.session(), a.mapTiles(t -> Arithmetic.ADD.apply(t, 100)))
                .createOrReplaceTempView("b");
        Dataset<Row> nd = SPARK.session()
                .sql("SELECT a.col, a.row, rm_normalized_difference(b.tile, a.tile) AS tile"
                        + " FROM a JOIN b ON a.col = b.col AND a.row = b.row");
        TileLayer back = LayerFrames.toLayer(nd, a.metadata().withCellType(CellType.FLOAT32));
        Map<SpatialKey, Tile> got = back.rdd().collectAsMap();
        Map<SpatialKey, Tile> raw = a.rdd().collectAsMap();
        assertEquals(raw.keySet(), got.keySet());
        for (Map.Entry<SpatialKey, Tile> e : raw.entrySet()) {
            Tile expected = Arithmetic.normalizedDifference(Arithmetic.ADD.apply(e.getValue(), 100), e.getValue());
            Tile g = got.get(e.getKey());
            double[] x = expected.toDoubleLane();
            double[] y = g.toDoubleLane();
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i]) != Double.isNaN(y[i]) || (!Double.isNaN(x[i]) && x[i] != y[i])) {
                    // padding outside the raster is NoData in both
                    throw new AssertionError(e.getKey() + " cell " + i + ": " + x[i] + " vs " + y[i]);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LayerFrames.toLayer(nd.drop("row"), a.metadata()));
    }

    @Test
    void rmCalcEvaluatesAnExpressionOverAnArrayOfTiles() throws Exception {
        TileLayer a = layer();
        LayerFrames.toDataFrame(SPARK.session(), a).createOrReplaceTempView("red");
        LayerFrames.toDataFrame(
                        SPARK.session(),
                        a.mapTiles(t -> LocalOps.multiply(t.convert(CellType.INT32), 3), CellType.INT32))
                .createOrReplaceTempView("nir");
        Dataset<Row> ndvi = SPARK.session()
                .sql("SELECT red.col, red.row, rm_calc('(B - A) / (B + A)', array(red.tile, nir.tile)) AS tile,"
                        + " rm_calc2('(B - A) / (B + A)', red.tile, nir.tile) AS tile2,"
                        + " rm_cell_type(rm_calc_as('A > 0', 'int16', array(red.tile))) AS ct"
                        + " FROM red JOIN nir ON red.col = nir.col AND red.row = nir.row");
        assertEquals("int16", ndvi.select("ct").first().getString(0));
        assertEquals(0L, ndvi.filter("tile != tile2").count(), "rm_calc2 gives the same bytes as rm_calc");
        TileLayer back =
                LayerFrames.toLayer(ndvi.drop("ct").drop("tile2"), a.metadata().withCellType(CellType.FLOAT64));
        Map<SpatialKey, Tile> got = back.rdd().collectAsMap();
        int data = 0;
        for (Map.Entry<SpatialKey, Tile> e : a.rdd().collectAsMap().entrySet()) {
            Tile red = e.getValue();
            Tile g = got.get(e.getKey());
            for (int i = 0; i < red.size(); i++) {
                double r = red.getDouble(i);
                // (3r - r) / (3r + r) = 0.5 wherever red has data and is non-zero
                double expected = Double.isNaN(r) || r == 0 ? Double.NaN : 0.5;
                double v = g.getDouble(i);
                if (Double.isNaN(expected) ? !Double.isNaN(v) : Math.abs(v - expected) > 1e-12) {
                    throw new AssertionError(e.getKey() + " cell " + i + ": red " + r + " gave " + v);
                }
                data += Double.isNaN(v) ? 0 : 1;
            }
        }
        assertTrue(data > 1000, "cells with data: " + data);
        Exception bad = assertThrows(
                Exception.class,
                () -> SPARK.session()
                        .sql("SELECT rm_calc('A +* 2', array(tile)) FROM red")
                        .collect());
        assertTrue(String.valueOf(bad.getMessage()).contains("unexpected '*' at column 4"), bad.getMessage());
    }

    @Test
    void rmReclassEqualsTheReclassOpOnEveryTile() throws Exception {
        LayerFrames.toDataFrame(SPARK.session(), layer()).createOrReplaceTempView("heights");
        String map = "*-200:1,200-400:2,400-*:3,nodata:255";
        List<Row> rows = SPARK.session()
                .sql("SELECT tile, rm_reclass(tile, '" + map + "'), rm_reclass_as(tile, '" + map + "', 'uint8')"
                        + " FROM heights")
                .collectAsList();
        assertEquals(12, rows.size(), "4 x 3 tiles");
        ReclassMap m = ReclassMap.parse(map);
        for (Row row : rows) {
            Tile t = TileBytes.decode((byte[]) row.get(0));
            assertEquals(ReclassOp.of(m).apply(t), TileBytes.decode((byte[]) row.get(1)));
            assertEquals(ReclassOp.of(m, CellType.UINT8).apply(t), TileBytes.decode((byte[]) row.get(2)));
        }
        Exception bad = assertThrows(
                Exception.class,
                () -> SPARK.session()
                        .sql("SELECT rm_reclass(tile, '0-10:1,10-x:2') FROM heights")
                        .collect());
        assertTrue(String.valueOf(bad.getMessage()).contains("reclass map item 2"), bad.getMessage());
    }
}
