package io.rastermill.core.hydro;

import java.io.Serializable;
import java.util.Arrays;

/**
 * D8 flow directions of one tile of a filled DEM, given with a halo of {@link #HALO} cells (NaN
 * where NoData or beyond the raster). A cell with a strictly lower neighbour drains to the
 * steepest one (drop / distance, diagonals √2; ties in ESRI code order). A cell without one but
 * next to NoData or the raster's edge drains into the first such neighbour. The rest are flat
 * cells: each drains to an equal neighbour one step nearer, along 8-connected paths over the flat,
 * to the nearest draining cell of the same height (ties in code order). Because that geodesic
 * distance is exact, directions do not depend on the tiling.
 *
 * <p>Distances on flats that cross tile borders are global: {@link #summarize} reduces each flat
 * component of the tile that continues into a neighbouring tile to its gates and their in-tile
 * distances ({@link FlatPortals}); {@link FlatGraph} runs one shortest-path search over every tile's
 * gates on the driver and gives each tile the exact distances of its gates; {@link #directions}
 * finishes the tile with a breadth-first search seeded by them. Cells in a pit (only in an unfilled
 * DEM) get NoData.
 */
public final class FlowDirections {
    /** The halo the kernels need: one ring to classify neighbours, one more to classify those. */
    public static final int HALO = 2;

    private static final double SQRT2 = Math.sqrt(2);
    static final int FAR = Integer.MAX_VALUE;
    /** {@link #steepest}'s answer for a flat cell, and the classification of a NoData cell. */
    private static final int FLAT = -1;

    private static final int INVALID = -2;

    private FlowDirections() {}

    /**
     * The tile's share of the flat graph ({@link FlatPortals}): its nodes (sorted local cells: the gates of
     * components sent as portal tables, every cell of the others) with their in-tile distance from the
     * flat's low edge ({@link #FAR} if none); per portal group {@code g}, its gates are
     * {@code members[groupStart[g] .. groupStart[g+1])} (node positions), and the table row of member
     * {@code m} is {@code rows[rowStart[m] .. rowStart[m+1])}.
     */
    public record FlatSummary(int[] nodes, int[] start, int[] groupStart, int[] members, int[] rowStart, byte[] rows)
            implements Serializable {
        /** The number of portal groups. */
        public int groups() {
            return groupStart.length - 1;
        }
    }

    /** The tile's cells classified: steepest codes where a cell drains, flat flags and seeds otherwise. */
    private record Classified(int[] code, boolean[] flat, boolean[] seed, boolean[] ringFlat) {}

    /**
     * The undisturbed direction ({@link #steepest}, or {@link #INVALID} for NoData) of every cell of the tile
     * and of the ring around it, by frame index ({@code (w+2) × (h+2)}), each computed on first use: the
     * summary needs only the perimeter and the flats that cross it, the finish needs all.
     */
    private static final class FrameDirections {
        private static final int UNKNOWN = Integer.MIN_VALUE;
        private final double[] b;
        private final int bw;
        private final int fw;
        private final int[] dir;
        private final int[] offset;

        FrameDirections(double[] b, int w, int h) {
            this.b = b;
            this.bw = w + 2 * HALO;
            this.fw = w + 2;
            this.dir = new int[(w + 2) * (h + 2)];
            Arrays.fill(dir, UNKNOWN);
            this.offset = NeighbourOffsets.of(fw);
        }

        int frame(int x, int y) {
            return (y + 1) * fw + x + 1;
        }

        double z(int f) {
            return b[(f / fw + 1) * bw + f % fw + 1];
        }

        int at(int f) {
            int d = dir[f];
            if (d == UNKNOWN) {
                d = Double.isNaN(z(f)) ? INVALID : steepest(b, bw, f % fw + 1, f / fw + 1);
                dir[f] = d;
            }
            return d;
        }

