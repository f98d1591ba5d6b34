package io.rastermill.core.geom;

import java.io.Serializable;
import java.util.Optional;

/**
 * An axis-aligned rectangle in map units: the outer boundary of a raster or of a tile.
 *
 * <p>Semantics follow GeoTrellis's {@code geotrellis.vector.Extent}:
 * <ul>
 *   <li>{@link #intersects(Extent)} and {@link #covers(double, double)} include the boundary;</li>
 *   <li>{@link #contains(double, double)} and {@link #interiorIntersects(Extent)} exclude it (strict);</li>
 *   <li>{@link #intersection(Extent)} is empty only when the extents do not even touch; touching extents give a
 *       zero-width or zero-height result.</li>
 * </ul>
 * Equality is the record's: component-wise with {@link Double#compare}, so {@code 0.0} and {@code -0.0} differ (GeoTrellis
 * uses {@code ==}). NaN coordinates are not rejected, exactly like GeoTrellis.
 *
 * @param xmin west edge
 * @param ymin south edge
 * @param xmax east edge
 * @param ymax north edge
 */
public record Extent(double xmin, double ymin, double xmax, double ymax) implements Serializable {

    /** @throws IllegalArgumentException if {@code xmin > xmax} or {@code ymin > ymax} */
    public Extent {
        if (xmin > xmax) {
            throw new IllegalArgumentException("Extent xmin=" + xmin + " is greater than xmax=" + xmax);
        }
        if (ymin > ymax) {
            throw new IllegalArgumentException("Extent ymin=" + ymin + " is greater than ymax=" + ymax);
        }
    }

    /** {@code xmax - xmin}. */
    public double width() {
        return xmax - xmin;
    }

    /** {@code ymax - ymin}. */
    public double height() {
        return ymax - ymin;
    }

    public double area() {
        return width() * height();
    }

    /** True when the area is zero. */
    public boolean isEmpty() {
        return area() == 0;
    }

    /** The upper-left corner (xmin, ymax): the origin of pixel grids and tile layouts. */
    public Point northWest() {
        return new Point(xmin, ymax);
    }

    public Point center() {
        return new Point((xmin + xmax) / 2.0, (ymin + ymax) / 2.0);
    }

    /** True if the extents share at least one point; the boundary counts. */
    public boolean intersects(Extent other) {
        return !(other.xmax < xmin || other.xmin > xmax) && !(other.ymax < ymin || other.ymin > ymax);
    }

    /** True if the point lies inside or on the boundary. */
    public boolean covers(double x, double y) {
        return x >= xmin && x <= xmax && y >= ymin && y <= ymax;
    }

    /** True if the interiors overlap; extents that only touch do not. */
    public boolean interiorIntersects(Extent other) {
        return !(other.xmax <= xmin || other.xmin >= xmax) && !(other.ymax <= ymin || other.ymin >= ymax);
    }

    /** True if the point lies strictly inside; points on the boundary are not contained (as in GeoTrellis). */
    public boolean contains(double x, double y) {
        return x > xmin && x < xmax && y > ymin && y < ymax;
    }

    /**
     * True if {@code other} lies inside this extent, boundary included.
     *
     * <p>GeoTrellis returns false when this extent is exactly (0,0,0,0); we do not copy that special case.
     */
    public boolean covers(Extent other) {
        return other.xmin >= xmin && other.ymin >= ymin && other.xmax <= xmax && other.ymax <= ymax;
    }

    /** The common part, or empty when the extents do not touch. */
    public Optional<Extent> intersection(Extent other) {
        double nxmin = xmin > other.xmin ? xmin : other.xmin;
        double nymin = ymin > other.ymin ? ymin : other.ymin;
        double nxmax = xmax < other.xmax ? xmax : other.xmax;
        double nymax = ymax < other.ymax ? ymax : other.ymax;
        if (nxmin <= nxmax && nymin <= nymax) {
            return Optional.of(new Extent(nxmin, nymin, nxmax, nymax));
        }
        return Optional.empty();
    }

    /** The smallest extent holding both (GeoTrellis {@code combine} / {@code expandToInclude}). */
    public Extent combine(Extent other) {
        return new Extent(
                xmin < other.xmin ? xmin : other.xmin,
                ymin < other.ymin ? ymin : other.ymin,
                xmax > other.xmax ? xmax : other.xmax,
                ymax > other.ymax ? ymax : other.ymax);
    }

    /** The smallest extent holding this one and the point. */
    public Extent expandToInclude(double x, double y) {
        return new Extent(xmin < x ? xmin : x, ymin < y ? ymin : y, xmax > x ? xmax : x, ymax > y ? ymax : y);
    }

    /** Grows every side by {@code distance} (shrinks when negative). */
    public Extent buffer(double distance) {
        return buffer(distance, distance);
    }

    /** Grows the west and east sides by {@code dx} and the south and north sides by {@code dy}. */
    public Extent buffer(double dx, double dy) {
        return new Extent(xmin - dx, ymin - dy, xmax + dx, ymax + dy);
    }

    public Extent translate(double dx, double dy) {
        return new Extent(xmin + dx, ymin + dy, xmax + dx, ymax + dy);
    }
}
