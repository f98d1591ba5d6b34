package io.rastermill.core.hydro;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Priority-flood depression filling of one tile, in the two halves of Barnes (2016).
 *
 * <p>The filled level of a cell is the lowest, over all 8-connected paths from it to an outlet (a
 * cell beyond the raster or NoData), of the highest elevation on the path. {@link #summarize}
 * floods the tile from its perimeter: each perimeter cell is a seed with a label of its own, cells
 * next to NoData inside the tile are seeds labelled "ocean", and every cell takes the label of the
 * seed that reached it and a local level (the flood level within the tile). Where two labels meet,
 * the spill edge weighs {@code max(level a, level b)}; the smallest per pair is kept. The driver's
 * minimax search over these edges and the edges between neighbouring tiles' perimeter cells
 * ({@link FillGraph}) gives every perimeter cell its exact filled level; {@link #finish} then floods
 * the tile again from those levels. Arrays are row-major doubles with NoData as NaN.
 */
public final class DepressionFill {
    private DepressionFill() {}

    /** What the driver needs of a tile: its perimeter elevations and its spill edges. */
    public record Summary(int cols, int rows, double[] perimeterZ, SpillEdges edges) implements Serializable {
        /** The ocean label: perimeter labels are 0..perimeter size - 1. */
        public int ocean() {
            return perimeterZ.length;
        }
    }

    public static Summary summarize(double[] z, int w, int h) {
        TilePerimeter per = new TilePerimeter(w, h);
        double[] perimeterZ = new double[per.size()];
        for (int i = 0; i < perimeterZ.length; i++) {
            perimeterZ[i] = z[per.cell(i)];
        }
        EdgeMinMap edges = new EdgeMinMap(perimeterZ.length * 4);
        flood(z, w, h, perimeterZ, edges);
        return new Summary(w, h, perimeterZ, edges.toEdges());
    }

    /**
     * The filled tile, given the exact filled level of every perimeter cell (NaN where NoData),
     * indexed as {@link TilePerimeter}.
     */
    public static double[] finish(double[] z, int w, int h, double[] perimeterLevel) {
        return flood(z, w, h, perimeterLevel, null);
    }

    /**
     * Priority-flood of the tile from its perimeter cells (at {@code perimeterLevel}, each with its
     * own label) and its cells next to NoData (at their elevation, labelled ocean); returns every
     * cell's flood level. With {@code edges}, records the spill edge wherever two labels meet.
     */
    private static double[] flood(double[] z, int w, int h, double[] perimeterLevel, EdgeMinMap edges) {
        TilePerimeter per = new TilePerimeter(w, h);
        int ocean = per.size();
        int[] label = new int[w * h];
        Arrays.fill(label, -1);
        double[] level = z.clone();
        CellHeap heap = new CellHeap(ocean * 2);
        for (int i = 0; i < ocean; i++) {
            int c = per.cell(i);
            if (!Double.isNaN(z[c])) {
                label[c] = i;
                level[c] = perimeterLevel[i];
                heap.push(level[c], c);
                if (edges != null && touchesNoData(z, w, h, c % w, c / w)) {
                    edges.offer(i, ocean, z[c]);
                }
            }
        }
        // Interior cells next to NoData drain into it: ocean seeds at their own elevation. Found from the NoData
        // cells, so a tile without NoData costs one read a cell.
        for (int c = 0; c < z.length; c++) {
            if (!Double.isNaN(z[c])) {
                continue;
            }
            int cx = c % w;
            int cy = c / w;
            for (int k = 0; k < 8; k++) {
                int nx = cx + D8.dx(k);
                int ny = cy + D8.dy(k);
                int n = ny * w + nx;
                if (nx > 0 && ny > 0 && nx < w - 1 && ny < h - 1 && label[n] < 0 && !Double.isNaN(z[n])) {
                    label[n] = ocean;
                    heap.push(z[n], n);
                }
            }
        }
        // Priority-flood with a plain FIFO for depression cells (Barnes, Lehman & Mulla 2014, "Priority-Flood+"): a
        // neighbour at or below the current level is filled to that level and needs no heap, since every heap key
        // is at least that level. Levels are the same as with the heap alone; only heap work is saved.
        int[] pit = new int[w * h];
        int pitHead = 0;
        int pitTail = 0;
        int[] offset = NeighbourOffsets.of(w);
        while (pitHead < pitTail || !heap.isEmpty()) {
            int c = pitHead < pitTail ? pit[pitHead++] : heap.pop();
            int cx = c % w;
            int cy = c / w;
            boolean interior = cx > 0 && cy > 0 && cx < w - 1 && cy < h - 1;
            double lc = level[c];
            int lab = label[c];
            for (int k = 0; k < 8; k++) {
                int n;
                if (interior) {
                    n = c + offset[k];
                } else {
                    int nx = cx + D8.dx(k);
                    int ny = cy + D8.dy(k);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    n = ny * w + nx;
                }
                double zn = z[n];
                if (zn != zn) {
                    continue; // NoData
                }
                if (label[n] < 0) {
                    label[n] = lab;
                    if (zn <= lc) {
                        level[n] = lc;
                        pit[pitTail++] = n;
                    } else {
                        heap.push(zn, n);
                    }
                } else if (edges != null && label[n] != lab) {
                    edges.offer(lab, label[n], Math.max(lc, level[n]));
                }
            }
        }
        return level;
    }

    /** Whether an in-tile neighbour of (x, y) is NoData. */
    static boolean touchesNoData(double[] z, int w, int h, int x, int y) {
        for (int k = 0; k < 8; k++) {
            int nx = x + D8.dx(k);
            int ny = y + D8.dy(k);
            if (nx >= 0 && ny >= 0 && nx < w && ny < h && Double.isNaN(z[ny * w + nx])) {
                return true;
            }
        }
        return false;
    }
}
