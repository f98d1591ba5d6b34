package io.rastermill.core.warp;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.Extent;
import java.io.Serializable;

/**
 * Where a source grid can give data, in longitude and latitude: its outline (points along each edge, in order round
 * the ring) through the transform to EPSG:4326, the longitudes unwrapped from point to point so that a source across
 * the antimeridian stays one run (170°..190°, not −180°..180°). {@link #meets} tells a target extent that may hold
 * data from one that cannot, so a warp can leave the latter out without transforming a single cell.
 *
 * <p>An outline that cannot be transformed everywhere, or that winds round a pole (its longitudes span 360°), meets
 * everything: the test only ever rules out, never in. Immutable.
 */
public final class SourceFootprint implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int POINTS_PER_EDGE = CrsTransform.DEFAULT_POINTS_PER_EDGE;
    /** Share of the footprint's size added on each side: the outline is sampled, its edges between samples curve. */
    private static final double MARGIN = 0.01;

    private final double lonMin;
    private final double lonMax;
    private final double latMin;
    private final double latMax;
    private final boolean everywhere;

    private SourceFootprint(double lonMin, double lonMax, double latMin, double latMax, boolean everywhere) {
        this.lonMin = lonMin;
        this.lonMax = lonMax;
        this.latMin = latMin;
        this.latMax = latMax;
        this.everywhere = everywhere;
    }

    /** The footprint of {@code source}'s extent. */
    public static SourceFootprint of(WarpGrid source) {
        Extent e = source.grid().extent();
        int steps = POINTS_PER_EDGE - 1;
        int n = 4 * steps;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < steps; i++) {
            double fx = (double) i / steps;
            // counter-clockwise from the lower left: bottom, right, top, left edges
            xs[i] = e.xmin() + e.width() * fx;
            ys[i] = e.ymin();
            xs[steps + i] = e.xmax();
            ys[steps + i] = e.ymin() + e.height() * fx;
            xs[2 * steps + i] = e.xmax() - e.width() * fx;
            ys[2 * steps + i] = e.ymax();
            xs[3 * steps + i] = e.xmin();
            ys[3 * steps + i] = e.ymax() - e.height() * fx;
        }
        CrsTransform.between(source.crs(), Crs.LATLNG).transformInPlace(xs, ys, 0, n);
        double lon = xs[0];
        double lonMin = Double.POSITIVE_INFINITY;
        double lonMax = Double.NEGATIVE_INFINITY;
        double latMin = Double.POSITIVE_INFINITY;
        double latMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                return new SourceFootprint(0, 0, 0, 0, true);
            }
            lon += Math.IEEEremainder(xs[i] - lon, 360); // the step to this point, at most half a turn
            lonMin = Math.min(lonMin, lon);
            lonMax = Math.max(lonMax, lon);
            latMin = Math.min(latMin, ys[i]);
            latMax = Math.max(latMax, ys[i]);
        }
        double closing = lon + Math.IEEEremainder(xs[0] - lon, 360) - xs[0];
        if (Math.abs(closing) > 180 || lonMax - lonMin >= 360) {
            return new SourceFootprint(0, 0, 0, 0, true); // the ring winds round a pole
        }
        double mx = MARGIN * (lonMax - lonMin);
        double my = MARGIN * (latMax - latMin);
        return new SourceFootprint(lonMin - mx, lonMax + mx, latMin - my, latMax + my, false);
    }

    /**
     * Whether the box {@code west..east} × {@code south..north} (degrees; {@code west <= east}, any turn of the
     * globe) may overlap the footprint.
     */
    public boolean meets(double west, double south, double east, double north) {
        if (everywhere) {
            return true;
        }
        if (north < latMin || south > latMax) {
            return false;
        }
        // the box's longitudes shifted to the turn nearest the footprint, then one turn either side
        double shift = 360 * Math.floor((lonMin - west) / 360 + 0.5);
        for (int k = -1; k <= 1; k++) {
            double w = west + shift + 360 * k;
            double ea = east + shift + 360 * k;
            if (ea >= lonMin && w <= lonMax) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return everywhere
                ? "SourceFootprint[everywhere]"
                : "SourceFootprint[lon " + lonMin + ".." + lonMax + ", lat " + latMin + ".." + latMax + "]";
    }
}
