package io.rastermill.core.temporal;

import static io.rastermill.core.temporal.Stacks.reduceDoubles;
import static io.rastermill.core.temporal.Stacks.reduceInts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.rastermill.core.cell.NoData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mean, min, max and count of integer scenes in the int lane: hand-computed cells, the same bits as the double lane
 * (which {@code TemporalReducerTest} checks by hand), and series that switch lanes midway.
 */
class RunningStatisticTest {
    private static final int I = NoData.INT;
    private static final double N = Double.NaN;
    private static final String[] REDUCERS = {"mean", "min", "max", "count"};

    /**
     * Four scenes × four cells. Cell 0: 4, 1, 3, 2; cell 1: 10, 20; cell 2: none; cell 3: Int32's extremes,
     * whose sum needs more than an int: (2147483647 + (-2147483647) + 2147483647) / 3 = 715827882.333…
     */
    @Test
    void handStackInTheIntLane() {
        int max = Integer.MAX_VALUE;
        int[][] scenes = {{4, 10, I, max}, {1, I, I, -max}, {3, 20, I, max}, {2, I, I, I}};
        assertArrayEquals(new double[] {2.5, 15, N, 2147483647.0 / 3}, reduceInts("mean", scenes)[0]);
        assertArrayEquals(new double[] {1, 10, N, -max}, reduceInts("min", scenes)[0]);
        assertArrayEquals(new double[] {4, 20, N, max}, reduceInts("max", scenes)[0]);
        assertArrayEquals(new double[] {4, 2, 0, 3}, reduceInts("count", scenes)[0]);
    }

    /** Random Int32 and UInt16 stacks with NoData: every reducer gives the double lane's bits. */
    @Test
    void intLaneEqualsDoubleLaneToTheBit() {
        SplittableRandom rnd = new SplittableRandom(182);
        for (int trial = 0; trial < 20; trial++) {
            int[][] stack = new int[1 + rnd.nextInt(30)][100];
            for (int[] s : stack) {
                for (int i = 0; i < s.length; i++) {
                    s[i] = rnd.nextInt(4) == 0 ? I : trial % 2 == 0 ? rnd.nextInt(65536) : rnd.nextInt() | 1;
                }
            }
            for (String r : REDUCERS) {
                assertArrayEquals(reduceDoubles(r, stack)[0], reduceInts(r, stack)[0], r + ", trial " + trial);
            }
        }
    }

    /**
     * Int scenes, then a double scene (the state moves to the double lane), then int scenes again; and after
     * {@code clear()} back in the int lane: cell 0 sees 5, 2.5, 7; cell 1 only 8 (from the double scene on).
     */
    @Test
    void lanesMixInOneSeries() {
        for (boolean cleared : new boolean[] {false, true}) {
            TemporalAccumulator[] acc = new TemporalAccumulator[REDUCERS.length];
            for (int r = 0; r < acc.length; r++) {
                acc[r] = TemporalReducer.parse(REDUCERS[r]).newAccumulator(2);
                if (cleared) {
                    acc[r].add(new double[] {100, 100}, 0);
                    acc[r].clear();
                }
                acc[r].add(new int[] {5, I}, 0);
                acc[r].add(new double[] {2.5, N}, 1);
                acc[r].add(new int[] {7, 8}, 2);
            }
            assertArrayEquals(new double[] {14.5 / 3, 8}, acc[0].result()[0]);
            assertArrayEquals(new double[] {2.5, 8}, acc[1].result()[0]);
            assertArrayEquals(new double[] {7, 8}, acc[2].result()[0]);
            assertArrayEquals(new double[] {3, 1}, acc[3].result()[0]);
        }
    }
}
