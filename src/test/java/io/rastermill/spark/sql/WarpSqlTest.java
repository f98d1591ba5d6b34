package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rm_warp} against the Java API's {@code GeoTiffWarp.warp(grid, method)}, tile for tile and cell for cell. */
class WarpSqlTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static final int TILE = 32;

    /** The UTM 33N int16 test raster (NoData holes) to gdalwarp's default lat/lon grid and to a coarser UTM grid. */
    @Test
    void equalsTheJavaApiCellForCell() throws Exception {
        RastermillSql.register(SPARK.session());
        GeoTiffWarp sources = GeoTiffWarp.open(SPARK.session(), List.of(SqlTestLayer.FILE), null);
        WarpGrid latLon = sources.targetGrid(TargetGridSpec.defaults(Crs.LATLNG, 1L << 30));
        assertSame(sources, latLon, "EPSG:4326", Resampling.BILINEAR);
        WarpGrid coarse =
                new WarpGrid(Crs.epsg(32633), RasterExtent.of(new Extent(500100, 4999300, 500900, 4999950), 40, 26));
        assertSame(sources, coarse, "EPSG:32633", Resampling.AVERAGE);
    }

    @Test
    void aMissingBandOrAKeyOffTheGridIsAnErrorNamingIt() throws Exception {
        RastermillSql.register(SPARK.session());
        SparkException e = assertThrows(
                SparkException.class,
                () -> SPARK.session()
                        .sql("SELECT "
                                + call(
                                        "EPSG:32633",
                                        new Extent(500000, 4999200, 501000, 5000000),
                                        100,
                                        80,
                                        0,
                                        0,
                                        2,
                                        "near"))
                        .collect());
        assertTrue(rootMessage(e).contains("band 2 does not exist"), rootMessage(e));
        e = assertThrows(
                SparkException.class,
                () -> SPARK.session()
                        .sql("SELECT "
                                + call(
                                        "EPSG:32633",
                                        new Extent(500000, 4999200, 501000, 5000000),
                                        100,
                                        80,
                                        4,
                                        0,
                                        1,
                                        "near"))
                        .collect());
        assertTrue(rootMessage(e).contains("tile (4, 0) lies outside"), rootMessage(e));
    }

    private static void assertSame(GeoTiffWarp sources, WarpGrid grid, String crs, Resampling method) {
        Map<SpatialKey, Tile> java = new HashMap<>();
        for (Row r : LayerFrames.toDataFrame(
                        SPARK.session(),
                        sources.warp(grid, WarpOptions.of(method).withTileSize(TILE))
                                .get(0))
                .collectAsList()) {
            java.put(new SpatialKey(r.getInt(0), r.getInt(1)), TileBytes.decode((byte[]) r.get(2)));
        }
        int tileCols = (grid.cols() + TILE - 1) / TILE;
        int tileRows = (grid.rows() + TILE - 1) / TILE;
        String sql = String.format(
                Locale.ROOT,
                "SELECT col, row, %s AS tile FROM (SELECT explode(sequence(0, %d)) AS col)"
                        + " CROSS JOIN (SELECT explode(sequence(0, %d)) AS row)",
                call(crs, grid.grid().extent(), grid.cols(), grid.rows(), -1, -1, 1, method.gdalName())
                        .replace("-1, -1,", "col, row,"),
                tileCols - 1,
                tileRows - 1);
        long dataCells = 0;
        int compared = 0;
        for (Row r : SPARK.session().sql(sql).collectAsList()) {
            SpatialKey k = new SpatialKey(r.getInt(0), r.getInt(1));
            Tile got = TileBytes.decode((byte[]) r.get(2));
            Tile want = java.get(k);
            if (want == null) {
                // the Java API leaves out tiles no source reaches: rm_warp gives them all NoData
                assertEquals(0, dataCells(got), method + " tile " + k);
                continue;
            }
            compared++;
            assertEquals(want.cellType(), got.cellType(), method + " tile " + k);
            assertEquals(want.cols(), got.cols(), method + " tile " + k);
            assertEquals(want.rows(), got.rows(), method + " tile " + k);
            double[] a = want.toDoubleLane();
            double[] b = got.toDoubleLane();
            for (int i = 0; i < a.length; i++) {
                assertEquals(
                        0,
                        Double.compare(a[i], b[i]),
                        method + " tile " + k + " cell " + i + ": " + a[i] + " vs " + b[i]);
            }
            dataCells += dataCells(got);
        }
        assertEquals(java.size(), compared, method + ": every tile of the Java API's layer");
        assertTrue(dataCells > 1000, method + ": " + dataCells + " data cells");
    }

    private static String call(String crs, Extent e, int width, int height, int col, int row, int band, String method) {
        return String.format(
                Locale.ROOT,
                "rm_warp('%s', '%s', %s, %s, %s, %s, %d, %d, %d, %d, %d, %d, '%s')",
                SqlTestLayer.FILE,
                crs,
                e.xmin(),
                e.ymin(),
                e.xmax(),
                e.ymax(),
                width,
                height,
                TILE,
                col,
                row,
                band,
                method);
    }

    private static long dataCells(Tile t) {
        long n = 0;
        for (double v : t.toDoubleLane()) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
