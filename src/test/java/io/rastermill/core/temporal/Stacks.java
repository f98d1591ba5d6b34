package io.rastermill.core.temporal;

import io.rastermill.core.cell.NoData;
import java.util.Arrays;

/** A stack of integer scenes ({@link NoData#INT} = no observation) reduced in either lane, for lane-equality tests. */
final class Stacks {
    private Stacks() {}

    /** The scenes added in the int lane. */
    static double[][] reduceInts(String reducer, int[][] stack) {
        TemporalAccumulator acc = TemporalReducer.parse(reducer).newAccumulator(stack[0].length);
        for (int[] s : stack) {
            acc.add(s, 0);
        }
        return acc.result();
    }

    /** The same scenes added in the double lane (NaN = no observation). */
    static double[][] reduceDoubles(String reducer, int[][] stack) {
        TemporalAccumulator acc = TemporalReducer.parse(reducer).newAccumulator(stack[0].length);
        for (int[] s : stack) {
            acc.add(
                    Arrays.stream(s)
                            .mapToDouble(v -> v == NoData.INT ? Double.NaN : v)
                            .toArray(),
                    0);
        }
        return acc.result();
    }
}
