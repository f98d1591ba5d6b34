package io.rastermill.core.hydro;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * The driver's half of flat resolution: one shortest-path search over the nodes of every tile's
 * {@link FlowDirections.FlatSummary} (the gates of flats that cross a tile border, and every cell of
 * the few components sent cell by cell), from each node's in-tile distance to its flat's low edge,
 * along unit edges between 8-neighbouring nodes and along the portal tables' in-tile distances
 * between the gates of one component ({@link FlatPortals}). That gives every gate its exact
 * 8-connected distance over the whole flat; tiles get back the distances of their gates and finish
 * the rest themselves. Memory grows with the gates (the tile perimeters) and the tables, plus the
 * cells of components sent cell by cell.
 */
public final class FlatGraph {
    private FlatGraph() {}

    /** Per tile id, the distance of each perimeter cell that is a node (-1 elsewhere); null for absent tiles. */
    public static int[][] solve(TileGrid grid, FlowDirections.FlatSummary[] tiles) {
        int n = grid.tileCount();
        int[] offset = new int[n + 1];
        for (int t = 0; t < n; t++) {
            offset[t + 1] = offset[t] + (tiles[t] == null ? 0 : tiles[t].nodes().length);
        }
        int nodes = offset[n];
        int[] dist = new int[nodes];
        Arrays.fill(dist, FlowDirections.FAR);
        CellHeap heap = new CellHeap(16);
        for (int t = 0; t < n; t++) {
            for (int i = offset[t]; i < offset[t + 1]; i++) {
                int d = tiles[t].start()[i - offset[t]];
                if (d < FlowDirections.FAR) {
                    dist[i] = d;
                    heap.push(d, i);
                }
            }
        }
        // Per tile, where each row's nodes start in its sorted node list (a neighbour is looked up within one row),
        // and its gates in portal groups sorted by node with their member numbers.
        int[][] rowStart = new int[n][];
        long[][] memberOf = new long[n][];
        for (int t = 0; t < n; t++) {
            if (tiles[t] != null && tiles[t].nodes().length > 0) {
                rowStart[t] = rowStarts(tiles[t].nodes(), grid.width(t), grid.height(t));
                memberOf[t] = membersByNode(tiles[t].members());
            }
        }
        // Unit edges settle nodes in the order they are queued, so a FIFO serves them beside the heap.
        int[] fifo = new int[nodes];
        int head = 0;
        int tail = 0;
        BitSet done = new BitSet(nodes);
        while (head < tail || !heap.isEmpty()) {
            int u;
            // A node's first pop is at its final distance (a lower one pops first); later ones are stale.
            if (head < tail && (heap.isEmpty() || dist[fifo[head]] <= heap.topKey())) {
                u = fifo[head++];
            } else {
                u = heap.pop();
            }
            if (done.get(u)) {
                continue;
            }
            done.set(u);
            int t = tileOfNode(offset, u);
            int w = grid.width(t);
            int cell = tiles[t].nodes()[u - offset[t]];
            long x = grid.x0(t) + cell % w;
            long y = grid.y0(t) + cell / w;
            int du = dist[u];
            for (int k = 0; k < 8; k++) {
                long nx = x + D8.dx(k);
                long ny = y + D8.dy(k);
                if (!grid.inside(nx, ny)) {
                    continue;
                }
                int tv = grid.tileOf(nx, ny);
                if (rowStart[tv] == null) {
                    continue;
                }
                int row = (int) (ny - grid.y0(tv));
                int local = row * grid.width(tv) + (int) (nx - grid.x0(tv));
                int j = find(tiles[tv].nodes(), rowStart[tv][row], rowStart[tv][row + 1], local);
                if (j >= 0 && dist[offset[tv] + j] > du + 1) {
                    dist[offset[tv] + j] = du + 1;
                    fifo[tail++] = offset[tv] + j;
                }
            }
            int m = memberNumber(memberOf[t], u - offset[t]);
            if (m >= 0) {
                relaxTable(tiles[t], w, offset[t], m, cell, du, dist, heap);
            }
        }
        int[][] out = new int[n][];
        for (int t = 0; t < n; t++) {
            if (tiles[t] == null) {
                continue;
            }
            TilePerimeter per = grid.perimeter(t);
            int w = grid.width(t);
            out[t] = new int[per.size()];
            Arrays.fill(out[t], -1);
            int[] cells = tiles[t].nodes();
            for (int j = 0; j < cells.length; j++) {
                int c = cells[j];
                if (per.contains(c % w, c / w)) {
                    out[t][per.index(c % w, c / w)] = dist[offset[t] + j];
                }
            }
        }
        return out;
    }

    /** Relaxes the edges from gate {@code m} (member number) to the other gates of its group, by its table row. */
    private static void relaxTable(
            FlowDirections.FlatSummary s, int w, int base, int m, int cell, int du, int[] dist, CellHeap heap) {
        int group = groupOf(s.groupStart(), m);
        int first = s.groupStart()[group];
        int last = s.groupStart()[group + 1];
        byte[] rows = s.rows();
        int pos = s.rowStart()[m];
        int end = s.rowStart()[m + 1];
        int value = 0; // an empty row is all zeros
        int run = 0;
        for (int j = first; j < last; j++) {
            if (run == 0 && pos < end) {
                long r = readVarint(rows, pos);
                value = (int) r;
                r = readVarint(rows, (int) (r >>> 32));
                run = (int) r;
                pos = (int) (r >>> 32);
            }
            run--;
            int v = s.members()[j];
            int other = s.nodes()[v];
            int d = du + value + Math.max(Math.abs(cell % w - other % w), Math.abs(cell / w - other / w));
            if (dist[base + v] > d) {
                dist[base + v] = d;
                heap.push(d, base + v);
            }
        }
    }
    /** The graph's nodes: the gates of portal groups and the cells of components sent cell by cell. */
    public static long nodes(FlowDirections.FlatSummary[] tiles) {
        return Summaries.sum(tiles, s -> s.nodes().length);
    }

