package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Point;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Densified reprojection of polygon edges: the polyline stays within the tolerance of every edge's true image. */
class PolygonReprojectionTest {
    private static final GeometryFactory F = new GeometryFactory();

    private static Polygon square(double x0, double y0, double x1, double y1) {
        return F.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0),
            new Coordinate(x1, y0),
            new Coordinate(x1, y1),
            new Coordinate(x0, y1),
            new Coordinate(x0, y0)
        });
    }

    /** Largest distance from the exact images of 2,000 points per source edge to the reprojected ring. */
    private static double worstGap(Polygon source, Geometry moved, Crs from, Crs to) {
        CrsTransform t = CrsTransform.between(from, to);
        Coordinate[] src = source.getExteriorRing().getCoordinates();
        Coordinate[] out = ((Polygon) moved).getExteriorRing().getCoordinates();
        double worst = 0;
        for (int e = 0; e + 1 < src.length; e++) {
            for (int k = 0; k <= 2000; k++) {
                double f = k / 2000.0;
                Point p =
                        t.transform(src[e].x + f * (src[e + 1].x - src[e].x), src[e].y + f * (src[e + 1].y - src[e].y));
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i + 1 < out.length; i++) {
                    best = Math.min(
                            best,
                            PolygonReprojection.distance(
                                    p, new Point(out[i].x, out[i].y), new Point(out[i + 1].x, out[i + 1].y)));
                }
                worst = Math.max(worst, best);
            }
        }
        return worst;
    }

    @Test
    void edgesFollowTheirCurvedImageWithinTheTolerance() {
        // A 2-degree lon/lat square 6 degrees off UTM 33N's central meridian: its parallels bow by kilometres there.
        Polygon lonLat = square(20, 44, 22, 46);
        Crs utm = Crs.epsg(32633);
        double tolerance = PolygonReprojection.toleranceFor(30, 30);
        Geometry moved = new PolygonReprojection(Crs.LATLNG, utm, tolerance).apply(lonLat);
        double gap = worstGap(lonLat, moved, Crs.LATLNG, utm);
        assertTrue(gap <= 2 * tolerance, "gap " + gap + " m for tolerance " + tolerance);
        double straight =
                worstGap(lonLat, new PolygonReprojection(Crs.LATLNG, utm, 1e9).apply(lonLat), Crs.LATLNG, utm);
        assertTrue(straight > 100, "vertices alone miss the curve by " + straight + " m");
        int points = moved.getNumPoints();
        assertTrue(points > 5 && points < 4 * 65_536, points + " points");

        // Vertices are moved exactly, and the other direction works too.
        Point corner = CrsTransform.between(Crs.LATLNG, utm).transform(20, 44);
        assertEquals(corner.x(), moved.getCoordinates()[0].x, 0);
        assertEquals(corner.y(), moved.getCoordinates()[0].y, 0);
        Polygon metres = square(600_000, 4_900_000, 700_000, 5_000_000);
        Geometry back = new PolygonReprojection(utm, Crs.LATLNG, 1e-9).apply(metres);
        assertTrue(worstGap(metres, back, utm, Crs.LATLNG) <= 2e-9);
    }

    @Test
    void holesAndMultiPolygonsKeepTheirStructure() {
        Polygon withHole = F.createPolygon(
                square(0, 0, 10, 10).getExteriorRing(),
                new LinearRing[] {square(2, 2, 4, 4).getExteriorRing()});
        Geometry multi = F.createMultiPolygon(new Polygon[] {withHole, square(20, 20, 21, 21)});
        Geometry moved = new PolygonReprojection(Crs.LATLNG, Crs.WEB_MERCATOR, 0.01).apply(multi);
        assertEquals(2, moved.getNumGeometries());
        assertEquals(1, ((Polygon) moved.getGeometryN(0)).getNumInteriorRing());
        assertTrue(moved.isValid());
        assertThrows(IllegalArgumentException.class, () -> new PolygonReprojection(Crs.LATLNG, Crs.WEB_MERCATOR, 0));
    }
}
