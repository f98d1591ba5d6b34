package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import io.rastermill.spark.temporal.Composite;
import io.rastermill.spark.temporal.LayerComposite;
import io.rastermill.spark.temporal.SceneDating;
import io.rastermill.spark.temporal.SceneSeries;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time-series SQL aggregates against the Java API on one stack: twelve UInt16 48×32 scenes ten days apart, each
 * with a QA band (bit 3 = cloud, a cloud reads 60000), NoData holes (0) in both bands, read as a scene series in
 * 20-cell tiles (edge tiles cropped). Unmasked, SQL equals {@link LayerComposite} cell for cell; masked in SQL with
 * {@code where((B & 8) != 0, nodata, A)} over the raw QA it equals {@link Composite} with {@code --mask "(B & 8) != 0"}.
 * Cell (0, 0) has a hand-made series whose every statistic is worked out below.
 */
class TimeSeriesSqlTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    static Path dir;

    private static final int W = 48;
    private static final int H = 32;
    private static final int SCENES = 12;
    private static final int TILE = 20;
    private static final LocalDate DAY0 = LocalDate.of(2024, 4, 1);
    /** Cell (0, 0): 0 is NoData, 60000 a flagged cloud (QA 9), every other QA 1. Clear: 100 130 120 160 110 190 150. */
    private static final int[] CELL0 = {100, 0, 60000, 130, 120, 60000, 160, 0, 110, 190, 60000, 150};

    private static final String[] REDUCERS = {"median", "mean", "min", "max", "count", "first", "last", "p90", "p25"};
    /** Composite evaluates its mask over the bands' raw values (QA 0 is a clear cell, not NoData): so does the SQL. */
    private static final String MASKED =
            "rm_calc_as('where((B & 8) != 0, nodata, A)', 'uint16', array(v.tile, rm_convert(q.tile, 'uint16raw')))";

    private static SpaceTimeLayer values;

    @BeforeAll
    static void scenes() throws IOException {
        Random rnd = new Random(18);
        for (int s = 0; s < SCENES; s++) {
            short[] v = new short[W * H];
            short[] qa = new short[W * H];
            for (int k = 0; k < v.length; k++) {
                boolean cloud = rnd.nextDouble() < 0.3;
                v[k] = (short) (rnd.nextDouble() < 0.1 ? 0 : cloud ? 60000 : 500 + 30 * s + rnd.nextInt(200));
                qa[k] = (short)
                        ((cloud ? 8 : 0) + rnd.nextInt(4)); // QA 0 is the band's NoData but a clear cell to the mask
            }
            v[0] = (short) CELL0[s];
            qa[0] = (short) (CELL0[s] == 60000 ? 9 : 1);
            write(dir.resolve("scenes/S_" + DAY0.plusDays(10L * s).toString().replace("-", "") + ".tif"), v, qa);
        }
        SparkSession spark = SPARK.session();
        RastermillSql.register(spark);
        List<String> scenes = List.of(dir.resolve("scenes").toString());
        SpaceTimeLayer read = SceneSeries.read(spark, scenes, SceneDating.automatic(), null, null, TILE, 0);
        values = new SpaceTimeLayer(read.rdd().cache(), read.metadata(), read.time()); // read the files once
        SpaceTimeLayer qa = SceneSeries.read(spark, scenes, SceneDating.automatic(), null, null, TILE, 1);
        LayerFrames.toDataFrame(spark, values).createOrReplaceTempView("v");
        LayerFrames.toDataFrame(spark, qa).createOrReplaceTempView("q");
        Dataset<Row> masked = spark.sql(
                "SELECT v.col, v.row, v.instant, " + MASKED + " AS tile FROM v JOIN q USING (col, row, instant)");
        masked.cache().createOrReplaceTempView("m");
    }

    private static void write(Path path, short[] v, short[] qa) throws IOException {
        path.getParent().toFile().mkdirs();
        RasterDescription d = RasterDescription.of(W, H, 2, CellType.UINT16)
                .withTransform(new GeoTransform(500_000, 10, 0, 5_000_000, 0, -10))
                .withEpsg(32633);
        try (GeoTiffWriter w = GeoTiffWriter.create(
                path.toString(), d, GeoTiffWriteOptions.builder().blockSize(16).build())) {
            for (int r = 0; r < H / 16; r++) {
                for (int c = 0; c < W / 16; c++) {
                    w.writeBlock(
                            c,
                            r,
                            MultibandTile.of(
                                    Tiles.ofShorts(CellType.UINT16, 16, 16, block(v, c, r)),
                                    Tiles.ofShorts(CellType.UINT16, 16, 16, block(qa, c, r))));
                }
            }
            w.finish();
        }
    }

    private static short[] block(short[] v, int c, int r) {
        short[] b = new short[256];
        for (int y = 0; y < 16; y++) {
            System.arraycopy(v, (r * 16 + y) * W + c * 16, b, y * 16, 16);
        }
        return b;
    }

    /** One SQL aggregate per reducer over {@code view}, grouped by key: columns col, row, then one tile per reducer. */
    private static List<Row> composites(String view) {
        StringBuilder q = new StringBuilder("SELECT col, row");
        for (String r : REDUCERS) {
            q.append(", rm_composite_timed(tile, instant, '").append(r).append("')");
        }
        q.append(", rm_trend(tile, instant) FROM ").append(view).append(" GROUP BY col, row");
        return SPARK.session().sql(q.toString()).collectAsList();
    }

    /** Column {@code i} of the rows (tiles by col, row, edge tiles cropped) pasted into one W×H double lane. */
    private static double[] cells(List<Row> rows, int i) {
        double[] out = new double[W * H];
        for (Row r : rows) {
            Tile t = TileBytes.decode((byte[]) r.get(i));
            double[] lane = t.toDoubleLane();
            for (int y = 0; y < t.rows(); y++) {
                System.arraycopy(lane, y * t.cols(), out, (r.getInt(1) * TILE + y) * W + r.getInt(0) * TILE, t.cols());
            }
        }
        return out;
    }

    /** Band {@code b} of the rm_trend struct in column {@code i}, pasted as {@link #cells}. */
    private static double[] trendCells(List<Row> rows, int i, int b) {
        return cells(
                rows.stream()
                        .map(r -> RowFactory.create(
                                r.getInt(0), r.getInt(1), r.getStruct(i).get(b)))
                        .toList(),
                2);
    }

    private static double[] window(TileLayer layer) {
        return layer.window(new GridBounds(0, 0, W - 1, H - 1)).toDoubleLane();
    }

    @Test
    void unmaskedEqualsLayerCompositeCellForCell() {
        List<Row> sql = composites("v");
        assertEquals(6, sql.size(), "3 x 2 keys");
        long origin = values.time().min();
        for (int i : new int[] {0, 5, 6}) { // median, first, last: every reducer is checked masked against Composite
            TemporalReducer r = TemporalReducer.parse(REDUCERS[i]);
            double[] java = window(LayerComposite.reduce(values, r, r.defaultCellType(CellType.UINT16), origin)
                    .get(0));
            assertArrayEquals(java, cells(sql, 2 + i), REDUCERS[i]);
        }
        TemporalReducer trend = TemporalReducer.parse("trend");
        List<TileLayer> java = LayerComposite.reduce(values, trend, CellType.FLOAT32, origin);
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(
                    window(java.get(b)),
                    trendCells(sql, 2 + REDUCERS.length, b),
                    trend.bandNames().get(b));
        }
        // the unmasked median of cell (0, 0) keeps the clouds: 100 110 120 130 150 | 160 190 60000 60000 60000
        assertEquals(155, cells(sql, 2)[0]);
        // rm_composite without time agrees for the order-free reducers
        Row untimed = SPARK.session()
                .sql("SELECT rm_composite(tile, 'median'), rm_composite_timed(tile, instant, 'median')"
                        + " FROM v WHERE col = 1 AND row = 1 GROUP BY col, row")
                .first();
        assertArrayEquals((byte[]) untimed.get(1), (byte[]) untimed.get(0));
    }

    @Test
    void maskedEqualsCompositeWithMaskAndHandComputedCells() throws IOException {
        List<Row> sql = composites("m");
        Composite.Prepared scenes = Composite.open(
                        SPARK.session(), List.of(dir.resolve("scenes").toString()), SceneDating.automatic(), null)
                .prepare();
        WarpGrid grid = GeoTiffWarp.open(
                        SPARK.session(),
                        List.of(dir.resolve("scenes/S_20240401.tif").toString()),
                        null)
                .sources()
                .get(0)
                .grid();
        WarpOptions options = WarpOptions.of(Resampling.NEAREST);
        CalcExpression mask = CalcExpression.parse("(B & 8) != 0");
        double[][] got = new double[REDUCERS.length][];
        for (int i = 0; i < REDUCERS.length; i++) {
            TemporalReducer r = TemporalReducer.parse(REDUCERS[i]);
            double[] java = window(scenes.reduce(grid, r, options, mask, 0).get(0));
            got[i] = cells(sql, 2 + i);
            assertArrayEquals(java, got[i], REDUCERS[i] + " masked");
        }
        // cell (0, 0), clear observations (day: value) 0: 100, 30: 130, 40: 120, 60: 160, 80: 110, 90: 190, 110: 150
        assertEquals(130, got[0][0], "median of 100 110 120 [130] 150 160 190");
        assertEquals((float) (960.0 / 7), got[1][0], "mean 960 / 7");
        assertEquals(100, got[2][0], "min");
        assertEquals(190, got[3][0], "max");
        assertEquals(7, got[4][0], "count");
        assertEquals(100, got[5][0], "first");
        assertEquals(150, got[6][0], "last");
        assertEquals(172, got[7][0], "p90: rank 6 * 0.9 = 5.4, 160 + 0.4 * (190 - 160)");
        assertEquals(115, got[8][0], "p25: rank 1.5, halfway between 110 and 120");

        List<TileLayer> javaTrend = scenes.reduce(grid, TemporalReducer.parse("trend"), options, mask, 0);
        double[] expected = {
            31300.0 / 60800, 960.0 / 7 - 31300.0 / 60800 * 410 / 7, 31300.0 * 31300 / (60800.0 * 41600), 7
        };
        String[] what = {"slope Sxy / Sxx", "intercept mean(y) - slope * mean(x)", "r2 Sxy² / (Sxx Syy)", "count"};
        for (int b = 0; b < 4; b++) {
            double[] trend = trendCells(sql, 2 + REDUCERS.length, b);
            assertArrayEquals(window(javaTrend.get(b)), trend, what[b]);
            assertEquals((float) expected[b], trend[0], Math.ulp((float) expected[b]) * 2, what[b]);
        }
    }

    /** rm_composite_as: cell (0, 0)'s masked mean 960 / 7 = 137.142857142857… in Float64 (all its digits), UInt16. */
    @Test
    void compositeAsGivesTheChosenCellType() {
        Row r = SPARK.session()
                .sql("SELECT rm_composite_as(tile, 'mean', 'float64'), rm_composite_as(tile, 'mean', 'uint16'),"
                        + " rm_composite_as(tile, 'max', 'int8') FROM m WHERE col = 0 AND row = 0 GROUP BY col, row")
                .first();
        Tile f64 = TileBytes.decode((byte[]) r.get(0));
        Tile u16 = TileBytes.decode((byte[]) r.get(1));
        Tile i8 = TileBytes.decode((byte[]) r.get(2));
        assertEquals(CellType.FLOAT64, f64.cellType());
        assertEquals(960.0 / 7, f64.getDouble(0, 0));
        assertEquals(CellType.UINT16, u16.cellType());
        assertEquals(137, u16.get(0, 0));
        assertEquals(127, i8.get(0, 0), "max 190 clamped into Int8");
        String bad = failure("SELECT rm_composite_as(tile, 'mean', 'uint17') FROM v GROUP BY col, row");
        assertTrue(bad.contains("rm_composite_as: "), bad);
        assertTrue(bad.contains("uint17"), bad);
    }

    private static String failure(String sql) {
        Exception e =
                assertThrows(Exception.class, () -> SPARK.session().sql(sql).collectAsList());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void badReducerOrMissingTimeIsNamed() {
        String bad = failure("SELECT rm_composite(tile, 'medain') FROM v GROUP BY col, row");
        assertTrue(bad.contains("rm_composite: unknown reducer 'medain'; use median"), bad);
        String first = failure("SELECT rm_composite(tile, 'first') FROM v GROUP BY col, row");
        assertTrue(
                first.contains(
                        "rm_composite: 'first' needs the time column; use rm_composite_timed(tile, time, 'first')"),
                first);
        String trend = failure("SELECT rm_composite_timed(tile, instant, 'trend') FROM v GROUP BY col, row");
        assertTrue(trend.contains("use rm_trend(tile, time)"), trend);
        String noTime = failure("SELECT rm_trend(tile, CAST(NULL AS TIMESTAMP)) FROM v GROUP BY col, row");
        assertTrue(noTime.contains("rm_trend: the time column (argument 2) is NULL for a tile"), noTime);
        String noColumn = failure("SELECT rm_trend(tile, taken) FROM v GROUP BY col, row");
        assertTrue(noColumn.contains("taken"), noColumn);
    }

    @Test
    void spaceTimeFrameHoldsEveryInstantCropped() {
        List<Row> keys = SPARK.session()
                .sql("SELECT col, row, count(*), min(instant), max(rm_cols(tile)), min(rm_cols(tile)),"
                        + " min(rm_rows(tile)) FROM v GROUP BY col, row ORDER BY row, col")
                .collectAsList();
        assertEquals(6, keys.size());
        Row edge = keys.get(5); // col 2, row 1: 8 x 12 in-raster cells of a 20 x 20 tile
        assertEquals(SCENES, edge.getLong(2));
        assertEquals(Instant.parse("2024-04-01T00:00:00Z"), ((Timestamp) edge.get(3)).toInstant());
        assertEquals(8, edge.getInt(4));
        assertEquals(12, edge.getInt(6));
    }
}