    /** The bytes of the summaries' arrays. */
    public static long bytes(FlowDirections.FlatSummary[] tiles) {
        return Summaries.sum(
                tiles,
                s -> 4L
                                * (s.nodes().length
                                        + s.start().length
                                        + s.groupStart().length
                                        + s.members().length
                                        + s.rowStart().length)
                        + s.rows().length);
    }

    /** How the nodes split between gates of portal tables and cells sent cell by cell, for the driver's log. */
    public static String describe(FlowDirections.FlatSummary[] tiles) {
        long gates = Summaries.sum(tiles, s -> s.members().length);
        long groups = Summaries.sum(tiles, FlowDirections.FlatSummary::groups);
        return String.format(
                Locale.ROOT,
                "%d gates in %d portal tables of %.1f MiB, %d nodes cell by cell",
                gates,
                groups,
                tableBytes(tiles) / (1024.0 * 1024.0),
                nodes(tiles) - gates);
    }

    /** The bytes of the portal tables alone. */
    public static long tableBytes(FlowDirections.FlatSummary[] tiles) {
        return Summaries.sum(tiles, s -> s.rows().length);
    }

    /**
     * The position of {@code cell} among {@code cells[from, to)} (sorted), or a negative number. A flat's
     * cells are mostly runs along the row, so the position the row's first cell implies is tried first.
     */
    private static int find(int[] cells, int from, int to, int cell) {
        if (from < to) {
            int guess = from + cell - cells[from];
            if (guess >= from && guess < to && cells[guess] == cell) {
                return guess;
            }
        }
        return Arrays.binarySearch(cells, from, to, cell);
    }

    /** Gate node positions sorted, each with its member number in the low half. */
    private static long[] membersByNode(int[] members) {
        long[] out = new long[members.length];
        for (int m = 0; m < members.length; m++) {
            out[m] = ((long) members[m] << 32) | m;
        }
        Arrays.sort(out);
        return out;
    }

    /** The member number of node position {@code node} in its tile, or -1 if it is not a gate of a portal group. */
    private static int memberNumber(long[] byNode, int node) {
        int lo = 0;
        int hi = byNode.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = (int) (byNode[mid] >>> 32);
            if (v < node) {
                lo = mid + 1;
            } else if (v > node) {
                hi = mid - 1;
            } else {
                return (int) byNode[mid];
            }
        }
        return -1;
    }

    /** The group whose members hold member number {@code m}. */
    private static int groupOf(int[] groupStart, int m) {
        int g = Arrays.binarySearch(groupStart, m);
        if (g >= 0) {
            while (groupStart[g + 1] == m) {
                g++;
            }
            return g;
        }
        return -g - 2;
    }

    private static int tileOfNode(int[] offset, int node) {
        int t = Arrays.binarySearch(offset, node);
        if (t >= 0) {
            while (offset[t + 1] == node) {
                t++;
            }
            return t;
        }
        return -t - 2;
    }

    /** The unsigned varint at {@code pos}: the position after it in the high half, the value in the low half. */
    private static long readVarint(byte[] in, int pos) {
        int v = 0;
        int shift = 0;
        byte b;
        do {
            b = in[pos++];
            v |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return ((long) pos << 32) | (v & 0xFFFFFFFFL);
    }

    /** For cells sorted by row-major index in a {@code w × h} tile, the position of each row's first cell (h + 1 entries). */
    private static int[] rowStarts(int[] cells, int w, int h) {
        int[] start = new int[h + 1];
        int j = 0;
        for (int row = 0; row <= h; row++) {
            long first = (long) row * w;
            while (j < cells.length && cells[j] < first) {
                j++;
            }
            start[row] = j;
        }
        return start;
    }

    /**
     * The distances of the ring of cells around tile {@code t} (by the perimeter of its
     * {@code (w+2) × (h+2)} frame), read from the neighbouring tiles' perimeter distances; -1 where
     * a ring cell is beyond the raster, in an absent tile or not on a crossing flat.
     */
    public static int[] ring(TileGrid grid, int t, int[][] perimeterDistances) {
        int w = grid.width(t);
        int h = grid.height(t);
        TilePerimeter ring = new TilePerimeter(w + 2, h + 2);
        int[] out = new int[ring.size()];
        for (int i = 0; i < out.length; i++) {
            int rc = ring.cell(i);
            long x = grid.x0(t) + rc % (w + 2) - 1;
            long y = grid.y0(t) + rc / (w + 2) - 1;
            out[i] = -1;
            if (grid.inside(x, y)) {
                int u = grid.tileOf(x, y);
                if (perimeterDistances[u] != null) {
                    out[i] = perimeterDistances[u][
                            grid.perimeter(u).index((int) (x - grid.x0(u)), (int) (y - grid.y0(u)))];
                }
            }
        }
        return out;
    }
}
