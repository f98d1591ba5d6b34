package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.focal.AspectParams;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsParams;
import io.rastermill.core.focal.GradientAlg;
import io.rastermill.core.focal.HillshadeParams;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.focal.TerrainIndexOp;
import io.rastermill.core.focal.TerrainIndexParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Focal and terrain SQL functions over buffered tiles, against {@code layer.focal} with the same
 * kernels on every tile and against the kernel on the whole raster (so tile seams and the cropped
 * edge tiles are covered).
 */
class FocalSqlTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static TileLayer layer() throws Exception {
        return SqlTestLayer.layer(SPARK.session());
    }

    /** Each SQL call and the kernel that must give the same cells. */
    private static Map<String, FocalKernel> calls() {
        Map<String, FocalKernel> m = new LinkedHashMap<>();
        m.put(
                "rm_focal(buffered, 'mean', 'circle', 2)",
                FocalOps.statsKernel(
                        new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.CIRCLE, 2)));
        m.put(
                "rm_focal(buffered, 'MEDIAN', 'square', 1)",
                FocalOps.statsKernel(
                        new FocalStatsParams(FocalStatsParams.Stat.MEDIAN, FocalStatsParams.Shape.SQUARE, 1)));
        m.put("rm_slope(buffered, 2)", FocalOps.slopeKernel(SlopeParams.GDALDEM.withZFactor(2)));
        m.put("rm_aspect(buffered)", FocalOps.aspectKernel(AspectParams.GDALDEM));
        m.put(
                "rm_hillshade(buffered, 300, 40, 1.5)",
                FocalOps.hillshadeKernel(
                        HillshadeParams.GDALDEM.withSun(300, 40).withZFactor(1.5)));
        m.put(
                "rm_tpi(buffered)",
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TPI, false)));
        m.put(
                "rm_tri(buffered)",
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TRI_RILEY, false)));
        m.put(
                "rm_tri_wilson(buffered)",
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TRI_WILSON, false)));
        m.put(
                "rm_roughness(buffered)",
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.ROUGHNESS, false)));
        // the options forms: what the positional functions leave at gdaldem's defaults
        m.put(
                "rm_slope_with(buffered, 'alg=ZevenbergenThorne, compute_edges=true, z_factor=2')",
                FocalOps.slopeKernel(SlopeParams.GDALDEM
                        .withAlg(GradientAlg.ZEVENBERGEN_THORNE)
                        .withComputeEdges(true)
                        .withZFactor(2)));
        m.put(
                "rm_aspect_with(buffered, 'alg=zt compute_edges=true trigonometric=true')",
                FocalOps.aspectKernel(AspectParams.GDALDEM
                        .withAlg(GradientAlg.ZEVENBERGEN_THORNE)
                        .withComputeEdges(true)
                        .withTrigonometric(true)));
        m.put(
                "rm_hillshade_with(buffered, 'mode=combined; compute_edges=true')",
                FocalOps.hillshadeKernel(HillshadeParams.GDALDEM
                        .withMode(HillshadeParams.Mode.COMBINED)
                        .withComputeEdges(true)));
        m.put(
                "rm_tri_with(buffered, 'alg=Wilson compute_edges=true')",
                FocalOps.terrainIndexKernel(new TerrainIndexParams(TerrainIndexParams.Index.TRI_WILSON, true)));
        m.put(
                "rm_focal_with(buffered, 'stat=mean shape=annulus inner=1 radius=2')",
                FocalOps.statsKernel(FocalStatsParams.annulus(FocalStatsParams.Stat.MEAN, 1, 2)));
        m.put(
                "rm_focal_with(buffered, 'stat=sum shape=weighted radius=1 weights=0,1,0,1,-4,1,0,1,0')",
                FocalOps.statsKernel(
                        FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, 0, 1, 0, 1, -4, 1, 0, 1, 0)));
        m.put(
                "rm_focal_with(buffered, 'stat=stddev shape=weighted radius=1 weights=1,2,1,2,4,2,1,2,1')",
                FocalOps.statsKernel(
                        FocalStatsParams.weighted(FocalStatsParams.Stat.STDDEV, 1, 1, 2, 1, 2, 4, 2, 1, 2, 1)));
        return m;
    }

    /** A terrain index added to the core without an SQL function (and a case above) fails here. */
    @Test
    void everyTerrainIndexIsAnSqlFunction() {
        Set<TerrainIndexParams.Index> covered = EnumSet.noneOf(TerrainIndexParams.Index.class);
        for (FocalKernel k : calls().values()) {
            if (k instanceof TerrainIndexOp t) {
                covered.add(t.params().index());
            }
        }
        assertEquals(EnumSet.allOf(TerrainIndexParams.Index.class), covered);
    }

    @Test
    void focalAndTerrainInSqlEqualLayerFocalAndTheWholeRasterOnEveryTile() throws Exception {
        TileLayer dem = layer();
        Tile whole;
        try (GeoTiffReader r = GeoTiffReader.open(SqlTestLayer.FILE)) {
            whole = r.readBand(new GridBounds(0, 0, 99, 79), 0, 0);
        }
        CellSize cellSize = dem.metadata().layout().cellSize();
        // a file layer reads its halos with the window; a derived one exchanges edge strips
        TileLayer derived = dem.mapTiles(t -> t);
        for (TileLayer source : new TileLayer[] {dem, derived}) {
            LayerFrames.toBufferedDataFrame(SPARK.session(), source, 2).createOrReplaceTempView("buf");
            Map<String, FocalKernel> calls = calls();
            StringBuilder select = new StringBuilder("SELECT col, row");
            calls.keySet().forEach(c -> select.append(", ").append(c));
            List<Row> rows = SPARK.session().sql(select + " FROM buf").collectAsList();
            assertEquals(12, rows.size(), "4 x 3 tiles");
            int call = 0;
            for (Map.Entry<String, FocalKernel> e : calls.entrySet()) {
                Tile wholeResult = FocalOps.applyWhole(e.getValue(), whole, cellSize);
                Map<SpatialKey, Tile> expected =
                        source.focal(e.getValue()).innerTiles().collectAsMap();
                for (Row row : rows) {
                    SpatialKey key = new SpatialKey(row.getInt(0), row.getInt(1));
                    Tile got = TileBytes.decode((byte[]) row.get(2 + call));
                    assertEquals(expected.get(key), got, e.getKey() + " at " + key);
                    int c0 = key.col() * 32;
                    int r0 = key.row() * 32;
                    assertEquals(
                            wholeResult.crop(c0, r0, c0 + got.cols() - 1, r0 + got.rows() - 1),
                            got,
                            e.getKey() + " at " + key + " against the whole raster");
                }
                call++;
            }
        }
    }

    @Test
    void wrongInputsNameTheProblem() throws Exception {
        TileLayer dem = layer();
        LayerFrames.toBufferedDataFrame(SPARK.session(), dem, 1).createOrReplaceTempView("buf1");
        LayerFrames.toDataFrame(SPARK.session(), dem).createOrReplaceTempView("plain");
        assertFails(
                "SELECT rm_focal(buffered, 'mean', 'square', 2) FROM buf1",
                "halo 1 is smaller than the 2 this function needs");
        assertFails("SELECT rm_slope(tile, 1) FROM plain", "not a buffered tile");
        assertFails(
                "SELECT rm_focal(buffered, 'mode', 'square', 1) FROM buf1",
                "unknown statistic 'mode'; one of [mean, min, max, sum, stddev, median]");
        assertFails(
                "SELECT rm_slope_with(buffered, 'alg=Sobel') FROM buf1",
                "slope: alg: must be Horn or ZevenbergenThorne, not 'Sobel'");
        assertFails(
                "SELECT rm_focal_with(buffered, 'stat=sum shape=weighted radius=1 weights=1,2') FROM buf1",
                "focal: a neighbourhood of radius 1 needs 9 weights (3x3, row-major), got 2");
        assertEquals(
                0L,
                SPARK.session()
                        .sql("SELECT rm_aspect(NULL) AS a FROM buf1")
                        .filter("a IS NOT NULL")
                        .count());
        assertEquals(
                0L,
                SPARK.session()
                        .sql("SELECT rm_slope_with(buffered, NULL) AS a FROM buf1")
                        .filter("a IS NOT NULL")
                        .count());
    }

    private static void assertFails(String sql, String message) {
        Exception e =
                assertThrows(Exception.class, () -> SPARK.session().sql(sql).collectAsList());
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append('\n');
            t = t.getCause();
        }
        assertTrue(all.toString().contains(message), all.toString());
    }
}
