package io.rastermill.core.hydro;

import java.util.Arrays;

/**
 * The driver's half of flat resolution: one breadth-first search over the flat cells of every flat
 * that crosses a tile border, from the cells next to a draining cell of the same height (distance
 * 1), giving each such cell its exact 8-connected distance. Tiles get back the distances of their
 * perimeter cells only. Memory grows with the area of border-crossing flats (4 bytes a cell for
 * the cell lists and distances), which filled lakes spanning tiles make larger than the perimeter.
 */
public final class FlatGraph {
    private FlatGraph() {
    }

    /** Per tile id, the distance of each perimeter cell on a crossing flat (-1 elsewhere); null for absent tiles. */
    public static int[][] solve(TileGrid grid, FlowDirections.FlatSummary[] tiles) {
        int n = grid.tileCount();
        int[] offset = new int[n + 1];
        for (int t = 0; t < n; t++) {
            offset[t + 1] = offset[t] + (tiles[t] == null ? 0 : tiles[t].crossing().length);
        }
        int nodes = offset[n];
        int[] dist = new int[nodes];
        Arrays.fill(dist, FlowDirections.FAR);
        int[] queue = new int[nodes];
        int[] tileOf = new int[nodes];
        int tail = 0;
        for (int t = 0; t < n; t++) {
            for (int i = offset[t]; i < offset[t + 1]; i++) {
                tileOf[i] = t;
                if (tiles[t].seed()[i - offset[t]]) {
                    dist[i] = 1;
                    queue[tail++] = i;
                }
            }
        }
        // Per tile, where each row's cells start in its sorted cell list: a neighbour is looked up within one row.
        int[][] rowStart = new int[n][];
        for (int t = 0; t < n; t++) {
            if (tiles[t] != null && tiles[t].crossing().length > 0) {
                rowStart[t] = rowStarts(tiles[t].crossing(), grid.width(t), grid.height(t));
            }
        }
        int head = 0;
        while (head < tail) {
            int u = queue[head++];
            int t = tileOf[u];
            int w = grid.width(t);
            int cell = tiles[t].crossing()[u - offset[t]];
            long x = grid.x0(t) + cell % w;
            long y = grid.y0(t) + cell / w;
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
                int j = find(tiles[tv].crossing(), rowStart[tv][row], rowStart[tv][row + 1], local);
                if (j >= 0 && dist[offset[tv] + j] == FlowDirections.FAR) {
                    dist[offset[tv] + j] = dist[u] + 1;
                    queue[tail++] = offset[tv] + j;
                }
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
            int[] cells = tiles[t].crossing();
            for (int j = 0; j < cells.length; j++) {
                int c = cells[j];
                if (per.contains(c % w, c / w)) {
                    out[t][per.index(c % w, c / w)] = dist[offset[t] + j];
                }
            }
        }
        return out;
    }

    /** The graph's nodes: the cells of border-crossing flats. */
    public static long nodes(FlowDirections.FlatSummary[] tiles) {
        return Summaries.sum(tiles, s -> s.crossing().length);
    }

    /** The bytes of the summaries' arrays (5 a node). */
    public static long bytes(FlowDirections.FlatSummary[] tiles) {
        return 5 * nodes(tiles);
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
                    out[i] = perimeterDistances[u][grid.perimeter(u).index((int) (x - grid.x0(u)), (int) (y - grid.y0(u)))];
                }
            }
        }
        return out;
    }
}