        /** Whether flat cell {@code f} (inside the tile) touches a draining cell of its height. */
        boolean seed(int f) {
            double zc = z(f);
            for (int k = 0; k < 8; k++) {
                int n = f + offset[k];
                if (at(n) >= 0 && z(n) == zc) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Classified classify(double[] b, int w, int h) {
        FrameDirections fd = new FrameDirections(b, w, h);
        TilePerimeter ring = new TilePerimeter(w + 2, h + 2);
        boolean[] ringFlat = new boolean[ring.size()];
        for (int i = 0; i < ringFlat.length; i++) {
            ringFlat[i] = fd.at(ring.cell(i)) == FLAT;
        }
        int[] code = new int[w * h];
        boolean[] flat = new boolean[w * h];
        boolean[] seed = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int f = fd.frame(x, y);
                int c = y * w + x;
                int k = fd.at(f);
                if (k == INVALID) {
                    code[c] = D8.NO_DATA;
                } else if (k >= 0) {
                    code[c] = D8.code(k);
                } else {
                    flat[c] = true;
                    seed[c] = fd.seed(f);
                }
            }
        }
        return new Classified(code, flat, seed, ringFlat);
    }

    /**
     * The direction a valid buffered cell drains to without flat resolution: steepest lower
     * neighbour, else first outlet (NaN) neighbour, else -1 (a flat cell).
     */
    private static int steepest(double[] b, int bw, int x, int y) {
        double zc = b[y * bw + x];
        int best = -1;
        double bestSlope = 0;
        int outlet = -1;
        for (int k = 0; k < 8; k++) {
            double zn = b[(y + D8.dy(k)) * bw + x + D8.dx(k)];
            if (Double.isNaN(zn)) {
                if (outlet < 0) {
                    outlet = k;
                }
            } else if (zn < zc) {
                double slope = D8.diagonal(k) ? (zc - zn) / SQRT2 : zc - zn;
                if (slope > bestSlope) {
                    bestSlope = slope;
                    best = k;
                }
            }
        }
        return best >= 0 ? best : outlet;
    }

    public static FlatSummary summarize(double[] buffered, int w, int h) {
        return summarize(buffered, w, h, FlatPortals.DEFAULT_BUDGET, FlatPortals.DEFAULT_SUB_BLOCK);
    }

    /**
     * {@link #summarize} with a bound on the work of one component's portal table (0: every component cell by cell)
     * and the side of the squares a component over it is cut into ({@link FlatPortals}).
     */
    static FlatSummary summarize(double[] buffered, int w, int h, long budget, int subBlock) {
        FrameDirections fd = new FrameDirections(buffered, w, h);
        // A flat crosses the border where a flat perimeter cell (a gate) has a flat neighbour in the ring;
        // the whole in-tile piece of such a flat is then labelled as one component, found by a flood over
        // flat cells. Directions are computed only for the cells this visits, not for the whole tile.
        int[] comp = new int[w * h];
        boolean[] gate = new boolean[w * h];
        int[] cells = new int[w * h];
        int n = 0;
        int[] cellStart = new int[16];
        int count = 0;
        TilePerimeter per = new TilePerimeter(w, h);
        for (int i = 0; i < per.size(); i++) {
            int c = per.cell(i);
            int cx = c % w;
            int cy = c / w;
            if (fd.at(fd.frame(cx, cy)) != FLAT) {
                continue;
            }
            for (int k = 0; k < 8 && !gate[c]; k++) {
                int nx = cx + D8.dx(k);
                int ny = cy + D8.dy(k);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    gate[c] = fd.at(fd.frame(nx, ny)) == FLAT;
                }
            }
            if (gate[c] && comp[c] == 0) {
                count++;
                if (count + 1 >= cellStart.length) {
                    cellStart = Arrays.copyOf(cellStart, 2 * cellStart.length);
                }
                cellStart[count - 1] = n;
                comp[c] = count;
                int top = n;
                cells[n++] = c;
                while (top < n) {
                    int u = cells[top++];
                    int ux = u % w;
                    int uy = u / w;
                    for (int k = 0; k < 8; k++) {
                        int nx = ux + D8.dx(k);
                        int ny = uy + D8.dy(k);
                        if (nx >= 0
                                && ny >= 0
                                && nx < w
                                && ny < h
                                && comp[ny * w + nx] == 0
                                && fd.at(fd.frame(nx, ny)) == FLAT) {
                            comp[ny * w + nx] = count;
                            cells[n++] = ny * w + nx;
                        }
                    }
                }
            }
        }
        cellStart[count] = n;
        boolean[] seed = new boolean[w * h];
        for (int i = 0; i < n; i++) {
            seed[cells[i]] = fd.seed(fd.frame(cells[i] % w, cells[i] / w));
        }
        return FlatPortals.summarize(w, h, comp, seed, gate, cells, cellStart, count, budget, subBlock);
    }

