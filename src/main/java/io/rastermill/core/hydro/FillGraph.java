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
    private FillGraph() {}

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
        // Adjacency in CSR form: count, then fill, over the same enumeration of directed edges.
        int[] degree = new int[nodes + 1];
        NeighbourWalk walk = new NeighbourWalk(grid, tiles, offset);
        edges(tiles, offset, z, walk, new EdgeSink() {
            @Override
            public void edge(int from, int to, double weight) {
                degree[from]++;
            }

            @Override
            public void outlet(int node, double weight) {
                level[node] = Math.min(level[node], weight);
            }
        });
        int[] start = new int[nodes + 1];
        for (int i = 0; i < nodes; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] to = new int[start[nodes]];
        double[] weight = new double[start[nodes]];
        edges(tiles, offset, z, walk, new EdgeSink() {
            @Override
            public void edge(int from, int target, double w) {
                to[fill[from]] = target;
                weight[fill[from]++] = w;
            }

            @Override
            public void outlet(int node, double w) {}
        });
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

    /** The graph's nodes: every valid or NoData perimeter cell of every present tile. */
    public static long nodes(DepressionFill.Summary[] tiles) {
        return Summaries.sum(tiles, s -> s.perimeterZ().length);
    }

    /** The bytes of the summaries' arrays (elevations 8 a node, spill edges 16 an edge). */
    public static long bytes(DepressionFill.Summary[] tiles) {
        return Summaries.sum(
                tiles, s -> 8L * s.perimeterZ().length + 16L * s.edges().size());
    }

    /** Receives the directed edges of the graph, and each node's connections to the outlets. */
    private interface EdgeSink {
        void edge(int from, int to, double weight);

        void outlet(int node, double weight);
    }

    /** Every tile's spill edges (both directions) and the edges to neighbouring tiles' perimeter cells. */
    private static void edges(
            DepressionFill.Summary[] tiles, int[] offset, double[] z, NeighbourWalk walk, EdgeSink sink) {
        for (int t = 0; t < tiles.length; t++) {
            if (tiles[t] == null) {
                continue;
            }
            SpillEdges e = tiles[t].edges();
            int ocean = tiles[t].ocean();
            for (int i = 0; i < e.size(); i++) {
                int a = e.a()[i];
                int b = e.b()[i];
                if (a == ocean || b == ocean) {
                    sink.outlet(offset[t] + (a == ocean ? b : a), e.weight()[i]);
                } else {
                    sink.edge(offset[t] + a, offset[t] + b, e.weight()[i]);
                    sink.edge(offset[t] + b, offset[t] + a, e.weight()[i]);
                }
            }
            walk.crossTile(t, (p, q) -> {
                if (q < 0) {
                    sink.outlet(p, z[p]);
                } else {
                    sink.edge(p, q, Math.max(z[p], z[q]));
                }
            });
        }
    }
}
