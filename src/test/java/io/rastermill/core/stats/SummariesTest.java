package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The façade, and one generic driver that runs any {@link MergeableAccumulator} the way Spark's
 * {@code treeAggregate} does (zero shipped serialized to every partition, seqOp = add, combOp = merge
 * level by level, partial results serialized between levels) without knowing which accumulator it runs.
 */
class SummariesTest {
    private static final long SEED = 4242L;

    /** Spark's treeAggregate, in miniature. */
    static <A extends MergeableAccumulator<A, R>, R> R treeAggregate(A zero, List<List<Tile>> partitions, int fanIn) {
        List<A> level = new ArrayList<>();
        for (List<Tile> partition : partitions) {
            A acc = AccumulatorLaws.roundTrip(zero);
            for (Tile t : partition) {
                acc.add(t);
            }
            level.add(AccumulatorLaws.roundTrip(acc));
        }
        while (level.size() > 1) {
            List<A> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += fanIn) {
                A acc = AccumulatorLaws.roundTrip(zero);
                for (int j = i; j < Math.min(level.size(), i + fanIn); j++) {
                    acc.merge(level.get(j));
                }
                next.add(AccumulatorLaws.roundTrip(acc));
            }
            level = next;
        }
        return level.isEmpty() ? zero.zero().finish() : level.get(0).finish();
    }

    @Test
    void oneGenericDriverLiftsEveryAccumulator() {
        Random rnd = new Random(SEED);
        for (int c = 0; c < 200; c++) {
            List<List<Tile>> partitions = new ArrayList<>();
            List<Tile> all = new ArrayList<>();
            int parts = 1 + rnd.nextInt(9);
            for (int p = 0; p < parts; p++) {
                List<Tile> tiles = StatTiles.tiles(rnd, 5, 10);
                partitions.add(tiles);
                all.addAll(tiles);
            }
            Tile[] tiles = all.toArray(Tile[]::new);
            int fanIn = 2 + rnd.nextInt(3);
            String where = "case " + c + " seed " + SEED;

            Statistics s = treeAggregate(new CellStatistics(), partitions, fanIn);
            Statistics expected = Summaries.statistics(tiles);
            assertEquals(expected.dataCells(), s.dataCells(), where);
            assertEquals(expected.noDataCells(), s.noDataCells(), where);
            assertEquals(expected.min(), s.min(), 0.0, where);
            assertEquals(expected.max(), s.max(), 0.0, where);
            CellStatisticsTest.assertClose(expected.mean(), s.mean(), 1e-12, where + " mean");
            CellStatisticsTest.assertClose(expected.stddev(), s.stddev(), 1e-12, where + " stddev");

            assertEquals(Summaries.histogram(tiles), treeAggregate(new IntHistogram(), partitions, fanIn), where);

            DoubleHistogram dh = treeAggregate(DoubleHistogram.over(expected, 100), partitions, fanIn);
            assertEquals(Summaries.doubleHistogram(100, tiles), dh, where);
            assertEquals(Summaries.reduce(DoubleHistogram.over(expected, 100), all), dh, where);
        }
    }

    @Test
    void shortcutsOnNoTiles() {
        assertEquals(0, Summaries.statistics().dataCells());
        assertEquals(0, Summaries.histogram().totalCount());
        assertEquals(0, Summaries.doubleHistogram(10).totalCount());
        assertArrayEquals(new int[0], Summaries.histogram().quantileBreaks(3));
    }
}