    /**
     * The tile's ESRI codes (255 NoData), given the global flat distances of its own perimeter
     * cells ({@code perimeterDistance}, by {@link TilePerimeter}; -1 where not on a crossing flat)
     * and of the ring of neighbouring cells around it ({@code ringDistance}, by the perimeter of
     * the {@code (w+2) × (h+2)} frame; -1 likewise).
     */
    public static int[] directions(double[] buffered, int w, int h, int[] perimeterDistance, int[] ringDistance) {
        Classified cl = classify(buffered, w, h);
        TilePerimeter per = new TilePerimeter(w, h);
        TilePerimeter ring = new TilePerimeter(w + 2, h + 2);
        int[] dist = new int[w * h];
        Arrays.fill(dist, FAR);
        // Seeds: the perimeter's global distances, sorted, then cells next to a drain at 1.
        int ns = 0;
        long[] seeds = new long[w * h];
        for (int i = 0; i < per.size(); i++) {
            if (perimeterDistance[i] >= 0) {
                seeds[ns++] = ((long) perimeterDistance[i] << 32) | per.cell(i);
            }
        }
        for (int c = 0; c < w * h; c++) {
            if (cl.seed[c]) {
                seeds[ns++] = (1L << 32) | c;
            }
        }
        Arrays.sort(seeds, 0, ns);
        int[] queue = new int[w * h];
        int head = 0;
        int tail = 0;
        int si = 0;
        while (si < ns || head < tail) {
            int c;
            int d;
            if (si < ns && (head == tail || (int) (seeds[si] >>> 32) <= dist[queue[head]])) {
                c = (int) seeds[si];
                d = (int) (seeds[si++] >>> 32);
                if (d >= dist[c]) {
                    continue;
                }
                dist[c] = d;
            } else {
                c = queue[head++];
                d = dist[c];
            }
            int cx = c % w;
            int cy = c / w;
            for (int k = 0; k < 8; k++) {
                int nx = cx + D8.dx(k);
                int ny = cy + D8.dy(k);
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    int n = ny * w + nx;
                    if (cl.flat[n] && dist[n] > d + 1) {
                        dist[n] = d + 1;
                        queue[tail++] = n;
                    }
                }
            }
        }
        int bw = w + 2 * HALO;
        int[] code = cl.code;
        for (int c = 0; c < w * h; c++) {
            if (!cl.flat[c]) {
                continue;
            }
            code[c] = D8.NO_DATA;
            int d = dist[c];
            if (d == FAR) {
                continue;
            }
            int cx = c % w;
            int cy = c / w;
            double zc = buffered[(cy + HALO) * bw + cx + HALO];
            for (int k = 0; k < 8; k++) {
                int nx = cx + D8.dx(k);
                int ny = cy + D8.dy(k);
                if (buffered[(ny + HALO) * bw + nx + HALO] != zc) {
                    continue;
                }
                int dn;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    dn = cl.flat[ny * w + nx] ? dist[ny * w + nx] : 0;
                } else {
                    int r = ring.index(nx + 1, ny + 1);
                    dn = !cl.ringFlat[r] ? 0 : ringDistance[r] < 0 ? FAR : ringDistance[r];
                }
                if (dn == d - 1) {
                    code[c] = D8.code(k);
                    break;
                }
            }
        }
        return code;
    }
}
