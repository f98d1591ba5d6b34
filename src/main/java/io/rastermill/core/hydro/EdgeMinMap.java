package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * Undirected edges between small int labels with the smallest weight seen for each pair: an
 * open-addressing hash on primitive arrays, for the per-tile spill graphs.
 */
final class EdgeMinMap {
    private static final long EMPTY = -1L;
    private long[] keys;
    private double[] weights;
    private int size;

    EdgeMinMap(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity * 2) - 1) << 1;
        keys = new long[n];
        Arrays.fill(keys, EMPTY);
        weights = new double[n];
    }

    void offer(int a, int b, double w) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = key;
            weights[i] = w;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else if (w < weights[i]) {
            weights[i] = w;
        }
    }

    private static long mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return k ^ (k >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldWeights = weights;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        weights = new double[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                offer((int) (oldKeys[i] >>> 32), (int) oldKeys[i], oldWeights[i]);
            }
        }
    }

    /** The edges as three parallel arrays {a, b} and weights, in no particular order. */
    SpillEdges toEdges() {
        int[] a = new int[size];
        int[] b = new int[size];
        double[] w = new double[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                a[n] = (int) (keys[i] >>> 32);
                b[n] = (int) keys[i];
                w[n] = weights[i];
                n++;
            }
        }
        return new SpillEdges(a, b, w);
    }
}
