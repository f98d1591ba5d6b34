package io.rastermill.core.zonal;

import java.io.Serializable;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * One polygonal geometry (Polygon, MultiPolygon, or a collection of them) burnt into the cells of
 * a raster grid, one tile window at a time — GDAL's {@code gdal_rasterize} rules:
 * <ul>
 *   <li><b>Cell-centre rule</b> (default): a cell belongs to the polygon when its centre is inside.
 *       Each row is scanned at its centre line {@code y = r + ½} (pixel coordinates); an edge
 *       counts when the line crosses it in {@code [ymin, ymax)}; crossings are sorted and filled
 *       pairwise (even–odd over every ring of the geometry, so holes are holes); between crossings
 *       {@code xa < xb}, cell {@code c} is filled when {@code xa < c + ½ <= xb}.</li>
 *   <li><b>All touched</b> ({@code gdal_rasterize -at}): the cells of the centre rule, plus every
 *       cell any ring's edge passes through — except, as GDAL 3.6.2 does (found by experiment), an
 *       edge within 0.01 pixel of horizontal (vertical) whose two ends both lie within 0.01 pixel of
 *       a row (column) boundary: it counts as lying on that boundary and adds no cell.</li>
 * </ul>
 * Vertices are converted to pixel coordinates once, for the whole raster grid
 * ({@code px = (x − xmin)/cellWidth}, {@code py = (ymax − y)/cellHeight}), so a cell's membership
 * never depends on how the raster is tiled. A centre lying exactly on an edge is decided by the
 * inequalities above, as GDAL's scanline does, but floating-point rounding can differ from GDAL in
 * such knife-edge cases.
 *
 * <p>Edges are kept as primitive arrays sorted by their lowest y, so each tile scans only the band of
 * edges that reach its rows. Immutable after construction; {@link #cells} uses caller scratch.
 */
public final class PolygonRasterizer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] ex1;
    private final double[] ey1;
    private final double[] ex2;
    private final double[] ey2;
    /** Edges are sorted by their smallest y; {@code ylo[e] = min(ey1[e], ey2[e])}, {@code yhi} the largest. */
    private final double[] ylo;

    private final double[] yhi;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    /**
     * @param geometry polygonal geometry in the raster's CRS
     * @param xmin     west edge of the raster grid
     * @param ymax     north edge of the raster grid
     * @param cellWidth  cell width (positive)
     * @param cellHeight cell height (positive)
     * @throws IllegalArgumentException if the geometry holds anything but polygons
     */
    public PolygonRasterizer(Geometry geometry, double xmin, double ymax, double cellWidth, double cellHeight) {
        int edges = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry g = geometry.getGeometryN(i);
            if (!(g instanceof Polygon p)) {
                throw new IllegalArgumentException(
                        "not a polygon: a " + g.getGeometryType() + " (zones must be Polygons or MultiPolygons)");
            }
            edges += p.getExteriorRing().getNumPoints() - 1;
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                edges += p.getInteriorRingN(h).getNumPoints() - 1;
            }
        }
        ex1 = new double[edges];
        ey1 = new double[edges];
        ex2 = new double[edges];
        ey2 = new double[edges];
        double[] bounds = {
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        int e = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon p = (Polygon) geometry.getGeometryN(i);
            e = addRing(p.getExteriorRing(), e, xmin, ymax, cellWidth, cellHeight, bounds);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                e = addRing(p.getInteriorRingN(h), e, xmin, ymax, cellWidth, cellHeight, bounds);
            }
        }
        sortByLowestY();
        ylo = new double[edges];
        yhi = new double[edges];
        for (int i = 0; i < edges; i++) {
            ylo[i] = Math.min(ey1[i], ey2[i]);
            yhi[i] = Math.max(ey1[i], ey2[i]);
        }
        minX = bounds[0];
        minY = bounds[1];
        maxX = bounds[2];
        maxY = bounds[3];
    }

    /** Reorders the edge arrays by each edge's smallest y, so a tile finds its band of edges by a prefix scan. */
    private void sortByLowestY() {
        int n = ex1.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.min(ey1[a], ey2[a]), Math.min(ey1[b], ey2[b])));
        double[][] cols = {ex1, ey1, ex2, ey2};
        for (double[] col : cols) {
            double[] copy = col.clone();
            for (int i = 0; i < n; i++) {
                col[i] = copy[order[i]];
            }
        }
    }

    /** Indexes of the edges whose y-range meets rows {@code [y0, y0 + h]}, into {@code scratch.band}; returns how many. */
    private int band(long y0, int h, Scratch scratch) {
        double top = y0;
        double bottom = y0 + (double) h;
        if (scratch.band.length < ylo.length) {
            scratch.band = new int[ylo.length];
        }
        int n = 0;
        for (int e = 0; e < ylo.length && ylo[e] <= bottom; e++) {
            if (yhi[e] >= top) {
                scratch.band[n++] = e;
            }
        }
        return n;
    }

    private int addRing(LinearRing ring, int e, double xmin, double ymax, double cw, double ch, double[] b) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
            double x1 = (cs[i].x - xmin) / cw;
            double y1 = (ymax - cs[i].y) / ch;
            double x2 = (cs[i + 1].x - xmin) / cw;
            double y2 = (ymax - cs[i + 1].y) / ch;
            ex1[e] = x1;
            ey1[e] = y1;
            ex2[e] = x2;
            ey2[e] = y2;
            b[0] = Math.min(b[0], x1);
            b[1] = Math.min(b[1], y1);
            b[2] = Math.max(b[2], x1);
            b[3] = Math.max(b[3], y1);
            e++;
        }
        return e;
    }

    /** The geometry's envelope in pixel coordinates: {minCol, minRow, maxCol, maxRow} (fractional). */
    public double[] pixelEnvelope() {
        return new double[] {minX, minY, maxX, maxY};
    }

    /** Whether the geometry's pixel envelope reaches the window {@code [x0, x0+w) × [y0, y0+h)}. */
    public boolean mayIntersect(long x0, long y0, int w, int h) {
        return edgesCount() > 0 && maxX >= x0 && minX <= x0 + w && maxY >= y0 && minY <= y0 + h;
    }

    int edgesCount() {
        return ex1.length;
    }

    /** Scratch for {@link #cells}: reuse one per task. */
    public static final class Scratch {
        double[] xs = new double[64];
        byte[] mask = new byte[0];
        int[] band = new int[0];
    }

    /**
     * Writes into {@code out} the window-local indices ({@code (r − y0)·w + (c − x0)}) of the
     * window's cells that belong to the geometry, row-major ascending; returns how many.
     * {@code out} must hold {@code w·h} ints.
     */
    public int cells(long x0, long y0, int w, int h, boolean allTouched, int[] out, Scratch scratch) {
        if (!mayIntersect(x0, y0, w, h)) {
            return 0;
        }
        int bandSize = band(y0, h, scratch);
        if (!allTouched) {
            return fill(x0, y0, w, h, out, scratch, null, bandSize);
        }
        int size = w * h;
        if (scratch.mask.length < size) {
            scratch.mask = new byte[size];
        }
        byte[] mask = scratch.mask;
        fill(x0, y0, w, h, null, scratch, mask, bandSize);
        for (int b = 0; b < bandSize; b++) {
            int e = scratch.band[b];
            touch(ex1[e], ey1[e], ex2[e], ey2[e], x0, y0, w, h, mask);
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (mask[i] != 0) {
                out[n++] = i;
                mask[i] = 0;
            }
        }
        return n;
    }

    /** Centre-rule scanline fill: into {@code out} (indices) or {@code mask} (flags). */
    private int fill(long x0, long y0, int w, int h, int[] out, Scratch scratch, byte[] mask, int bandSize) {
        int[] band = scratch.band;
        long r0 = Math.max(y0, (long) Math.floor(minY - 0.5));
        long r1 = Math.min(y0 + h - 1, (long) Math.ceil(maxY));
        int n = 0;
        for (long r = r0; r <= r1; r++) {
            double yc = r + 0.5;
            int k = 0;
            for (int b = 0; b < bandSize; b++) {
                int e = band[b];
                double ya = ey1[e];
                double yb = ey2[e];
                double xa;
                double xb;
                double lo;
                double hi;
                if (ya < yb) {
                    lo = ya;
                    hi = yb;
                    xa = ex1[e];
                    xb = ex2[e];
                } else if (yb < ya) {
                    lo = yb;
                    hi = ya;
                    xa = ex2[e];
                    xb = ex1[e];
                } else {
                    continue; // horizontal edges never cross a centre line
                }
                if (yc >= lo && yc < hi) {
                    if (k == scratch.xs.length) {
                        scratch.xs = Arrays.copyOf(scratch.xs, k * 2);
                    }
                    scratch.xs[k++] = xa + (yc - lo) * (xb - xa) / (hi - lo);
                }
            }
            if (k < 2) {
                continue;
            }
            double[] xs = scratch.xs;
            Arrays.sort(xs, 0, k);
            int rowBase = (int) (r - y0) * w;
            for (int i = 0; i + 1 < k; i += 2) {
                // xa < c + 1/2 <= xb  <=>  floor(xa + 1/2) <= c <= floor(xb + 1/2) - 1
                long c0 = Math.max(x0, (long) Math.floor(xs[i] + 0.5));
                long c1 = Math.min(x0 + w - 1, (long) Math.floor(xs[i + 1] + 0.5) - 1);
                for (long c = c0; c <= c1; c++) {
                    int idx = rowBase + (int) (c - x0);
                    if (mask != null) {
                        mask[idx] = 1;
                    } else {
                        out[n++] = idx;
                    }
                }
            }
        }
        return n;
    }

    /** Tolerance (pixels) of GDAL 3.6.2's all-touched edge walker for axis-parallel edges on cell boundaries. */
    static final double AXIS = 0.01;

    private static boolean nearBoundary(double v) {
        return Math.abs(v - Math.rint(v)) < AXIS;
    }

    /** Marks every cell of the window the segment passes through (its supercover). */
    private static void touch(double xa, double ya, double xb, double yb, long x0, long y0, int w, int h, byte[] mask) {
        if (xa > xb) {
            double t = xa;
            xa = xb;
            xb = t;
            t = ya;
            ya = yb;
            yb = t;
        }
        // GDAL 3.6's all-touched walker: an edge within AXIS of horizontal (vertical) whose ends both lie
        // within AXIS of a row (column) boundary lies on that boundary and touches no cell by itself.
        if (Math.abs(ya - yb) < AXIS && nearBoundary(ya) && nearBoundary(yb)) {
            return;
        }
        if (Math.abs(xa - xb) < AXIS && nearBoundary(xa) && nearBoundary(xb)) {
            return;
        }
        long cFirst = (long) Math.floor(xa);
        long cLast = Math.max(cFirst, (long) Math.ceil(xb) - 1);
        long from = Math.max(cFirst, x0);
        long to = Math.min(cLast, x0 + w - 1);
        double slope = xb > xa ? (yb - ya) / (xb - xa) : 0;
        for (long c = from; c <= to; c++) {
            double sx = Math.max(xa, c);
            double exx = Math.min(xb, c + 1.0);
            double ys = xb > xa ? ya + (sx - xa) * slope : ya;
            double ye = xb > xa ? ya + (exx - xa) * slope : yb;
            double lo = Math.min(ys, ye);
            double hi = Math.max(ys, ye);
            long rFirst = (long) Math.floor(lo);
            long rLast = Math.max(rFirst, (long) Math.ceil(hi) - 1);
            long ra = Math.max(rFirst, y0);
            long rb = Math.min(rLast, y0 + h - 1);
            for (long r = ra; r <= rb; r++) {
                mask[(int) (r - y0) * w + (int) (c - x0)] = 1;
            }
        }
    }
}
