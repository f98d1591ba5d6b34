package io.rastermill.core.zonal;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Point;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygons carried from their own CRS into a raster's, to be rasterised on the raster's grid.
 *
 * <p>Moving the vertices alone is not enough: a straight edge in the polygons' CRS is a curve in the raster's, and
 * a cell centre between the chord and the curve would land on the wrong side. So each edge is bisected until the
 * transformed points at a quarter, half and three quarters of it lie within {@code tolerance} (raster map units)
 * of the chord between the transformed ends. The quarter points catch edges whose curve crosses its chord, where
 * the midpoint alone would look straight. Bisection stops at {@value #MAX_DEPTH} levels (2^16 pieces per edge).
 *
 * <p>Not thread-safe (the proj4j transform keeps scratch state): one per thread.
 */
public final class PolygonReprojection {
    static final int MAX_DEPTH = 16;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final CrsTransform transform;
    private final double tolerance;
    private final String targetName;

    /**
     * @param tolerance largest distance, in the target's map units, between a reprojected edge and its polyline
     */
    public PolygonReprojection(Crs from, Crs to, double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("the densifying tolerance must be positive, got " + tolerance);
        }
        this.transform = CrsTransform.between(from, to);
        this.tolerance = tolerance;
        this.targetName = to.toString();
    }

    /**
     * The densifying tolerance for rasterising on a grid of cells {@code cellWidth × cellHeight}: a millionth of a
     * cell, so that only a centre closer than that to an edge can be decided differently from the true curve.
     */
    public static double toleranceFor(double cellWidth, double cellHeight) {
        return 1e-6 * Math.min(cellWidth, cellHeight);
    }

    /**
     * The Polygon or MultiPolygon {@code g} (or a collection of polygons) in the target CRS.
     *
     * @throws IllegalArgumentException if a vertex or an edge point has no position in the target CRS
     */
    public Geometry apply(Geometry g) {
        int n = g.getNumGeometries();
        Polygon[] out = new Polygon[n];
        for (int i = 0; i < n; i++) {
            Geometry part = g.getGeometryN(i);
            if (!(part instanceof Polygon p)) {
                throw new IllegalArgumentException("not a polygon: " + part.getGeometryType());
            }
            out[i] = polygon(p);
        }
        return g instanceof Polygon ? out[0] : FACTORY.createMultiPolygon(out);
    }

    private Polygon polygon(Polygon p) {
        LinearRing shell = ring(p.getExteriorRing().getCoordinates());
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(p.getInteriorRingN(i).getCoordinates());
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(Coordinate[] cs) {
        List<Coordinate> out = new ArrayList<>(cs.length * 2);
        Point a = at(cs[0].x, cs[0].y);
        out.add(new Coordinate(a.x(), a.y()));
        for (int i = 1; i < cs.length; i++) {
            Point b = at(cs[i].x, cs[i].y);
            edge(cs[i - 1].x, cs[i - 1].y, a, cs[i].x, cs[i].y, b, 0, out);
            out.add(new Coordinate(b.x(), b.y()));
            a = b;
        }
        return FACTORY.createLinearRing(out.toArray(new Coordinate[0]));
    }

    /** Adds the points strictly between the ends of the edge (x0, y0)-(x1, y1) whose images are a and b. */
    private void edge(double x0, double y0, Point a, double x1, double y1, Point b, int depth, List<Coordinate> out) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        Point m = at(mx, my);
        boolean fine = depth == 0 ? straight(a, b, m, x0, y0, x1, y1) : distance(m, a, b) <= tolerance;
        if (fine) {
            return;
        }
        edge(x0, y0, a, mx, my, m, depth + 1, out);
        out.add(new Coordinate(m.x(), m.y()));
        edge(mx, my, m, x1, y1, b, depth + 1, out);
    }

    /** At the top level: whether the quarter points are also within the tolerance (else the edge must be split). */
    private boolean straight(Point a, Point b, Point m, double x0, double y0, double x1, double y1) {
        Point q1 = at(x0 + (x1 - x0) / 4, y0 + (y1 - y0) / 4);
        Point q3 = at(x0 + 3 * (x1 - x0) / 4, y0 + 3 * (y1 - y0) / 4);
        return distance(q1, a, b) <= tolerance && distance(q3, a, b) <= tolerance && distance(m, a, b) <= tolerance;
    }

    private Point at(double x, double y) {
        Point p;
        try {
            p = transform.transform(x, y);
        } catch (RuntimeException e) {
            p = new Point(Double.NaN, Double.NaN);
        }
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
            throw new IllegalArgumentException("polygon point (" + x + ", " + y + ") has no position in " + targetName);
        }
        return p;
    }

    /** Distance from p to the segment a-b. */
    static double distance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}
