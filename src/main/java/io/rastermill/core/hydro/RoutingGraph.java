package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * The driver's half of flow accumulation and labelling: the perimeter cells of all tiles, each
 * linked to the next perimeter cell its flow reaches (or to an outlet), form a forest; walking it
 * upstream-first gives the flow each perimeter cell receives from other tiles, and walking it
 * downstream-first gives each its outlet's label. Memory grows with the number of perimeter cells.
 */
public final class RoutingGraph {
    private RoutingGraph() {}

    /** Per tile id, the flow entering each perimeter cell from other tiles, and each perimeter cell's label. */
    public record Result(double[][] inflow, long[][] label) {}

    /** The graph's nodes: every perimeter cell of every present tile. */
    public static long nodes(FlowRouting.Summary[] tiles) {
        return Summaries.sum(tiles, s -> s.kind().length);
    }

    /** The bytes of the summaries' arrays (25 a node: accumulation, weight, kind, link). */
    public static long bytes(FlowRouting.Summary[] tiles) {
        return 25 * nodes(tiles);
    }

    public static Result solve(TileGrid grid, FlowRouting.Summary[] tiles) {
        int n = grid.tileCount();
        int[] offset = new int[n + 1];
        for (int t = 0; t < n; t++) {
            offset[t + 1] = offset[t] + (tiles[t] == null ? 0 : tiles[t].kind().length);
        }
        int nodes = offset[n];
        int[] next = new int[nodes];
        boolean[] cross = new boolean[nodes];
        int[] indegree = new int[nodes];
        for (int t = 0; t < n; t++) {
            if (tiles[t] == null) {
                continue;
            }
            TilePerimeter per = grid.perimeter(t);
            int w = grid.width(t);
            FlowRouting.Summary s = tiles[t];
            for (int i = 0; i < s.kind().length; i++) {
                int u = offset[t] + i;
                next[u] = -1;
                if (s.kind()[i] == FlowRouting.SAME_TILE) {
                    next[u] = offset[t] + (int) s.value()[i];
                } else if (s.kind()[i] == FlowRouting.CROSS) {
                    int c = per.cell(i);
                    int k = (int) s.value()[i];
                    long x = grid.x0(t) + c % w + D8.dx(k);
                    long y = grid.y0(t) + c / w + D8.dy(k);
                    int v = grid.tileOf(x, y);
                    if (tiles[v] == null) {
                        throw new IllegalStateException("flow from tile " + t + " enters absent tile " + v);
                    }
                    next[u] = offset[v] + grid.perimeter(v).index((int) (x - grid.x0(v)), (int) (y - grid.y0(v)));
                    cross[u] = true;
                }
                if (next[u] >= 0) {
                    indegree[next[u]]++;
                }
            }
        }
        int[] order = new int[nodes];
        int[] tileOf = new int[nodes];
        int tail = 0;
        for (int t = 0; t < n; t++) {
            for (int u = offset[t]; u < offset[t + 1]; u++) {
                tileOf[u] = t;
                if (indegree[u] == 0) {
                    order[tail++] = u;
                }
            }
        }
        double[] extra = new double[nodes];
        double[] inflow = new double[nodes];
        for (int head = 0; head < tail; head++) {
            int u = order[head];
            int v = next[u];
            if (v < 0) {
                continue;
            }
            int t = tileOf[u];
            int i = u - offset[t];
            if (cross[u]) {
                double passed = tiles[t].accumulation()[i] + extra[u] + tiles[t].weight()[i];
                inflow[v] += passed;
                extra[v] += passed;
            } else {
                extra[v] += extra[u];
            }
            if (--indegree[v] == 0) {
                order[tail++] = v;
            }
        }
        if (tail < nodes) {
            throw new IllegalArgumentException("flow directions form a cycle across tiles");
        }
        long[] label = new long[nodes];
        for (int j = nodes - 1; j >= 0; j--) {
            int u = order[j];
            int t = tileOf[u];
            int i = u - offset[t];
            byte kind = tiles[t].kind()[i];
            label[u] = kind == FlowRouting.OUTLET ? tiles[t].value()[i] : next[u] >= 0 ? label[next[u]] : 0;
        }
        double[][] inflowOut = new double[n][];
        long[][] labelOut = new long[n][];
        for (int t = 0; t < n; t++) {
            if (tiles[t] != null) {
                inflowOut[t] = Arrays.copyOfRange(inflow, offset[t], offset[t + 1]);
                labelOut[t] = Arrays.copyOfRange(label, offset[t], offset[t + 1]);
            }
        }
        return new Result(inflowOut, labelOut);
    }
}
