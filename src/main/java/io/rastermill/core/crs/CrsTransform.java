package io.rastermill.core.crs;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.Point;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms points and extents from one {@link Crs} to another with proj4j's {@code BasicCoordinateTransform},
 * the same call GeoTrellis makes, so point results agree bit for bit. Equal CRSs give the identity. Geographic
 * longitudes past ±180 (grids across the antimeridian) are taken modulo 360 before proj4j, which would clamp them.
 *
 * <p><b>Not thread-safe</b>: proj4j keeps scratch coordinates inside the transform. Create one per thread (they are
 * cheap); the {@link Crs} values themselves can be shared.
 */
public final class CrsTransform {

    /** Points sampled on each edge by {@link #transformExtent(Extent)}, corners included. */
    public static final int DEFAULT_POINTS_PER_EDGE = 21;

    private final Crs source;
    private final Crs target;
    private final BasicCoordinateTransform proj4j;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();
    private final boolean geographicSource;
    private final boolean geographicTarget;

    private CrsTransform(Crs source, Crs target) {
        this.source = source;
        this.target = target;
        this.proj4j =
                source.equals(target) ? null : new BasicCoordinateTransform(source.proj4jCrs(), target.proj4jCrs());
        this.geographicSource = source.isGeographic();
        this.geographicTarget = target.isGeographic();
    }

    /**
     * Turns of 360 degrees to take off a source longitude before proj4j sees it: proj4j clamps longitudes past
     * ±180 to ±180 (so 180.5 would land on the antimeridian), where they mean the same meridian as lon − 360.
     * 0 within [−180, 180], so results there stay bit for bit GeoTrellis's.
     */
    private double turns(double x) {
        return geographicSource && (x > 180 || x < -180) ? Math.floor((x + 180) / 360) : 0;
    }

    /** One point through proj4j into {@code out}; a geographic target keeps the source longitude's turn. */
    private void project(double x, double y) {
        double k = turns(x);
        in.x = x - 360 * k;
        in.y = y;
        proj4j.transform(in, out);
        if (k != 0 && geographicTarget) {
            out.x += 360 * k;
        }
    }

    /** A transform from {@code source} to {@code target}. */
    public static CrsTransform between(Crs source, Crs target) {
        if (source == null || target == null) {
            throw new IllegalArgumentException("source and target CRS must not be null: " + source + " -> " + target);
        }
        return new CrsTransform(source, target);
    }

    public Crs source() {
        return source;
    }

    public Crs target() {
        return target;
    }

    /** The point in the target CRS (NaN or infinite where the projection is undefined). */
    public Point transform(double x, double y) {
        if (proj4j == null) {
            return new Point(x, y);
        }
        project(x, y);
        return new Point(out.x, out.y);
    }

    /**
     * Transforms {@code n} points of {@code xs}/{@code ys} from index {@code from} in place, without allocating per
     * point: the bulk form for grids of points. A point proj4j cannot transform becomes NaN.
     */
    public void transformInPlace(double[] xs, double[] ys, int from, int n) {
        if (proj4j == null) {
            return;
        }
        for (int i = from; i < from + n; i++) {
            try {
                project(xs[i], ys[i]);
                xs[i] = out.x;
                ys[i] = out.y;
            } catch (Proj4jException e) {
                xs[i] = Double.NaN;
                ys[i] = Double.NaN;
            }
        }
    }

    /** The bounding box of the transformed extent, sampling {@value #DEFAULT_POINTS_PER_EDGE} points per edge. */
    public Extent transformExtent(Extent extent) {
        return transformExtent(extent, DEFAULT_POINTS_PER_EDGE);
    }

    /**
     * The bounding box of the transformed extent, from {@code pointsPerEdge} evenly spaced points on each edge
     * (corners included), so that curved edges — e.g. a UTM extent's bulge in longitude/latitude — are covered.
     *
     * @throws IllegalArgumentException if {@code pointsPerEdge < 2} or no sample transforms to finite coordinates
     */
    public Extent transformExtent(Extent extent, int pointsPerEdge) {
        if (pointsPerEdge < 2) {
            throw new IllegalArgumentException("pointsPerEdge must be >= 2, got " + pointsPerEdge);
        }
        BoundingBox box = new BoundingBox();
        int steps = pointsPerEdge - 1;
        for (int i = 0; i <= steps; i++) {
            double fx = extent.xmin() + extent.width() * i / steps;
            double fy = extent.ymin() + extent.height() * i / steps;
            box.add(transform(fx, extent.ymin()));
            box.add(transform(fx, extent.ymax()));
            box.add(transform(extent.xmin(), fy));
            box.add(transform(extent.xmax(), fy));
        }
        return box.toExtent(extent);
    }

    /**
     * The bounding box of the four transformed corners only: what GeoTrellis's {@code Extent.reproject} computes.
     * Use it where GeoTrellis compatibility matters more than coverage (e.g. the world extent of a layout scheme).
     */
    public Extent transformCorners(Extent extent) {
        BoundingBox box = new BoundingBox();
        box.add(transform(extent.xmin(), extent.ymin()));
        box.add(transform(extent.xmin(), extent.ymax()));
        box.add(transform(extent.xmax(), extent.ymax()));
        box.add(transform(extent.xmax(), extent.ymin()));
        return box.toExtent(extent);
    }

    private static final class BoundingBox {
        private double xmin = Double.POSITIVE_INFINITY;
        private double ymin = Double.POSITIVE_INFINITY;
        private double xmax = Double.NEGATIVE_INFINITY;
        private double ymax = Double.NEGATIVE_INFINITY;

        void add(Point p) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                return;
            }
            xmin = Math.min(xmin, p.x());
            ymin = Math.min(ymin, p.y());
            xmax = Math.max(xmax, p.x());
            ymax = Math.max(ymax, p.y());
        }

        Extent toExtent(Extent source) {
            if (xmin > xmax) {
                throw new IllegalArgumentException(
                        "no point of " + source + " has finite coordinates in the target CRS");
            }
            return new Extent(xmin, ymin, xmax, ymax);
        }
    }
}
