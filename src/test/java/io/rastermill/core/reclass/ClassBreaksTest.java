package io.rastermill.core.reclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.Summaries;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

/** Class breaks on small hand-computed data (the fixtures' breaks are compared with NumPy in ReclassCommandTest). */
class ClassBreaksTest {

    @Test
    void quantileBreaksAreNearestRankPercentiles() {
        // 1..10 with NoData: np.quantile(x, [.25, .5, .75], method="inverted_cdf") = 3, 5, 8
        Tile t = Tiles.ofInts(CellType.INT32, 11, 1, 1, 2, 3, 4, 5, Integer.MIN_VALUE, 6, 7, 8, 9, 10);
        assertArrayEquals(new double[] {3, 5, 8}, ClassBreaks.quantile(Summaries.histogram(t), 4));
        Tile f = Tiles.ofFloats(CellType.FLOAT32, 4, 1, 0f, 1f, 2f, 3f);
        DoubleHistogram h = Summaries.doubleHistogram(1 << 12, f);
        double[] b = ClassBreaks.quantile(h, 2);
        assertEquals(1, b[0], h.errorBound());
    }

    @Test
    void equalIntervalsSplitTheRange() {
        assertArrayEquals(new double[] {2.5, 5, 7.5}, ClassBreaks.equalInterval(0, 10, 4));
        assertThrows(IllegalArgumentException.class, () -> ClassBreaks.equalInterval(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassBreaks.equalInterval(Double.NaN, Double.NaN, 3));
    }
}
