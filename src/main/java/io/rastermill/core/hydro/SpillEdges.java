package io.rastermill.core.hydro;

import java.io.Serializable;

/** Undirected weighted edges between labels, as parallel arrays. */
public record SpillEdges(int[] a, int[] b, double[] weight) implements Serializable {
    public int size() {
        return a.length;
    }
}
