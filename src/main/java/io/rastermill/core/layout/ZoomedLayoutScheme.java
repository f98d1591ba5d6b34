package io.rastermill.core.layout;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.crs.CrsTransform;
import io.rastermill.core.crs.Haversine;
import io.rastermill.core.crs.UtmZone;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.Point;

/**
 * A power-of-two pyramid over the CRS's world extent (GeoTrellis {@code ZoomedLayoutScheme}): at zoom {@code z} the
 * world extent is cut into {@code 2^z × 2^z} tiles of {@code tileSize × tileSize} pixels.
 *
 * <p><b>World extents</b> ({@link #worldExtent(Crs)}): LatLng uses (-180, -89.99999, 179.99999, 89.99999), so its
 * pixels are not square; WebMercator ±20037508.342789244; GeoTrellis's Sinusoidal its fixed constants; UTM CRSs are
 * rejected; any other CRS gets the LatLng world extent reprojected through its four corners, exactly as GeoTrellis.
 *
 * <p><b>Zoom choice</b> ({@link #zoomFor}): the data's lower-left corner and that corner plus one cell are taken to
 * LatLng; their distance is measured in the local UTM zone (max of |dx|, |dy|) when the latitude is in [-80, 84], else
 * with the Haversine formula; {@code z = trunc(log2(C / (dist * tileSize)))} with {@code C = 2π · 6378137}, and
 * {@code z + 1} is taken when {@code dist} is closer to the finer level by more than {@code resolutionThreshold}.
 *
 * <p>Immutable and thread-safe (transforms are created per call).
 */
public final class ZoomedLayoutScheme implements LayoutScheme {

    public static final int DEFAULT_TILE_SIZE = 256;
    public static final double DEFAULT_RESOLUTION_THRESHOLD = 0.1;
    /** {@code 2π · 6378137} metres. */
    public static final double EARTH_CIRCUMFERENCE = 2 * Math.PI * Haversine.EARTH_RADIUS;

    private static final Extent WORLD_WGS84 = new Extent(-180, -89.99999, 179.99999, 89.99999);
    private static final Extent WORLD_WEB_MERCATOR =
            new Extent(-20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244);
    private static final Crs SINUSOIDAL =
            Crs.fromProj4("+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +a=6371007.181 +b=6371007.181 +units=m +no_defs");
    private static final Extent WORLD_SINUSOIDAL =
            new Extent(-2.0015109355797417E7, -1.0007554677898709E7, 2.0015109355797417E7, 1.0007554677898709E7);

    private final Crs crs;
    private final int tileSize;
    private final double resolutionThreshold;
    private final Extent worldExtent;

    /**
     * @throws IllegalArgumentException if {@code tileSize <= 0} or the CRS has no world extent (UTM)
     */
    public ZoomedLayoutScheme(Crs crs, int tileSize, double resolutionThreshold) {
        if (crs == null) {
            throw new IllegalArgumentException("crs must not be null");
        }
        if (tileSize <= 0) {
            throw new IllegalArgumentException("tileSize must be > 0, got " + tileSize);
        }
        this.crs = crs;
        this.tileSize = tileSize;
        this.resolutionThreshold = resolutionThreshold;
        this.worldExtent = worldExtent(crs);
    }

    /** 256-pixel tiles and threshold 0.1. */
    public ZoomedLayoutScheme(Crs crs) {
        this(crs, DEFAULT_TILE_SIZE, DEFAULT_RESOLUTION_THRESHOLD);
    }

    /**
     * The extent GeoTrellis tiles for {@code crs} (its {@code worldExtent}).
     *
     * @throws IllegalArgumentException for UTM CRSs, which have no world extent
     */
    public static Extent worldExtent(Crs crs) {
        if (crs.equals(Crs.LATLNG)) {
            return WORLD_WGS84;
        }
        if (crs.equals(Crs.WEB_MERCATOR)) {
            return WORLD_WEB_MERCATOR;
        }
        if (crs.equals(SINUSOIDAL)) {
            return WORLD_SINUSOIDAL;
        }
        if ("utm".equals(crs.projectionName())) {
            throw new IllegalArgumentException("UTM CRS " + crs + " has no world extent for a zoomed layout scheme;"
                    + " use another CRS or a FloatingLayoutScheme");
        }
        return CrsTransform.between(Crs.LATLNG, crs).transformCorners(WORLD_WGS84);
    }

