package io.rastermill.core.temporal;

import static io.rastermill.core.temporal.Stacks.reduceDoubles;
import static io.rastermill.core.temporal.Stacks.reduceInts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.rastermill.core.cell.NoData;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The int lane of the order statistics (UInt16 scenes kept as chars, a selection instead of a sort) against the
 * double lane, which {@code TemporalReducerTest} checks against numpy: the same bits for every cell.
 */
class ValueStackTest {
    private static final int I = NoData.INT;
    private static final double N = Double.NaN;
    private static final String[] REDUCERS = {"median", "p0", "p2.5", "p10", "p50", "p90", "p100"};

    /** Four scenes × three cells as in TemporalReducerTest, in the int lane: the same hand-computed values. */
    @Test
    void handStackInTheIntLane() {
        int[][] scenes = {{4, 10, I}, {1, I, I}, {3, 20, I}, {2, I, I}};
        assertArrayEquals(new double[] {2.5, 15, N}, reduceInts("median", scenes)[0]);
        assertArrayEquals(new double[] {3.7, 19, N}, reduceInts("p90", scenes)[0], 1e-12);
        assertArrayEquals(new double[] {1, 10, N}, reduceInts("p0", scenes)[0]);
    }

    /** Random UInt16 stacks with NoData, repeated values and 0: every percentile equal to the double lane's. */
    @Test
    void intLaneEqualsDoubleLaneToTheBit() {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int trial = 0; trial < 20; trial++) {
            int scenes = 1 + rnd.nextInt(40); // past 32, where the double lane switches to the library sort
            int cells = 1 + rnd.nextInt(800); // one to four of charResult's runs of 256 cells, the last partial
            int range = trial % 2 == 0 ? 5 : 65535; // few distinct values: many ties for the selection
            int[][] stack = new int[scenes][cells];
            for (int[] s : stack) {
                for (int i = 0; i < cells; i++) {
                    s[i] = rnd.nextInt(5) == 0 ? I : rnd.nextInt(range);
                }
            }
            for (String r : REDUCERS) {
                assertArrayEquals(reduceDoubles(r, stack)[0], reduceInts(r, stack)[0], r + ", trial " + trial);
            }
        }
    }

    /** 65535 (or a negative value) does not fit a char: that scene and the ones before are widened, values exact. */
    @Test
    void valuesBeyondCharsAndDoublesWidenTheStack() {
        int[][] stack = {{1, 65534, I}, {65535, 3, I}, {-7, 2, 9}};
        assertArrayEquals(new double[] {1, 3, 9}, reduceInts("median", stack)[0]);
        TemporalAccumulator acc = TemporalReducer.parse("median").newAccumulator(2);
        acc.add(new int[] {10, 20}, 0);
        acc.add(new double[] {10.5, N}, 1); // needs a float: the chars kept so far become floats
        acc.add(new int[] {11, I}, 2);
        acc.add(new double[] {0.1, 1e300}, 3); // needs a double
        assertArrayEquals(new double[] {10.25, (20 + 1e300) / 2}, acc.result()[0]);
    }

    /** -1 is a value (its + 1 would read as no observation) and 65535 does not fit: both widen, exactly. */
    @Test
    void minusOneAndCharMaxAreValues() {
        assertArrayEquals(new double[] {-1, 65535}, reduceInts("p0", new int[][] {{-1, 65535}, {I, I}})[0]);
        assertArrayEquals(new double[] {0, 65534.5}, reduceInts("median", new int[][] {{-1, 65535}, {1, 65534}})[0]);
    }

    /**
     * Cleared and reused for another tile (as a task reduces its tiles), an accumulator gives what a new one gives:
     * nothing of the previous tile's scenes remains, in any lane or reducer.
     */
    @Test
    void clearedAccumulatorEqualsANewOne() {
        SplittableRandom rnd = new SplittableRandom(26);
        for (String r : new String[] {"median", "p90", "mean", "min", "max", "count", "first", "last", "trend"}) {
            TemporalAccumulator reused = TemporalReducer.parse(r).newAccumulator(50);
            for (int tile = 0; tile < 4; tile++) {
                int scenes = 1 + rnd.nextInt(12);
                TemporalAccumulator fresh = TemporalReducer.parse(r).newAccumulator(50);
                reused.clear();
                for (int s = 0; s < scenes; s++) {
                    int[] v =
                            rnd.ints(50, -1, 70000).map(x -> x % 4 == 0 ? I : x).toArray();
                    if (tile != 2) { // tile 2: UInt16 values only, the char form
                        v = Arrays.stream(v).map(x -> x == I ? I : x % 65535).toArray();
                    }
                    fresh.add(v, s);
                    reused.add(v, s);
                }
                for (int b = 0; b < fresh.result().length; b++) {
                    assertArrayEquals(fresh.result()[b], reused.result()[b], r + ", tile " + tile + ", band " + b);
                }
            }
        }
    }
}
