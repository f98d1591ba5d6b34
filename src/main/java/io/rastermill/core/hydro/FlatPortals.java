package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * The tile's half of flat resolution across tiles: each flat component of the tile that crosses its
 * border is reduced to its <em>gates</em> (perimeter cells with a flat neighbour in another tile), each
 * gate's in-tile distance to the flat's low edge, and the in-tile geodesic distances between the gates
 * (a portal table). A path over the flat from its low edge to any cell enters and leaves a tile only
 * through gates, so the driver's shortest paths over gates, tables and the unit edges between
 * neighbouring gates are the exact global distances ({@link FlatGraph}).
 *
 * <p>The table stores, per gate, the row of {@code geodesic - Chebyshev} distances to every gate of its
 * group, run-length encoded (a row of zeros is empty): where the component holds the bounding box of its
 * gates the geodesic distance is the Chebyshev distance and no row is computed at all. Otherwise the rows
 * come from one multi-source breadth-first search per 64 gates over the component ({@code ⌈gates / 64⌉ ×
 * cells}, times the levels at which a batch's sources reach a cell). A component whose cost exceeds the budget
 * is cut along a grid of {@code subBlock}-cell squares instead, and
 * each square's piece becomes a portal group of its own whose gates are the cells next to another piece or
 * tile: the driver then holds those inner gates too (about {@code 2 / subBlock} of the component's cells).
 * A budget of 0 sends every component cell by cell (the driver searches its cells one by one, the plain
 * reference path).
 */
final class FlatPortals {
    /**
     * Default bound on {@code ⌈gates / 64⌉ × cells} of one component's multi-source searches. A whole 512² tile
     * (32 searches of 2¹⁸ cells) is over it: tile-wide tables, which would leave the driver the tile gates only,
     * cost about 5× these defaults' flat work on the executors (4096² bench DEM; README, Driver memory).
     */
    static final long DEFAULT_BUDGET = 1L << 18;
    /** Default side of the squares an over-budget component is cut into (a square's table, 8 searches of 2¹⁴ cells, is within the budget). */
    static final int DEFAULT_SUB_BLOCK = 128;

    private final int w;
    private final int h;
    private final int[] comp;
    private final boolean[] seed;
    private final boolean[] gate;
    private final long budget;
    private final int subBlock;
    private final int[] dist;
    private final int[] stamp;
    private int generation;
    private final int[] queue;
    /** Per component cell, its in-tile distance from the flat's low edge (1 next to a drain; FAR if none). */
    private final int[] inTile;
    /** Multi-source search state, per cell: sources seen, sources of this level and of the next; gate numbers. */
    private long[] seen;

    private long[] cur;
    private long[] next;
    private int[] nextList;
    private int[] gateIndex;
    private int[] piece;
    private int[] pieceCells;
    private int pieces;

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
    private FlatPortals(int w, int h, int[] comp, boolean[] seed, boolean[] gate, long budget, int subBlock) {
        this.w = w;
        this.h = h;
        this.comp = comp;
        this.seed = seed;
        this.gate = gate;
        this.budget = budget;
        this.subBlock = subBlock;
        this.dist = new int[w * h];
        this.stamp = new int[w * h];
        this.queue = new int[w * h];
        this.inTile = new int[w * h];
    }

    /** The summary of components {@code 1..count} whose cells are listed by component in {@code cells} from {@code cellStart}. */
    static FlowDirections.FlatSummary summarize(
            int w,
            int h,
            int[] comp,
            boolean[] seed,
            boolean[] gate,
            int[] cells,
            int[] cellStart,
            int count,
            long budget,
            int subBlock) {
        FlatPortals p = new FlatPortals(w, h, comp, seed, gate, budget, subBlock);
        for (int k = 0; k < count; k++) {
            p.component(k + 1, cells, cellStart[k], cellStart[k + 1]);
        }
        return p.build();
    }

    private void component(int id, int[] cells, int from, int to) {
        int g0 = ++generation;
        int tail = 0;
        for (int i = from; i < to; i++) {
            if (seed[cells[i]]) {
                dist[cells[i]] = 1;
                stamp[cells[i]] = g0;
                queue[tail++] = cells[i];
            }
        }
        bfs(comp, id, g0, tail);
        for (int i = from; i < to; i++) {
            inTile[cells[i]] = stamp[cells[i]] == g0 ? dist[cells[i]] : FlowDirections.FAR;
        }
        if (budget == 0) {
            for (int i = from; i < to; i++) {
                nodes.add(cells[i]);
                start.add(inTile[cells[i]]);
            }
            return;
        }
        int[] gates = gatesInRingOrder(cells, from, to, 0, 0, w, h);
        if ((long) batches(gates.length) * (to - from) <= budget) {
            group(comp, id, gates);
        } else {
            cut(id, cells, from, to);
        }
    }

    /** Cuts component {@code id} into its pieces on the squares of {@link #subBlock} cells, one group each. */
    private void cut(int id, int[] cells, int from, int to) {
        if (piece == null) {
            piece = new int[w * h];
            pieceCells = new int[w * h];
        }
        for (int i = from; i < to; i++) {
            int c = cells[i];
            if (piece[c] != 0) {
                continue;
            }
            int p = ++pieces;
            int x0 = c % w / subBlock * subBlock;
            int y0 = c / w / subBlock * subBlock;
            int x1 = Math.min(w, x0 + subBlock);
            int y1 = Math.min(h, y0 + subBlock);
            piece[c] = p;
            int n = 0;
            pieceCells[n++] = c;
            for (int head = 0; head < n; head++) {
                int u = pieceCells[head];
                for (int k = 0; k < 8; k++) {
                    int nx = u % w + D8.dx(k);
                    int ny = u / w + D8.dy(k);
                    if (nx >= x0
                            && ny >= y0
                            && nx < x1
                            && ny < y1
                            && comp[ny * w + nx] == id
                            && piece[ny * w + nx] == 0) {
                        piece[ny * w + nx] = p;
                        pieceCells[n++] = ny * w + nx;
                    }
                }
            }
            // A piece's gates: its tile gates and its cells next to the component outside the square.
            for (int j = 0; j < n; j++) {
                int u = pieceCells[j];
                for (int k = 0; k < 8 && !gate[u]; k++) {
                    int nx = u % w + D8.dx(k);
                    int ny = u / w + D8.dy(k);
                    if (nx >= 0
                            && ny >= 0
                            && nx < w
                            && ny < h
                            && (nx < x0 || ny < y0 || nx >= x1 || ny >= y1)
                            && comp[ny * w + nx] == id) {
                        pieceCells[j] = ~u; // marked, restored below
                        break;
                    }
                }
            }
            int[] gates = gatesInRingOrder(pieceCells, 0, n, x0, y0, x1, y1);
            group(piece, p, gates);
        }
    }

    /** Adds the gates of the cells labelled {@code id} in {@code label} as one portal group with its table. */
    private void group(int[] label, int id, int[] gates) {
        ByteList table = new ByteList();
        int[] rowEnd = new int[gates.length];
        if (!holdsGateBox(label, id, gates)) {
            int[] rows = new int[Long.SIZE * gates.length];
            int[] row = new int[gates.length];
            for (int b0 = 0; b0 < gates.length; b0 += Long.SIZE) { // batches of 64 sources, one bit each
                int nb = Math.min(Long.SIZE, gates.length - b0);
                batchDistances(label, id, gates, b0, nb, rows);
                for (int s = 0; s < nb; s++) {
                    int i = b0 + s;
                    for (int j = 0; j < gates.length; j++) {
                        row[j] = rows[s * gates.length + j] - chebyshev(gates[i], gates[j]);
                    }
                    encodeRow(row, table);
                    rowEnd[i] = table.size;
                }
            }
        }
        groupStart.add(members.size);
        for (int i = 0; i < gates.length; i++) {
            members.add(nodes.size);
            nodes.add(gates[i]);
            start.add(inTile[gates[i]]);
            rowStart.add(rows.size);
            rows.addAll(table, i == 0 ? 0 : rowEnd[i - 1], rowEnd[i]);
        }
    }

    /**
     * The distances over the cells labelled {@code id} from gates {@code b0 .. b0+nb-1} (at most 64) to every gate,
     * into {@code out[s * gates.length + j]}: one breadth-first search for the whole batch, each cell carrying
     * the bits of the sources that reached it (Then et al. 2014, multi-source BFS). Gates come in ring order,
     * so a batch's sources are neighbours and mostly reach a cell at the same level: a cell is expanded once
     * per distinct level rather than once per source.
     */
    private void batchDistances(int[] label, int id, int[] gates, int b0, int nb, int[] out) {
        if (seen == null) {
            seen = new long[w * h];
            cur = new long[w * h];
            next = new long[w * h];
            nextList = new int[w * h];
            gateIndex = new int[w * h];
            Arrays.fill(gateIndex, -1);
        }
        for (int j = 0; j < gates.length; j++) {
            gateIndex[gates[j]] = j;
        }
        int g = ++generation;
        int size = 0;
        for (int s = 0; s < nb; s++) {
            int c = gates[b0 + s];
            stamp[c] = g;
            seen[c] = 1L << s;
            cur[c] = 1L << s;
            queue[size++] = c;
            out[s * gates.length + b0 + s] = 0;
        }
        int[] list = queue;
        int[] other = nextList;
        long[] bits = cur;
        long[] nextBits = next;
        for (int level = 1; size > 0; level++) {
            int nextSize = 0;
            for (int i = 0; i < size; i++) {
                int u = list[i];
                long f = bits[u];
                bits[u] = 0;
                int ux = u % w;
                int uy = u / w;
                for (int k = 0; k < 8; k++) {
                    int nx = ux + D8.dx(k);
                    int ny = uy + D8.dy(k);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int n = ny * w + nx;
                    if (label[n] != id) {
                        continue;
                    }
                    if (stamp[n] != g) {
                        stamp[n] = g;
                        seen[n] = 0;
                        nextBits[n] = 0;
                    }
                    long fresh = f & ~seen[n];
                    if (fresh == 0) {
                        continue;
                    }
                    seen[n] |= fresh;
                    if (nextBits[n] == 0) {
                        other[nextSize++] = n;
                    }
                    nextBits[n] |= fresh;
                    int j = gateIndex[n];
                    if (j >= 0) {
                        for (long m = fresh; m != 0; m &= m - 1) {
                            out[Long.numberOfTrailingZeros(m) * gates.length + j] = level;
                        }
                    }
                }
            }
            int[] swapList = list;
            list = other;
            other = swapList;
            long[] swapBits = bits;
            bits = nextBits;
            nextBits = swapBits;
            size = nextSize;
        }
        for (int j = 0; j < gates.length; j++) {
            gateIndex[gates[j]] = -1;
        }
    }

    /** Breadth-first search over the cells labelled {@code id} from the {@code tail} cells queued with generation {@code g}. */
    private void bfs(int[] label, int id, int g, int tail) {
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
                    if (label[n] == id && stamp[n] != g) {
                        stamp[n] = g;
                        dist[n] = du;
                        queue[tail++] = n;
                    }
                }
            }
        }
    }

    /**
     * Whether the cells labelled {@code id} hold every cell of the gates' bounding box: then a Chebyshev path
     * between two gates (which stays in their own box) lies on them, and the geodesic distance is Chebyshev's.
     */
    private boolean holdsGateBox(int[] label, int id, int[] gates) {
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
                if (label[y * w + x] != id) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The multi-source searches a table of {@code gates} rows costs. */
    private static int batches(int gates) {
        return (gates + Long.SIZE - 1) / Long.SIZE;
    }

    private int chebyshev(int a, int b) {
        return Math.max(Math.abs(a % w - b % w), Math.abs(a / w - b / w));
    }

    /**
     * The gates among {@code cells[from, to)} (tile gates, and cells stored complemented), clockwise round the
     * rectangle {@code [x0, x1) × [y0, y1)} from its north-west corner (rows then vary smoothly); restores the
     * complemented cells.
     */
    private int[] gatesInRingOrder(int[] cells, int from, int to, int x0, int y0, int x1, int y1) {
        long[] keyed = new long[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = cells[i] < 0 ? ~cells[i] : cells[i];
            if (gate[c] || cells[i] < 0) {
                cells[i] = c;
                keyed[n++] = ((long) ringPosition(c % w - x0, c / w - y0, x1 - x0, y1 - y0) << 32) | c;
            }
        }
        Arrays.sort(keyed, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keyed[i];
        }
        return out;
    }

    /** Clockwise position of border cell (x, y) of a {@code rw × rh} rectangle (inner cells sort after it). */
    private static int ringPosition(int x, int y, int rw, int rh) {
        if (y == 0) {
            return x;
        }
        if (x == rw - 1) {
            return rw - 1 + y;
        }
        if (y == rh - 1) {
            return 2 * (rw - 1) + rh - 1 - x;
        }
        if (x == 0) {
            return 2 * (rw - 1) + 2 * (rh - 1) - y;
        }
        return 2 * (rw + rh);
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
        return new FlowDirections.FlatSummary(
                sortedNodes, sortedStart, groupStart.toArray(), m, rowStart.toArray(), rows.toArray());
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