    /** The layout of {@code 2^zoom × 2^zoom} tiles of {@code tileSize} over {@code layoutExtent}. */
    public static LayoutDefinition layoutForZoom(int zoom, Extent layoutExtent, int tileSize) {
        int tiles = tilesPerSide(zoom);
        return new LayoutDefinition(layoutExtent, new TileLayout(tiles, tiles, tileSize, tileSize));
    }

    private static int tilesPerSide(int zoom) {
        if (zoom < 0) {
            throw new IllegalArgumentException("zoom must be >= 0, got " + zoom);
        }
        return (int) Math.pow(2, zoom);
    }

    public Crs crs() {
        return crs;
    }

    public int tileSize() {
        return tileSize;
    }

    public double resolutionThreshold() {
        return resolutionThreshold;
    }

    /** The world extent of this scheme's CRS. */
    public Extent worldExtent() {
        return worldExtent;
    }

    /** The zoom level for data whose lower-left corner is (x, y) in this scheme's CRS, at {@code cellSize}. */
    public int zoomFor(double x, double y, CellSize cellSize) {
        CrsTransform toLatLng = CrsTransform.between(crs, Crs.LATLNG);
        Point ll1 = toLatLng.transform(x + cellSize.width(), y + cellSize.height());
        Point ll2 = toLatLng.transform(x, y);
        double dist;
        if (UtmZone.isValidLatitude(ll1.y())) {
            CrsTransform toUtm = CrsTransform.between(
                    Crs.LATLNG, UtmZone.of(ll1.x(), ll1.y()).crs());
            Point p1 = toUtm.transform(ll1.x(), ll1.y());
            Point p2 = toUtm.transform(ll2.x(), ll2.y());
            dist = Math.max(Math.abs(p1.x() - p2.x()), Math.abs(p1.y() - p2.y()));
        } else {
            dist = Haversine.distance(ll1.x(), ll1.y(), ll2.x(), ll2.y());
        }
        int z = (int) (Math.log(EARTH_CIRCUMFERENCE / (dist * tileSize)) / Math.log(2));
        double zRes = EARTH_CIRCUMFERENCE / (Math.pow(2, z) * tileSize);
        double nextZRes = EARTH_CIRCUMFERENCE / (Math.pow(2, z + 1) * tileSize);
        double delta = zRes - nextZRes;
        double diff = zRes - dist;
        return diff / delta > resolutionThreshold ? z + 1 : z;
    }

    @Override
    public LayoutLevel levelFor(Extent extent, CellSize cellSize) {
        return levelForZoom(zoomFor(extent.xmin(), extent.ymin(), cellSize));
    }

    /**
     * The level {@code zoom} over the world extent.
     *
     * @throws IllegalArgumentException if {@code zoom < 0}
     */
    public LayoutLevel levelForZoom(int zoom) {
        return new LayoutLevel(zoom, layoutForZoom(zoom, worldExtent, tileSize));
    }

    /** @throws IllegalArgumentException at zoom 0 */
    @Override
    public LayoutLevel zoomOut(LayoutLevel level) {
        if (level.zoom() <= 0) {
            throw new IllegalArgumentException("no zoom level below 0 (level " + level.zoom() + ")");
        }
        return resized(level, level.zoom() - 1);
    }

    @Override
    public LayoutLevel zoomIn(LayoutLevel level) {
        return resized(level, level.zoom() + 1);
    }

    private static LayoutLevel resized(LayoutLevel level, int zoom) {
        LayoutDefinition layout = level.layout();
        int tiles = tilesPerSide(zoom);
        return new LayoutLevel(
                zoom,
                new LayoutDefinition(
                        layout.extent(), new TileLayout(tiles, tiles, layout.tileCols(), layout.tileRows())));
    }

    @Override
    public String toString() {
        return "ZoomedLayoutScheme(" + crs + ", " + tileSize + ", " + resolutionThreshold + ")";
    }
}
