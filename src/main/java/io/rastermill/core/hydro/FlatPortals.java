package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * The tile's half of flat resolution across tiles: each flat component of the tile that crosses its
 * border is reduced to its <em>gates</em> (perimeter cells with a flat neighbour in another tile), each
 * gate's in-tile distance to the flat's low edge, and the in-tile geodesic distances between the gates
 * (a portal table). A path over the flat from its low edge to any cell enters and leaves a tile only
 * through gates, so the driver's shortest paths over gates, tables and the unit edges between tiles are
 * the exact global distances ({@link FlatGraph}).
 *
 * <p>The table stores, per gate, the row of {@code geodesic - Chebyshev} distances to every gate of its
 * component, run-length encoded (a row of zeros is empty): where the component holds the bounding box of
 * its gates the geodesic distance is the Chebyshev distance and no row is computed at all. Computing rows
 * costs one breadth-first search per gate over the component ({@code gates × cells}); a component whose
 * cost exceeds the budget, or whose table would outweigh its cells, is sent cell by cell instead
 * ({@link FlowDirections.FlatSummary#portal} tells which), and the driver searches those cells as before.
 */
final class FlatPortals {
    /** Default bound on {@code gates × cells} of one component's breadth-first searches. */
    static final long DEFAULT_BUDGET = 1L << 27;
    /** Summary bytes a component sent cell by cell costs per cell (its index and its start distance). */
    private static final int CELL_BYTES = 8;

    private final int w;
    private final int h;
    private final int[] comp;
    private final boolean[] seed;
    private final boolean[] gate;
    private final long budget;
    private final int[] dist;
    private final int[] stamp;
    private int generation;
    private final int[] queue;

    private final IntList nodes = new IntList();
    private final IntList start = new IntList();
    private final IntList groupStart = new IntList();
    private final IntList members = new IntList();
    private final IntList rowStart = new IntList();
    private final ByteList rows = new ByteList();

    /**
     * @param comp per cell of the {@code w × h} tile, its crossing component (1..) or 0
     * @param seed per cell, whether it touches a draining cell of its height
     * @param gate per cell, whether it is a perimeter cell with a flat neighbour in another tile
     */
    private FlatPortals(int w, int h, int[] comp, boolean[] seed, boolean[] gate, long budget) {
        this.w = w;
        this.h = h;
        this.comp = comp;
        this.seed = seed;
        this.gate = gate;
        this.budget = budget;
        this.dist = new int[w * h];
        this.stamp = new int[w * h];
        this.queue = new int[w * h];
    }

    /** The summary of components {@code 1..count} whose cells are listed by component in {@code cells} from {@code cellStart}. */
    static FlowDirections.FlatSummary summarize(int w, int h, int[] comp, boolean[] seed, boolean[] gate, int[] cells,
                                                int[] cellStart, int count, long budget) {
        FlatPortals p = new FlatPortals(w, h, comp, seed, gate, budget);
        for (int k = 0; k < count; k++) {
            p.component(k + 1, cells, cellStart[k], cellStart[k + 1]);
        }
        return p.build();
    }

    private void component(int id, int[] cells, int from, int to) {
        int area = to - from;
        // In-tile distances from the flat's low edge (1 next to a drain), for every cell of the component.
        int g0 = ++generation;
        int tail = 0;
        for (int i = from; i < to; i++) {
            if (seed[cells[i]]) {
                dist[cells[i]] = 1;
                stamp[cells[i]] = g0;
                queue[tail++] = cells[i];
            }
        }
        bfs(id, g0, tail);
        int[] gates = gatesInRingOrder(cells, from, to);
        long cost = (long) gates.length * area;
        if (cost > budget) {
            cellByCell(cells, from, to, g0);
            return;
        }
        int[] inTile = new int[gates.length];
        for (int i = 0; i < gates.length; i++) {
            inTile[i] = stamp[gates[i]] == g0 ? dist[gates[i]] : FlowDirections.FAR;
        }
        ByteList table = new ByteList();
        int[] rowEnd = new int[gates.length];
        if (!holdsGateBox(id, gates)) {
            int[] row = new int[gates.length];
            for (int i = 0; i < gates.length; i++) {
                int g = ++generation;
                dist[gates[i]] = 0;
                stamp[gates[i]] = g;
                queue[0] = gates[i];
                bfs(id, g, 1);
                for (int j = 0; j < gates.length; j++) {
                    row[j] = dist[gates[j]] - chebyshev(gates[i], gates[j]);
                }
                encodeRow(row, table);
                rowEnd[i] = table.size;
            }
            if (table.size > (long) CELL_BYTES * area) {
                cellByCell(cells, from, to, g0);
                return;
            }
        }
        groupStart.add(members.size);
        for (int i = 0; i < gates.length; i++) {
            members.add(nodes.size);
            nodes.add(gates[i]);
            start.add(inTile[i]);
            rowStart.add(rows.size);
            rows.addAll(table, i == 0 ? 0 : rowEnd[i - 1], rowEnd[i]);
        }
    }

    /** Sends every cell of the component, with its in-tile distance from the low edge (generation {@code g0}). */
    private void cellByCell(int[] cells, int from, int to, int g0) {
        for (int i = from; i < to; i++) {
            nodes.add(cells[i]);
            start.add(stamp[cells[i]] == g0 ? dist[cells[i]] : FlowDirections.FAR);
        }
    }

    /** Breadth-first search over component {@code id} from the {@code tail} cells queued with generation {@code g}. */
    private void bfs(int id, int g, int tail) {
        int head = 0;
        while (head < tail) {
            int u = queue[head++];
            int ux = u % w;
            int uy = u / w;
            int du = dist[u] + 1;
            for (int k = 0; k < 8; k++) {
                int nx = ux + D8.dx(k);
                int ny = uy + D8.dy(k);
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    int n = ny * w + nx;
                    if (comp[n] == id && stamp[n] != g) {
                        stamp[n] = g;
                        dist[n] = du;
                        queue[tail++] = n;
                    }
                }
            }
        }
    }

    /**
     * Whether the component holds every cell of its gates' bounding box: then a Chebyshev path between two
     * gates (which stays in their own box) lies on the component, and the geodesic distance is Chebyshev's.
     */
    private boolean holdsGateBox(int id, int[] gates) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int c : gates) {
            x0 = Math.min(x0, c % w);
            x1 = Math.max(x1, c % w);
            y0 = Math.min(y0, c / w);
            y1 = Math.max(y1, c / w);
        }
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (comp[y * w + x] != id) {
                    return false;
                }
            }
        }
        return true;
    }

    private int chebyshev(int a, int b) {
        return Math.max(Math.abs(a % w - b % w), Math.abs(a / w - b / w));
    }

    /** The component's gates, clockwise from the tile's north-west corner (rows then vary smoothly). */
    private int[] gatesInRingOrder(int[] cells, int from, int to) {
        long[] keyed = new long[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = cells[i];
            if (gate[c]) {
                keyed[n++] = ((long) ringPosition(c % w, c / w) << 32) | c;
            }
        }
        Arrays.sort(keyed, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keyed[i];
        }
        return out;
    }

    private int ringPosition(int x, int y) {
        if (y == 0) {
            return x;
        }
        if (x == w - 1) {
            return w - 1 + y;
        }
        if (y == h - 1) {
            return 2 * (w - 1) + h - 1 - x;
        }
        return 2 * (w - 1) + 2 * (h - 1) - y;
    }

    /** A row as (value, run) pairs of unsigned varints; a row of zeros is written as nothing. */
    static void encodeRow(int[] row, ByteList out) {
        boolean zeros = true;
        for (int v : row) {
            zeros &= v == 0;
        }
        if (zeros) {
            return;
        }
        int i = 0;
        while (i < row.length) {
            int j = i + 1;
            while (j < row.length && row[j] == row[i]) {
                j++;
            }
            out.varint(row[i]);
            out.varint(j - i);
            i = j;
        }
    }

    private FlowDirections.FlatSummary build() {
        groupStart.add(members.size);
        rowStart.add(rows.size);
        // Nodes sorted by cell (the driver finds neighbours by binary search); members follow their nodes.
        int n = nodes.size;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = ((long) nodes.data[i] << 32) | i;
        }
        Arrays.sort(keyed);
        int[] position = new int[n];
        int[] sortedNodes = new int[n];
        int[] sortedStart = new int[n];
        for (int i = 0; i < n; i++) {
            int old = (int) keyed[i];
            position[old] = i;
            sortedNodes[i] = nodes.data[old];
            sortedStart[i] = start.data[old];
        }
        int[] m = members.toArray();
        for (int i = 0; i < m.length; i++) {
            m[i] = position[m[i]];
        }
        return new FlowDirections.FlatSummary(sortedNodes, sortedStart, groupStart.toArray(), m, rowStart.toArray(),
                rows.toArray());
    }

    /** A growable int array. */
    static final class IntList {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** A growable byte array with unsigned varints. */
    static final class ByteList {
        byte[] data = new byte[16];
        int size;

        void add(int b) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = (byte) b;
        }

        void addAll(ByteList other, int from, int to) {
            for (int i = from; i < to; i++) {
                add(other.data[i]);
            }
        }

        void varint(int v) {
            while ((v & ~0x7F) != 0) {
                add((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            add(v);
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
