package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * The driver's half of depression filling: a minimax (priority-flood) search from the outlets over
 * every tile's perimeter cells. Nodes are perimeter cells; edges are each tile's spill edges and the
 * 8-neighbour pairs of perimeter cells in adjacent tiles (weight: the higher of the two). A
 * perimeter cell on the raster border, next to NoData or next to a missing tile starts at its own
 * elevation. Memory grows with the number of perimeter cells, not with the raster's area.
 */
public final class FillGraph {
    private FillGraph() {
    }

    /**
     * The filled level of every perimeter cell, per tile id (NaN where NoData); {@code tiles[id]}
     * is null for a tile that is absent (all NoData).
     */
    public static double[][] solve(TileGrid grid, DepressionFill.Summary[] tiles) {
        int n = grid.tileCount();
        int[] offset = new int[n + 1];
        for (int t = 0; t < n; t++) {
            offset[t + 1] = offset[t] + (tiles[t] == null ? 0 : tiles[t].perimeterZ().length);
        }
        int nodes = offset[n];
        double[] level = new double[nodes];
        Arrays.fill(level, Double.POSITIVE_INFINITY);
        double[] z = new double[nodes];
        for (int t = 0; t < n; t++) {
            if (tiles[t] != null) {
                System.arraycopy(tiles[t].perimeterZ(), 0, z, offset[t], tiles[t].perimeterZ().length);
            }
        }
        // Adjacency in CSR form: count, then fill.
        int[] degree = new int[nodes + 1];
        NeighbourWalk walk = new NeighbourWalk(grid, tiles, offset);
        for (int t = 0; t < n; t++) {
            if (tiles[t] == null) {
                continue;
            }
            SpillEdges e = tiles[t].edges();
            int ocean = tiles[t].ocean();
            for (int i = 0; i < e.size(); i++) {
                if (e.a()[i] == ocean || e.b()[i] == ocean) {
                    int p = offset[t] + (e.a()[i] == ocean ? e.b()[i] : e.a()[i]);
                    level[p] = Math.min(level[p], e.weight()[i]);
                } else {
                    degree[offset[t] + e.a()[i]]++;
                    degree[offset[t] + e.b()[i]]++;
                }
            }
            walk.crossTile(t, (p, q) -> {
                if (q < 0) {
                    level[p] = Math.min(level[p], z[p]);
                } else {
                    degree[p]++;
                }
            });
        }
        int[] start = new int[nodes + 1];
        for (int i = 0; i < nodes; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] to = new int[start[nodes]];
        double[] weight = new double[start[nodes]];
        for (int t = 0; t < n; t++) {
            if (tiles[t] == null) {
                continue;
            }
            SpillEdges e = tiles[t].edges();
            int ocean = tiles[t].ocean();
            for (int i = 0; i < e.size(); i++) {
                if (e.a()[i] != ocean && e.b()[i] != ocean) {
                    int a = offset[t] + e.a()[i];
                    int b = offset[t] + e.b()[i];
                    to[fill[a]] = b;
                    weight[fill[a]++] = e.weight()[i];
                    to[fill[b]] = a;
                    weight[fill[b]++] = e.weight()[i];
                }
            }
            walk.crossTile(t, (p, q) -> {
                if (q >= 0) {
                    to[fill[p]] = q;
                    weight[fill[p]++] = Math.max(z[p], z[q]);
                }
            });
        }
        CellHeap heap = new CellHeap(1024);
        for (int i = 0; i < nodes; i++) {
            if (level[i] < Double.POSITIVE_INFINITY) {
                heap.push(level[i], i);
            }
        }
        while (!heap.isEmpty()) {
            double key = heap.topKey();
            int u = heap.pop();
            if (key > level[u]) {
                continue;
            }
            for (int j = start[u]; j < start[u + 1]; j++) {
                int v = to[j];
                double cand = Math.max(key, weight[j]);
                if (cand < level[v]) {
                    level[v] = cand;
                    heap.push(cand, v);
                }
            }
        }
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) {
            if (tiles[t] != null) {
                out[t] = Arrays.copyOfRange(level, offset[t], offset[t + 1]);
                for (int i = 0; i < out[t].length; i++) {
                    if (Double.isNaN(z[offset[t] + i])) {
                        out[t][i] = Double.NaN;
                    }
                }
            }
        }
        return out;
    }
}
