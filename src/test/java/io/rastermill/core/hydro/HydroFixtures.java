package io.rastermill.core.hydro;

import java.util.Random;

/**
 * Test DEMs with what makes hydrology hard: pits, nested depressions, wide flats (quantised
 * heights), plateaus, NoData holes and a river valley that meanders across tile borders.
 */
public final class HydroFixtures {
    private HydroFixtures() {}

    /** A w×h DEM; {@code step} quantises heights (0: continuous), NoData holes as NaN when {@code holes}. */
    public static double[] dem(int w, int h, long seed, double step, boolean holes) {
        Random rnd = new Random(seed);
        double[] z = new double[w * h];
        double[][] bumps = new double[12][];
        for (int i = 0; i < bumps.length; i++) {
            bumps[i] = new double[] {
                rnd.nextDouble() * w, rnd.nextDouble() * h, 3 + rnd.nextDouble() * w / 4, (rnd.nextDouble() - 0.5) * 40
            };
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 50 + 10 * Math.sin(x * 0.11) * Math.cos(y * 0.07);
                // a river valley meandering across the raster
                double river = h / 2.0 + h / 4.0 * Math.sin(x * 6.0 / w);
                v -= 15 * Math.exp(-Math.pow((y - river) / 4.0, 2));
                for (double[] b : bumps) {
                    double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                    v += b[3] * Math.exp(-d2);
                }
                v += rnd.nextDouble() * 3;
                z[y * w + x] = step > 0 ? Math.floor(v / step) * step : v;
            }
        }
        // a plateau (one height) and a closed pit
        int px = w / 3;
        int py = h / 3;
        for (int y = py; y < Math.min(h, py + h / 5); y++) {
            for (int x = px; x < Math.min(w, px + w / 4); x++) {
                z[y * w + x] = 80;
            }
        }
        z[(h / 5) * w + w / 5] = 0;
        if (holes) {
            for (int i = 0; i < 4; i++) {
                int cx = rnd.nextInt(w);
                int cy = rnd.nextInt(h);
                int r = 1 + rnd.nextInt(Math.max(2, w / 20));
                for (int y = Math.max(0, cy - r); y < Math.min(h, cy + r); y++) {
                    for (int x = Math.max(0, cx - r); x < Math.min(w, cx + r); x++) {
                        z[y * w + x] = Double.NaN;
                    }
                }
            }
        }
        return z;
    }

    /** Plain whole-raster priority-flood: edges and NoData are outlets (the reference). */
    public static double[] referenceFill(double[] z, int w, int h) {
        double[] out = z.clone();
        boolean[] done = new boolean[w * h];
        java.util.PriorityQueue<double[]> q = new java.util.PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = y * w + x;
                if (Double.isNaN(z[c])) {
                    continue;
                }
                boolean outlet = false;
                for (int k = 0; k < 8; k++) {
                    int nx = x + D8.dx(k);
                    int ny = y + D8.dy(k);
                    outlet |= nx < 0 || ny < 0 || nx >= w || ny >= h || Double.isNaN(z[ny * w + nx]);
                }
                if (outlet) {
                    done[c] = true;
                    q.add(new double[] {z[c], c});
                }
            }
        }
        while (!q.isEmpty()) {
            double[] e = q.poll();
            int c = (int) e[1];
            for (int k = 0; k < 8; k++) {
                int nx = c % w + D8.dx(k);
                int ny = c / w + D8.dy(k);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    continue;
                }
                int n = ny * w + nx;
                if (!done[n] && !Double.isNaN(z[n])) {
                    done[n] = true;
                    out[n] = Math.max(z[n], e[0]);
                    q.add(new double[] {out[n], n});
                }
            }
        }
        return out;
    }

    /** The tile of {@code grid} with id {@code t} cut out of a whole raster. */
    public static double[] cut(double[] z, TileGrid grid, int t) {
        int w = grid.width(t);
        int h = grid.height(t);
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(z, (int) ((grid.y0(t) + y) * grid.cols() + grid.x0(t)), out, y * w, w);
        }
        return out;
    }

    public static void paste(double[] whole, TileGrid grid, int t, double[] tile) {
        int w = grid.width(t);
        for (int y = 0; y < grid.height(t); y++) {
            System.arraycopy(tile, y * w, whole, (int) ((grid.y0(t) + y) * grid.cols() + grid.x0(t)), w);
        }
    }
    /** Tile {@code t} with {@code halo} cells of its neighbours, NaN beyond the raster. */
    public static double[] cutBuffered(double[] z, TileGrid grid, int t, int halo) {
        int w = grid.width(t) + 2 * halo;
        int h = grid.height(t) + 2 * halo;
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long gx = grid.x0(t) + x - halo;
                long gy = grid.y0(t) + y - halo;
                out[y * w + x] = grid.inside(gx, gy) ? z[(int) (gy * grid.cols() + gx)] : Double.NaN;
            }
        }
        return out;
    }

    /**
     * Whole-raster distances over flats: 0 on cells that drain (steepest lower neighbour or an outlet next to
     * them), else the 8-connected breadth-first distance over cells of the same height to one (MAX_VALUE if none,
     * or NoData). Fills {@code code} (if not null) with the draining cells' codes, 255 on NoData.
     */
    public static int[] referenceFlatDistances(double[] z, int w, int h, int[] code) {
        int[] dist = new int[w * h];
        java.util.Arrays.fill(dist, Integer.MAX_VALUE);
        int[] queue = new int[w * h];
        int tail = 0;
        for (int c = 0; c < w * h; c++) {
            if (Double.isNaN(z[c])) {
                if (code != null) {
                    code[c] = 255;
                }
                continue;
            }
            int x = c % w;
            int y = c / w;
            int best = -1;
            int outlet = -1;
            double bestSlope = 0;
            for (int k = 0; k < 8; k++) {
                int nx = x + D8.dx(k);
                int ny = y + D8.dy(k);
                double zn = nx < 0 || ny < 0 || nx >= w || ny >= h ? Double.NaN : z[ny * w + nx];
                if (Double.isNaN(zn)) {
                    outlet = outlet < 0 ? k : outlet;
                } else if (zn < z[c]) {
                    double s = (z[c] - zn) / (k % 2 == 1 ? Math.sqrt(2) : 1);
                    if (s > bestSlope) {
                        bestSlope = s;
                        best = k;
                    }
                }
            }
            int k = best >= 0 ? best : outlet;
            if (k >= 0) {
                if (code != null) {
                    code[c] = 1 << k;
                }
                dist[c] = 0;
                queue[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            for (int k = 0; k < 8; k++) {
                int nx = c % w + D8.dx(k);
                int ny = c / w + D8.dy(k);
                if (nx >= 0
                        && ny >= 0
                        && nx < w
                        && ny < h
                        && z[ny * w + nx] == z[c]
                        && dist[ny * w + nx] == Integer.MAX_VALUE) {
                    dist[ny * w + nx] = dist[c] + 1;
                    queue[tail++] = ny * w + nx;
                }
            }
        }
        return dist;
    }

    /** Whole-raster D8 with flats drained along shortest paths to a lower edge (the reference). */
    public static int[] referenceDirections(double[] z, int w, int h) {
        int[] code = new int[w * h];
        int[] dist = referenceFlatDistances(z, w, h, code);
        for (int c = 0; c < w * h; c++) {
            if (Double.isNaN(z[c]) || dist[c] == 0) {
                continue;
            }
            code[c] = 255;
            for (int k = 0; k < 8 && dist[c] != Integer.MAX_VALUE; k++) {
                int nx = c % w + D8.dx(k);
                int ny = c / w + D8.dy(k);
                if (nx >= 0
                        && ny >= 0
                        && nx < w
                        && ny < h
                        && z[ny * w + nx] == z[c]
                        && dist[ny * w + nx] == dist[c] - 1) {
                    code[c] = 1 << k;
                    break;
                }
            }
        }
        return code;
    }

    /** Follows every cell's directions; fails on a cycle, a NoData code on data, or a path into a cell without data. */
    public static void assertEveryCellDrains(double[] z, int[] code, int w, int h) {
        for (int c = 0; c < w * h; c++) {
            if (Double.isNaN(z[c])) {
                if (code[c] != 255) {
                    throw new AssertionError("NoData cell " + c + " has code " + code[c]);
                }
                continue;
            }
            int u = c;
            for (int steps = 0; ; steps++) {
                int k = D8.direction(code[u]);
                if (k < 0 || steps > w * h) {
                    throw new AssertionError("cell (" + c % w + "," + c / w + ") does not drain: stuck at (" + u % w
                            + "," + u / w + ") code " + code[u]);
                }
                int nx = u % w + D8.dx(k);
                int ny = u / w + D8.dy(k);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h || Double.isNaN(z[ny * w + nx])) {
                    break;
                }
                if (z[ny * w + nx] > z[u]) {
                    throw new AssertionError("cell (" + u % w + "," + u / w + ") drains uphill");
                }
                u = ny * w + nx;
            }
        }
    }

    /** Accumulation (index 0) and outlet labels (index 1) of a whole raster of codes. */
    public static double[][] referenceRouting(int[] code, int w, int h) {
        return referenceRouting(code, null, null, w, h);
    }

    /**
     * Follows each cell of a whole raster of codes downstream: accumulation (index 0, weighted when
     * {@code weights} is given) and the outlet's label (index 1), or with {@code stops} the first stop's id.
     */
    public static double[][] referenceRouting(int[] code, double[] weights, long[] stops, int w, int h) {
        double[] acc = new double[w * h];
        double[] label = new double[w * h];
        for (int c = 0; c < w * h; c++) {
            if (code[c] == D8.NO_DATA) {
                acc[c] = Double.NaN;
                label[c] = Double.NaN;
                continue;
            }
            double wt = weights == null ? 1 : Double.isNaN(weights[c]) ? 0 : weights[c];
            int u = c;
            label[c] = Double.NaN;
            boolean stopped = stops != null && stops[c] > 0;
            if (stopped) {
                label[c] = stops[c];
            }
            while (true) {
                int k = D8.direction(code[u]);
                int nx = u % w + D8.dx(k);
                int ny = u / w + D8.dy(k);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h || code[ny * w + nx] == D8.NO_DATA) {
                    if (!stopped && stops == null) {
                        label[c] = u + 1;
                    }
                    break;
                }
                u = ny * w + nx;
                acc[u] += wt;
                if (!stopped && stops != null && stops[u] > 0) {
                    stopped = true;
                    label[c] = stops[u];
                }
            }
        }
        return new double[][] {acc, label};
    }

    /** Whether the flow from {@code cell} passes through (or starts at) {@code target}. */
    public static boolean drainsThrough(int[] code, int w, int h, int cell, int target) {
        if (code[cell] == D8.NO_DATA) {
            return false;
        }
        int u = cell;
        while (u != target) {
            int k = D8.direction(code[u]);
            int nx = u % w + D8.dx(k);
            int ny = u / w + D8.dy(k);
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || code[ny * w + nx] == D8.NO_DATA) {
                return false;
            }
            u = ny * w + nx;
        }
        return true;
    }
}
