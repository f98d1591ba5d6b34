package io.rastermill.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Selection against a sort: every rank of seeded prefixes with many ties, and the partition it leaves. */
class OrderStatisticsTest {

    @Test
    void selectGivesTheSortedRankAndPartitions() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 1; n < 60; n++) {
            double[] a = rnd.ints(n, 0, 6).asDoubleStream().toArray();
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                double[] b = Arrays.copyOf(a, n + 3); // a longer buffer: only the prefix counts
                assertEquals(sorted[k], OrderStatistics.select(b, n, k), "n " + n + ", k " + k);
                assertEquals(sorted[k], b[k]);
                for (int i = 0; i < n; i++) {
                    assertTrue(i < k ? b[i] <= b[k] : b[i] >= b[k], "n " + n + ", k " + k + ", i " + i);
                }
                if (k + 1 < n) {
                    assertEquals(sorted[k + 1], OrderStatistics.min(b, k + 1, n));
                }
            }
        }
    }

    /** The int selection, also with values whose differences overflow an int (the partition steps compute them). */
    @Test
    void intSelectGivesTheSortedRankAndPartitions() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 1; n < 60; n++) {
            int[] a = n % 3 == 0
                    ? rnd.ints(n)
                            .map(v -> v % 3 == 0 ? Integer.MIN_VALUE : v % 3 == 1 ? Integer.MAX_VALUE : v)
                            .toArray()
                    : rnd.ints(n, 0, 6).toArray();
            int[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                int[] b = Arrays.copyOf(a, n + 3);
                assertEquals(sorted[k], OrderStatistics.select(b, n, k), "n " + n + ", k " + k);
                assertEquals(sorted[k], b[k]);
                for (int i = 0; i < n; i++) {
                    assertTrue(i < k ? b[i] <= b[k] : b[i] >= b[k], "n " + n + ", k " + k + ", i " + i);
                }
                int[] rest = Arrays.copyOf(b, n);
                Arrays.sort(rest);
                assertArrayEquals(sorted, rest, "a permutation of the prefix");
                if (k + 1 < n) {
                    assertEquals(sorted[k + 1], OrderStatistics.min(b, k + 1, n));
                }
            }
        }
    }

    @Test
    void handPicked() {
        double[] a = {5, 1, 4, 1, 3};
        assertEquals(3, OrderStatistics.select(a.clone(), 5, 2));
        assertEquals(1, OrderStatistics.select(a.clone(), 5, 1));
        assertEquals(5, OrderStatistics.select(a.clone(), 5, 4));
        assertEquals(4, OrderStatistics.select(a.clone(), 4, 2)); // prefix 5, 1, 4, 1 sorted: 1, 1, 4, 5
        assertEquals(5, OrderStatistics.select(a.clone(), 4, 3));
        int[] b = {5, 1, 4, 1, 3};
        assertEquals(3, OrderStatistics.select(b.clone(), 5, 2));
        assertEquals(1, OrderStatistics.select(b.clone(), 5, 1));
        assertEquals(4, OrderStatistics.select(b.clone(), 4, 2));
        assertEquals(-2, OrderStatistics.select(new int[] {Integer.MAX_VALUE, -2, Integer.MIN_VALUE}, 3, 1));
    }
}
