package io.rastermill.core.hydro;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Flow accumulation and outlet labels of one tile of D8 codes, in the two halves of Barnes (2017).
 *
 * <p>Codes come with a halo of one cell ({@code (w+2) × (h+2)}, 255 where NoData or beyond the
 * raster). A cell drains to the neighbour its code names; a cell pointing into NoData or beyond the
 * raster is an outlet. {@link #summarize} accumulates within the tile and, for every perimeter cell,
 * tells where its flow next meets a perimeter cell: another perimeter cell of this tile, a cell of a
 * neighbouring tile, or an outlet (with the outlet's label). {@link RoutingGraph} walks those links
 * on the driver — a forest with one node per perimeter cell — and gives each perimeter cell the flow
 * entering it from other tiles and its final label; {@link #accumulate} and {@link #labels} finish
 * the tile. Accumulation counts upstream cells excluding the cell itself (ESRI), or sums their
 * weights (NoData weights count as 0).
 *
 * <p>Labels: in basin mode an outlet's label is its raster cell index + 1 (row-major, 1-based), so
 * labels are distinct per outlet and independent of the tiling. With stop cells (watersheds), a
 * stop cell ends the flow and labels everything upstream with its id; cells draining to no stop get 0.
 */
public final class FlowRouting {
    /** Link kinds of a perimeter cell. */
    public static final byte NONE = 0;

    public static final byte SAME_TILE = 1;
    public static final byte CROSS = 2;
    public static final byte OUTLET = 3;

    private static final int OUT = -1;
    private static final int CROSSES = -2;
    private static final int NO_DATA = -3;

    private FlowRouting() {}

    /** Where the tile sits in the raster, for labels and error messages. */
    public record Place(long x0, long y0, long rasterCols) implements Serializable {}

    /**
     * What the driver needs of a tile, per perimeter cell: its in-tile accumulation and weight, and
     * its link (kind, and the perimeter index, direction or outlet label it leads to).
     */
    public record Summary(double[] accumulation, double[] weight, byte[] kind, long[] value) implements Serializable {}

    /** The tile's in-tile targets: a cell index, OUT (outlet), CROSSES (into another tile) or NO_DATA. */
    private static int[] targets(int[] buffered, int w, int h, Place place) {
        int bw = w + 2;
        int[] target = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int code = buffered[(y + 1) * bw + x + 1];
                int c = y * w + x;
                if (code == D8.NO_DATA) {
                    target[c] = NO_DATA;
                    continue;
                }
                int k = D8.direction(code);
                if (k < 0) {
                    throw new IllegalArgumentException("flow direction " + code + " at cell (" + (place.x0 + x) + ", "
                            + (place.y0 + y) + ") is not an ESRI D8 code (1, 2, 4, ..., 128, or 255 for NoData)");
                }
                int nx = x + D8.dx(k);
                int ny = y + D8.dy(k);
                if (buffered[(ny + 1) * bw + nx + 1] == D8.NO_DATA) {
                    target[c] = OUT;
                } else if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    target[c] = CROSSES;
                } else {
                    target[c] = ny * w + nx;
                }
            }
        }
        return target;
    }

    /** Cells in upstream-first order (Kahn); fails naming a cell if the directions form a cycle. */
    private static int[] upstreamFirst(int[] target, Place place, int w) {
        int n = target.length;
        int[] indegree = new int[n];
        int valid = 0;
        for (int c = 0; c < n; c++) {
            if (target[c] >= 0) {
                indegree[target[c]]++;
            }
            valid += target[c] == NO_DATA ? 0 : 1;
        }
        int[] order = new int[valid];
        int tail = 0;
        for (int c = 0; c < n; c++) {
            if (target[c] != NO_DATA && indegree[c] == 0) {
                order[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head++) {
            int t = target[order[head]];
            if (t >= 0 && --indegree[t] == 0) {
                order[tail++] = t;
            }
        }
        if (tail < valid) {
            for (int c = 0; c < n; c++) {
                if (target[c] != NO_DATA && indegree[c] > 0) {
                    throw new IllegalArgumentException("flow directions form a cycle through cell ("
                            + (place.x0 + c % w) + ", " + (place.y0 + c / w) + ")");
                }
            }
        }
        return order;
    }

    private static double[] accumulate(int[] target, int[] order, double[] weights, double[] inject) {
        double[] acc = new double[target.length];
        if (inject != null) {
            System.arraycopy(inject, 0, acc, 0, acc.length);
        }
        for (int c : order) {
            int t = target[c];
            if (t >= 0) {
                acc[t] += acc[c] + weightOf(weights, c);
            }
        }
        return acc;
    }

    private static double weightOf(double[] weights, int c) {
        if (weights == null) {
            return 1;
        }
        double v = weights[c];
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * The first perimeter cell strictly downstream of each cell within the tile (its perimeter
     * index, >= 0), or -1 - label when the flow ends at an outlet or stop cell first.
     */
    private static long[] terminals(int[] target, int[] order, int w, int h, Place place, long[] stops) {
        TilePerimeter per = new TilePerimeter(w, h);
        long[] term = new long[target.length];
        for (int i = order.length - 1; i >= 0; i--) {
            int c = order[i];
            int t = target[c];
            if (t == OUT || t == CROSSES) {
                term[c] = -1 - outletLabel(c, w, place, stops);
            } else if (stops != null && stops[t] > 0) {
                term[c] = -1 - stops[t];
            } else if (per.contains(t % w, t / w)) {
                term[c] = per.index(t % w, t / w);
            } else {
                term[c] = term[t];
            }
        }
        return term;
    }

    private static long outletLabel(int c, int w, Place place, long[] stops) {
        if (stops != null) {
            return 0;
        }
        return (place.y0 + c / w) * place.rasterCols + place.x0 + c % w + 1;
    }

    /** The driver's view of the tile; {@code stops} (label per cell, 0 none; null in basin mode) for watersheds. */
    public static Summary summarize(int[] buffered, int w, int h, double[] weights, Place place, long[] stops) {
        int[] target = targets(buffered, w, h, place);
        int[] order = upstreamFirst(target, place, w);
        double[] acc = accumulate(target, order, weights, null);
        long[] term = terminals(target, order, w, h, place, stops);
        TilePerimeter per = new TilePerimeter(w, h);
        int p = per.size();
        double[] a = new double[p];
        double[] wt = new double[p];
        byte[] kind = new byte[p];
        long[] value = new long[p];
        for (int i = 0; i < p; i++) {
            int c = per.cell(i);
            int t = target[c];
            a[i] = acc[c];
            wt[i] = weightOf(weights, c);
            if (t == NO_DATA) {
                kind[i] = NONE;
            } else if (stops != null && stops[c] > 0) {
                kind[i] = OUTLET;
                value[i] = stops[c];
            } else if (t == CROSSES) {
                kind[i] = CROSS;
                value[i] = D8.direction(buffered[(c / w + 1) * (w + 2) + c % w + 1]);
            } else if (term[c] >= 0) {
                kind[i] = SAME_TILE;
                value[i] = term[c];
            } else {
                kind[i] = OUTLET;
                value[i] = -1 - term[c];
            }
        }
        return new Summary(a, wt, kind, value);
    }

    /** The tile's accumulation (NaN where NoData), given the flow entering each perimeter cell from other tiles. */
    public static double[] accumulate(int[] buffered, int w, int h, double[] weights, Place place, double[] inflow) {
        int[] target = targets(buffered, w, h, place);
        int[] order = upstreamFirst(target, place, w);
        TilePerimeter per = new TilePerimeter(w, h);
        double[] inject = new double[w * h];
        for (int i = 0; i < per.size(); i++) {
            inject[per.cell(i)] += inflow[i];
        }
        double[] acc = accumulate(target, order, weights, inject);
        for (int c = 0; c < acc.length; c++) {
            if (target[c] == NO_DATA) {
                acc[c] = Double.NaN;
            }
        }
        return acc;
    }

    /** The tile's labels (NaN where NoData or draining to no stop), given each perimeter cell's final label. */
    public static double[] labels(int[] buffered, int w, int h, Place place, long[] stops, long[] perimeterLabel) {
        int[] target = targets(buffered, w, h, place);
        int[] order = upstreamFirst(target, place, w);
        long[] term = terminals(target, order, w, h, place, stops);
        TilePerimeter per = new TilePerimeter(w, h);
        double[] out = new double[w * h];
        Arrays.fill(out, Double.NaN);
        for (int c = 0; c < out.length; c++) {
            if (target[c] == NO_DATA) {
                continue;
            }
            long label;
            if (stops != null && stops[c] > 0) {
                label = stops[c];
            } else if (per.contains(c % w, c / w)) {
                label = perimeterLabel[per.index(c % w, c / w)];
            } else {
                label = term[c] >= 0 ? perimeterLabel[(int) term[c]] : -1 - term[c];
            }
            if (label > 0) {
                out[c] = label;
            }
        }
        return out;
    }
}
