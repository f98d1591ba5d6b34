package io.rastermill.spark.layerstore;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.layout.LayoutLevel;
import io.rastermill.core.layout.ZoomedLayoutScheme;
import io.rastermill.core.warp.TargetGridSpec;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.warp.GeoTiffWarp;
import io.rastermill.spark.warp.WarpOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The levels of a GeoTrellis {@link ZoomedLayoutScheme} pyramid in Web Mercator (EPSG:3857) for GeoTIFFs in any
 * CRS, each level warped from the sources with the warp machinery (reprojection and resampling as gdalwarp does
 * them; each tile reads only its source window).
 *
 * <p>The top level is the one GeoTrellis's scheme picks for the sources' grid in EPSG:3857 (gdalwarp's default
 * grid there), as GeoTrellis picks it after reprojecting; each lower level is warped from the sources again, so
 * every level agrees with {@code gdalwarp -t_srs EPSG:3857} at its resolution. (A level far coarser than the
 * source makes each task read a correspondingly large source window: building levels from the level above, or
 * from the source's overviews, is the step after this one.)
 */
public final class ZoomedPyramid {
    private ZoomedPyramid() {
    }

    /**
     * The levels from the top ({@code topZoom}, or the scheme's level for the sources' EPSG:3857 grid if null) down
     * to {@code minZoom}, top first.
     *
     * @throws IllegalArgumentException if {@code minZoom} is negative or above the top
     */
    public static List<LayoutLevel> levels(GeoTiffWarp sources, int tileSize, Integer topZoom, int minZoom) {
        ZoomedLayoutScheme scheme = new ZoomedLayoutScheme(Crs.WEB_MERCATOR, tileSize,
                ZoomedLayoutScheme.DEFAULT_RESOLUTION_THRESHOLD);
        int top;
        if (topZoom != null) {
            top = topZoom;
        } else {
            WarpGrid g = sources.targetGrid(TargetGridSpec.defaults(Crs.WEB_MERCATOR, Long.MAX_VALUE));
            top = scheme.levelFor(g.grid().extent(), new CellSize(g.grid().cellWidth(), g.grid().cellHeight())).zoom();
        }
        if (minZoom < 0 || minZoom > top) {
            throw new IllegalArgumentException("--min-zoom " + minZoom + " must be between 0 and the top zoom " + top);
        }
        List<LayoutLevel> levels = new ArrayList<>();
        for (int z = top; z >= minZoom; z--) {
            levels.add(scheme.levelForZoom(z));
        }
        return levels;
    }

    /** Every band of the sources warped onto {@code level}'s layout: layer {@code b} is band {@code b + 1}. */
    public static List<TileLayer> level(GeoTiffWarp sources, LayoutLevel level, WarpOptions options) {
        List<TileLayer> bands = new ArrayList<>();
        for (int b = 0; b < sources.bandCount(); b++) {
            bands.add(sources.warpBandToLayout(level.layout(), Crs.WEB_MERCATOR, b, options));
        }
        return bands;
    }
}
