package io.rastermill.core.warp;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.RasterExtent;
import java.io.Serializable;
import java.util.List;

/**
 * What the user asked of the output grid, with gdalwarp's meanings, and how it becomes a {@link WarpGrid}.
 *
 * <p>Without {@code -tr}, {@code -te} or {@code -ts} the grid is gdalwarp's default (GDAL's
 * {@code GDALSuggestedWarpOutput2}): each source's outline (21 points per edge) is transformed into the target CRS;
 * its bounding box is the extent and the cell size keeps the number of cells along the source's diagonal; for
 * several sources the extents are united and the finest cell size is kept. Then {@code -te} replaces the extent,
 * {@code -tr} the cell size ({@code -tap} snaps the extent outward to multiples of it) and {@code -ts} the size,
 * as gdalwarp applies them.
 *
 * @param crs        target CRS; null: the first source's
 * @param resolution {@code -tr xres yres}, or null
 * @param extent     {@code -te xmin ymin xmax ymax} (already checked non-empty), or null
 * @param width      {@code -ts} width, 0 if not given (with a height, computed from the extent's aspect)
 * @param height     {@code -ts} height, 0 if not given
 * @param alignToResolution {@code -tap}: needs a resolution
 * @param maxCells   refuse grids of more cells than this
 */
public record TargetGridSpec(
        Crs crs, CellSize resolution, Extent extent, int width, int height, boolean alignToResolution, long maxCells)
        implements Serializable {

    /** Points per source edge when tracing its outline, corners included (GDAL samples 21). */
    static final int OUTLINE_POINTS = 21;

    public TargetGridSpec {
        if (resolution != null && (!(resolution.width() > 0) || !(resolution.height() > 0))) {
            throw new IllegalArgumentException("-tr needs two positive resolutions");
        }
        if (extent != null && (!(extent.xmin() < extent.xmax()) || !(extent.ymin() < extent.ymax()))) {
            throw new IllegalArgumentException("-te " + extent.xmin() + " " + extent.ymin() + " " + extent.xmax() + " "
                    + extent.ymax() + " is empty or inverted: xmin must be less than xmax and ymin less than ymax");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("-ts needs non-negative sizes, got " + width + " " + height);
        }
        if (resolution != null && (width > 0 || height > 0)) {
            throw new IllegalArgumentException("-tr and -ts are mutually exclusive");
        }
        if (alignToResolution && resolution == null) {
            throw new IllegalArgumentException("-tap needs -tr");
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("the cell limit must be positive, got " + maxCells);
        }
    }

    /** gdalwarp's default grid in {@code crs} (null: the first source's) with no other constraint. */
    public static TargetGridSpec defaults(Crs crs, long maxCells) {
        return new TargetGridSpec(crs, null, null, 0, 0, false, maxCells);
    }

    /**
     * The output grid for {@code sources}.
     *
     * @throws IllegalArgumentException if no source has a finite outline in the target CRS or the grid has more
     *                                  than {@code maxCells} cells
     */
    public WarpGrid resolve(List<WarpGrid> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources to warp");
        }
        Crs target = crs != null ? crs : sources.get(0).crs();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double resX = Double.POSITIVE_INFINITY;
        double resY = Double.POSITIVE_INFINITY;
        for (WarpGrid s : sources) {
            double[] g = suggested(s, target);
            minX = Math.min(minX, g[0]);
            maxY = Math.max(maxY, g[1]);
            maxX = Math.max(maxX, g[0] + g[2] * g[4]);
            minY = Math.min(minY, g[1] - g[3] * g[5]);
            resX = Math.min(resX, g[2]);
            resY = Math.min(resY, g[3]);
        }
        long cols = (long) ((maxX - minX) / resX + 0.5);
        long rows = (long) ((maxY - minY) / resY + 0.5);
        if (extent != null) {
            minX = extent.xmin();
            minY = extent.ymin();
            maxX = extent.xmax();
            maxY = extent.ymax();
        }
        if (resolution != null) {
            resX = resolution.width();
            resY = resolution.height();
            if (alignToResolution) {
                minX = Math.floor(minX / resX) * resX;
                maxX = Math.ceil(maxX / resX) * resX;
                minY = Math.floor(minY / resY) * resY;
                maxY = Math.ceil(maxY / resY) * resY;
            }
            cols = (long) ((maxX - minX + resX / 2) / resX);
            rows = (long) ((maxY - minY + resY / 2) / resY);
        } else if (width > 0 || height > 0) {
            cols = width > 0 ? width : Math.max(1, Math.round(height * (maxX - minX) / (maxY - minY)));
            rows = height > 0 ? height : Math.max(1, Math.round(width * (maxY - minY) / (maxX - minX)));
            resX = (maxX - minX) / cols;
            resY = (maxY - minY) / rows;
        } else if (extent != null) {
            cols = Math.max(1, (long) ((maxX - minX + resX / 2) / resX));
            rows = Math.max(1, (long) ((maxY - minY + resY / 2) / resY));
            resX = (maxX - minX) / cols;
            resY = (maxY - minY) / rows;
        }
        cols = Math.max(1, cols);
        rows = Math.max(1, rows);
        if (cols > Integer.MAX_VALUE || rows > Integer.MAX_VALUE || cols * rows > maxCells) {
            throw new IllegalArgumentException(
                    "the output grid of " + cols + "x" + rows + " cells exceeds the limit of " + maxCells
                            + " cells (raise it with --max-cells, or choose a coarser -tr or a smaller -te)");
        }
        Extent e = new Extent(minX, maxY - rows * resY, minX + cols * resX, maxY);
        return new WarpGrid(target, new RasterExtent(e, resX, resY, (int) cols, (int) rows));
    }

    /**
     * GDALSuggestedWarpOutput2 for one source: {xmin, ymax, resX, resY, cols, rows}.
     */
    static double[] suggested(WarpGrid source, Crs target) {
        int w = source.cols();
        int h = source.rows();
        int n = OUTLINE_POINTS;
        double[] xs = new double[4 * n];
        double[] ys = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double r = (double) i / (n - 1);
            set(xs, ys, 4 * i, source, r * w, 0);
            set(xs, ys, 4 * i + 1, source, r * w, h);
            set(xs, ys, 4 * i + 2, source, 0, r * h);
            set(xs, ys, 4 * i + 3, source, w, r * h);
        }
        CrsTransform.between(source.crs(), target).transformInPlace(xs, ys, 0, xs.length);
        if (target.isGeographic()) {
            unwrapAcrossAntimeridian(xs);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        if (!(minX < maxX) || !(minY < maxY)) {
            throw new IllegalArgumentException("the source grid "
                    + source.grid().extent() + " in " + source.crs() + " has no finite outline in " + target);
        }
        int last = xs.length - 1; // the lower-right corner (w, h); index 0 is the upper-left (0, 0)
        double dx = 0;
        double dy = 0;
        if (Double.isFinite(xs[0]) && Double.isFinite(xs[last])) {
            dx = xs[last] - xs[0];
            dy = ys[last] - ys[0];
        }
        if (dx == 0 || dy == 0) {
            dx = maxX - minX;
            dy = maxY - minY;
        }
        double pixel = Math.sqrt(dx * dx + dy * dy) / Math.sqrt((double) w * w + (double) h * h);
        double cols = (long) ((maxX - minX) / pixel + 0.5);
        double rows = (long) ((maxY - minY) / pixel + 0.5);
        return new double[] {minX, maxY, pixel, pixel, Math.max(1, cols), Math.max(1, rows)};
    }

    /**
     * An outline crossing the antimeridian comes back from proj4j in two pieces, near +180 and near −180, whose
     * bounding box spans the globe. When moving the western longitudes one turn east makes the outline narrower,
     * they are moved: the grid then runs past 180° as a {@code +lon_wrap=180} grid does (what gdalwarp gives for
     * such a source with that target CRS, and by default for a geographic source already past 180°).
     */
    static void unwrapAcrossAntimeridian(double[] lons) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double wrappedMin = Double.POSITIVE_INFINITY;
        double wrappedMax = Double.NEGATIVE_INFINITY;
        for (double x : lons) {
            if (Double.isFinite(x)) {
                double w = x < 0 ? x + 360 : x;
                min = Math.min(min, x);
                max = Math.max(max, x);
                wrappedMin = Math.min(wrappedMin, w);
                wrappedMax = Math.max(wrappedMax, w);
            }
        }
        if (wrappedMax - wrappedMin < max - min) {
            for (int i = 0; i < lons.length; i++) {
                if (lons[i] < 0) {
                    lons[i] += 360;
                }
            }
        }
    }

    private static void set(double[] xs, double[] ys, int i, WarpGrid g, double col, double row) {
        xs[i] = g.colToMap(col);
        ys[i] = g.rowToMap(row);
    }
}
