package io.rastermill.core.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reducers over hand-computed stacks of three cells (values from numpy 1.24: {@code np.nanpercentile},
 * {@code np.nanmedian}, {@code np.polyfit}), the parsers, and the scene dates.
 */
class TemporalReducerTest {
    private static final double N = Double.NaN;
    /** Four scenes × three cells: cell 0 has 4 values, cell 1 has 2, cell 2 none. */
    private static final double[][] SCENES = {{4, 10, N}, {1, N, N}, {3, 20, N}, {2, N, N}};

    private static final double[] DAYS = {0, 10, 20, 30};

    private static double[][] reduce(String reducer) {
        TemporalAccumulator acc = TemporalReducer.parse(reducer).newAccumulator(3);
        for (int s = 0; s < SCENES.length; s++) {
            acc.add(SCENES[s], DAYS[s]);
        }
        return acc.result();
    }

    @Test
    void everyReducerOnAHandStack() {
        assertArrayEquals(new double[] {2.5, 15, N}, reduce("median")[0]);
        assertArrayEquals(new double[] {2.5, 15, N}, reduce("mean")[0]);
        assertArrayEquals(new double[] {1, 10, N}, reduce("min")[0]);
        assertArrayEquals(new double[] {4, 20, N}, reduce("max")[0]);
        assertArrayEquals(new double[] {4, 2, 0}, reduce("count")[0]);
        assertArrayEquals(new double[] {4, 10, N}, reduce("first")[0]);
        assertArrayEquals(new double[] {2, 20, N}, reduce("last")[0]);
        // numpy: np.percentile([1, 2, 3, 4], 90) = 3.7, ([10, 20], 90) = 19.0, ([1, 2, 3, 4], 10) = 1.3
        assertArrayEquals(new double[] {3.7, 19, N}, reduce("p90")[0], 1e-12);
        assertArrayEquals(new double[] {1.3, 11, N}, reduce("p10")[0], 1e-12);
        assertArrayEquals(new double[] {1, 10, N}, reduce("p0")[0]);
        assertArrayEquals(new double[] {4, 20, N}, reduce("p100")[0]);
    }

    /** Cell 0: y = 4, 1, 3, 2 at x = 0, 10, 20, 30: np.polyfit slope -0.04, intercept 3.1, r² 0.16; cell 1: two points. */
    @Test
    void trendIsTheLeastSquaresLine() {
        double[][] t = reduce("trend");
        assertEquals(-0.04, t[0][0], 1e-12);
        assertEquals(3.1, t[1][0], 1e-12);
        assertEquals(0.16, t[2][0], 1e-12);
        assertEquals(4, t[3][0]);
        assertEquals(0.5, t[0][1], 1e-12); // (20 - 10) / (20 - 0)
        assertEquals(10, t[1][1], 1e-12);
        assertEquals(1, t[2][1], 1e-12);
        assertTrue(Double.isNaN(t[0][2]) && Double.isNaN(t[2][2]));
        assertEquals(0, t[3][2]);
    }

    /** numpy's lerp from the upper neighbour at and beyond one half: bit-equal to numpy, not just close. */
    @Test
    void percentilesAreNumpysToTheBit() {
        double[] a = {0.1, 0.7, 2.3};
        // np.percentile([0.1, 0.7, 2.3], [30, 75]) = [0.46, 1.5]
        assertEquals(0.45999999999999996, Percentiles.linear(a, 3, 30));
        assertEquals(1.5, Percentiles.linear(a, 3, 75));
        assertEquals(0.7, Percentiles.median(a, 3));
        assertEquals(0.39999999999999997, Percentiles.median(a, 2)); // np.median([0.1, 0.7])
        assertTrue(Double.isNaN(Percentiles.median(a, 0)));
    }

    /** Values kept as floats until one needs a double, then widened: the result is the exact double median. */
    @Test
    void medianStaysExactWhenAValueNeedsADouble() {
        TemporalAccumulator acc = TemporalReducer.parse("median").newAccumulator(2);
        acc.add(new double[] {1, 16777216}, 0);
        acc.add(new double[] {2, N}, 1);
        acc.add(new double[] {0.1, 16777217}, 2); // neither 0.1 nor 2^24 + 1 is a float
        assertArrayEquals(new double[] {1, 16777216.5}, acc.result()[0]);
        TemporalAccumulator p = TemporalReducer.parse("p25").newAccumulator(1);
        for (double v : new double[] {0.5, 0.25, 1, 2}) {
            p.add(new double[] {v}, 0);
        }
        assertArrayEquals(new double[] {0.4375}, p.result()[0]); // np.percentile([0.25, 0.5, 1, 2], 25)
    }

    @Test
    void parseNamesAndDefaults() {
        assertEquals("p2.5", TemporalReducer.parse("P2.5").name());
        assertEquals("p90", TemporalReducer.parse("p90").name());
        assertEquals(
                List.of("slope", "intercept", "r2", "count"),
                TemporalReducer.parse("trend").bandNames());
        assertEquals(CellType.UINT16, TemporalReducer.parse("max").defaultCellType(CellType.UINT16));
        assertEquals(CellType.FLOAT32, TemporalReducer.parse("median").defaultCellType(CellType.UINT16));
        assertEquals(CellType.UINT16_RAW, TemporalReducer.parse("count").defaultCellType(CellType.FLOAT64));
        assertTrue(TemporalReducer.parse("p50").keepsEveryValue());
        assertTrue(!TemporalReducer.parse("mean").keepsEveryValue());
        for (String bad : List.of("p101", "p", "px", "mode", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemporalReducer.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void sceneDates() {
        Instant june = Instant.parse("2024-06-01T00:00:00Z");
        assertEquals(june, SceneDates.parse("2024-06-01"));
        assertEquals(june, SceneDates.parse("20240601"));
        assertEquals(Instant.parse("2024-06-01T10:20:30Z"), SceneDates.parse("2024:06:01 10:20:30"));
        assertEquals(Instant.parse("2024-06-01T10:20:30Z"), SceneDates.parse("20240601T102030"));
        assertEquals(Instant.parse("2024-06-01T08:20:30Z"), SceneDates.parse("2024-06-01T10:20:30+02:00"));
        assertThrows(IllegalArgumentException.class, () -> SceneDates.parse("2024-13-01"));
        assertEquals(
                Optional.of(june),
                SceneDates.fromName("s3://b/S2A_T33_20240601_L2A.tif", SceneDates.DEFAULT_NAME_PATTERN));
        assertEquals(Optional.empty(), SceneDates.fromName("/x/123456789.tif", SceneDates.DEFAULT_NAME_PATTERN));
        assertEquals(
                Optional.of(june), SceneDates.fromName("a_2024-06-01_7.tif", Pattern.compile("_(?<date>[\\d-]{10})_")));
        Map<String, Instant> t = SceneDates.parseTable(
                List.of("path,time", "# c", "", "a.tif,2024-06-01", "\"dir/b.tif\",2024-06-02T12:00:00"), "dates.csv");
        assertEquals(Optional.of(june), SceneDates.lookup(t, "/data/a.tif"));
        assertEquals(Optional.of(Instant.parse("2024-06-02T12:00:00Z")), SceneDates.lookup(t, "/data/dir/b.tif"));
        assertEquals(1.5, SceneDates.days(Instant.parse("2024-06-02T12:00:00Z"), june));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SceneDates.parseTable(List.of("a.tif,2024-06-01", "b.tif,June"), "dates.csv"));
        assertTrue(e.getMessage().startsWith("dates.csv line 2"), e.getMessage());
    }
}
