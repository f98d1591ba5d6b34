package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.NoData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZonalStatTest {

    /** A zone of 1, 2, 3, 4 and one NoData cell, with exact percentiles. */
    private static ZoneAccumulator zone() {
        int[] lane = {3, 1, NoData.INT, 4, 2};
        return ZoneAccumulator.exact().addInts(lane, 0, lane.length);
    }

    private static double of(String name) {
        return ZonalStat.parse(name).of(zone());
    }

    @Test
    void namesGiveTheirStatisticOfAZone() {
        assertEquals(4, of("count"));
        assertEquals(1, of("nodata"));
        assertEquals(10, of("sum"));
        assertEquals(2.5, of("mean"));
        assertEquals(1, of("min"));
        assertEquals(4, of("max"));
        assertEquals(Math.sqrt(1.25), of("stddev"), 1e-15); // population: sqrt(((1.5² + 0.5²) * 2) / 4)
        // nearest rank (numpy inverted_cdf) over 1 2 3 4: the ceil(q n)-th value, the first for q = 0
        assertEquals(2, of("median"));
        assertEquals(2, of("p50"));
        assertEquals(3, of("p75"));
        assertEquals(4, of("p75.5"));
        assertEquals(1, of("p0"));
        assertEquals(4, of("p100"));
    }

    @Test
    void aZoneThatMetNoCellCountsZeroAndHasNoOtherValue() {
        for (String name : List.of("count", "nodata", "sum")) {
            assertEquals(0, ZonalStat.parse(name).of(null), name);
        }
        for (String name : List.of("mean", "min", "max", "stddev", "median", "p90")) {
            assertTrue(Double.isNaN(ZonalStat.parse(name).of(null)), name);
        }
    }

    @Test
    void parsingIgnoresCaseAndBlanksAndKeepsTheNameForReports() {
        ZonalStat p = ZonalStat.parse(" P2.5 ");
        assertEquals("p2.5", p.name());
        assertEquals(ZonalStat.Kind.PERCENTILE, p.kind());
        assertEquals(0.025, p.fraction(), 1e-15);
        assertEquals(new ZonalStat("median", ZonalStat.Kind.PERCENTILE, 0.5), ZonalStat.parse("Median"));
        assertEquals(
                List.of("count", "sum", "mean", "min", "max", "stddev"),
                ZonalStat.DEFAULTS.stream().map(ZonalStat::name).toList());
        assertTrue(ZonalStat.parse("nodata").isCount());
        assertFalse(ZonalStat.parse("sum").isCount());
        assertFalse(ZonalStat.anyPercentile(ZonalStat.DEFAULTS));
        assertTrue(ZonalStat.anyPercentile(ZonalStat.parseAll(List.of("mean", "p90"))));
    }

    @Test
    void unknownNamesAndPercentilesAbove100AreRefusedByName() {
        for (String bad : List.of("avg", "p101", "p", "p-1", "q50", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZonalStat.parse(bad));
            assertEquals(
                    "unknown statistic '" + bad + "' (count, nodata, sum, mean, min, max, stddev, median, p0..p100)",
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ZonalStat.parseAll(List.of()));
    }
}
