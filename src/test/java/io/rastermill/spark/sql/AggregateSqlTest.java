package io.rastermill.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.local.LocalOps;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.util.List;
import java.util.SortedMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** rm_agg_stats and rm_agg_zonal against the layer's own statistics and zonal statistics. */
class AggregateSqlTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static TileLayer layer() throws Exception {
        return SqlTestLayer.layer(SPARK.session());
    }

    /** Merged sums and means differ from the layer's only by the order of the floating additions. */
    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static void assertStatistics(Statistics s, Row r, int from, String what) {
        assertEquals(s.dataCells(), r.getLong(from), what + " data cells");
        assertEquals(s.noDataCells(), r.getLong(from + 1), what + " nodata cells");
        assertEquals(s.min(), r.getDouble(from + 2), what + " min");
        assertEquals(s.max(), r.getDouble(from + 3), what + " max");
        assertClose(s.sum(), r.getDouble(from + 4), what + " sum");
        assertClose(s.mean(), r.getDouble(from + 5), what + " mean");
        assertClose(s.stddev(), r.getDouble(from + 6), what + " stddev");
    }

    @Test
    void aggStatsEqualsTheLayersReduction() throws Exception {
        TileLayer dem = layer();
        Statistics expected = dem.reduce(new CellStatistics());
        assertTrue(expected.dataCells() > 1000 && expected.noDataCells() > 0, expected.toString());
        LayerFrames.toDataFrame(SPARK.session(), dem).createOrReplaceTempView("dem");
        Row all = SPARK.session()
                .sql("SELECT s.* FROM (SELECT rm_agg_stats(tile) AS s FROM dem)")
                .first();
        assertStatistics(expected, all, 0, "whole layer");
        // grouped: the tile rows' counts add up, and a group of NULL tiles has no data and NULL numbers
        List<Row> byRow = SPARK.session()
                .sql("SELECT row, rm_agg_stats(tile).data_cells FROM dem GROUP BY row")
                .collectAsList();
        assertEquals(3, byRow.size());
        assertEquals(
                expected.dataCells(),
                byRow.stream().mapToLong(r -> r.getLong(1)).sum());
        Row none = SPARK.session()
                .sql("SELECT s.* FROM (SELECT rm_agg_stats(CAST(NULL AS BINARY)) AS s FROM dem)")
                .first();
        assertEquals(0L, none.getLong(0));
        assertTrue(none.isNullAt(2) && none.isNullAt(5), none.toString());
    }

    @Test
    void aggZonalEqualsZonalStatisticsByZoneRaster() throws Exception {
        TileLayer values = layer();
        TileLayer zones = values.mapTiles(t -> LocalOps.op("mod").apply(t, 5));
        SortedMap<Integer, ZoneAccumulator> expected =
                ZonalStatistics.byZoneRaster(values, zones, ZonalStatistics.Options.statisticsOnly());
        assertTrue(expected.size() >= 5, expected.keySet().toString());
        LayerFrames.toDataFrame(SPARK.session(), values).createOrReplaceTempView("v");
        LayerFrames.toDataFrame(SPARK.session(), zones).createOrReplaceTempView("z");
        List<Row> got = SPARK.session()
                .sql("SELECT inline(rm_agg_zonal(v.tile, z.tile).zones)"
                        + " FROM v JOIN z ON v.col = z.col AND v.row = z.row")
                .collectAsList();
        assertEquals(expected.size(), got.size());
        int i = 0;
        for (var e : expected.entrySet()) {
            Row r = got.get(i++);
            assertEquals(e.getKey(), r.getInt(0), "zones sorted by id");
            assertStatistics(e.getValue().finish(), r, 1, "zone " + e.getKey());
        }
    }
}
