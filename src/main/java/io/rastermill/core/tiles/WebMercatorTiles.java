package io.rastermill.core.tiles;

import io.rastermill.core.geom.Extent;

/**
 * The Web Mercator (EPSG:3857) XYZ tile scheme of web maps, with the rules {@code gdal2tiles.py --xyz} applies:
 * zoom {@code z} cuts the square world (±{@link #ORIGIN_SHIFT} metres) into {@code 2^z × 2^z} tiles of
 * {@link #TILE_SIZE}² pixels, rows counted from the top.
 *
 * <p>Which tiles a raster gets ({@link #range}) follows gdal2tiles exactly, edge cases included: the corner
 * {@code (x, y)} in metres falls in pixel {@code p = (x + ORIGIN_SHIFT) / res(z)} and tile {@code ceil(p / 256) - 1},
 * for the lower-left and the upper-right corner alike, clamped to the world. So a raster whose west or south edge
 * lies exactly on a tile boundary also gets the (empty) tiles west or south of it, as gdal2tiles writes them.
 * gdal2tiles takes the raster's south edge as {@code ymax - rows × cellWidth} (square cells); so does
 * {@link #range}, given the extent's north edge, rows and cell width.
 *
 * <p>Static, stateless.
 */
public final class WebMercatorTiles {
    /** Pixels along a tile's side. */
    public static final int TILE_SIZE = 256;
    /** Highest zoom accepted (tile numbers stay ints; cells are 0.15 mm there). */
    public static final int MAX_ZOOM = 30;
    /** Half the world's width in metres: {@code π · 6378137}. */
    public static final double ORIGIN_SHIFT = Math.PI * 6378137;

    private WebMercatorTiles() {}

    /** Metres per pixel at {@code zoom}. */
    public static double resolution(int zoom) {
        return 2 * ORIGIN_SHIFT / TILE_SIZE / Math.pow(2, zoom);
    }

    /** The EPSG:3857 extent of XYZ tile {@code (x, y)} at {@code zoom}. */
    public static Extent tileExtent(int zoom, int x, int y) {
        double size = resolution(zoom) * TILE_SIZE;
        double xmin = -ORIGIN_SHIFT + x * size;
        double ymax = ORIGIN_SHIFT - y * size;
        return new Extent(xmin, ymax - size, xmin + size, ymax);
    }

    /**
     * The EPSG:3857 extent {@code e} in degrees: x as longitude, y as latitude (the spherical Mercator's inverse,
     * exact for EPSG:3857, which defines it so).
     */
    public static Extent degrees(Extent e) {
        double r = ORIGIN_SHIFT / Math.PI;
        return new Extent(
                Math.toDegrees(e.xmin() / r),
                Math.toDegrees(Math.atan(Math.sinh(e.ymin() / r))),
                Math.toDegrees(e.xmax() / r),
                Math.toDegrees(Math.atan(Math.sinh(e.ymax() / r))));
    }

    /** The EPSG:3857 extent of the tiles of {@code range}. */
    public static Extent extent(TileRange range) {
        Extent ul = tileExtent(range.zoom(), range.minX(), range.minY());
        Extent lr = tileExtent(range.zoom(), range.maxX(), range.maxY());
        return new Extent(ul.xmin(), lr.ymin(), lr.xmax(), ul.ymax());
    }

    /**
     * The tiles gdal2tiles writes at {@code zoom} for a raster in EPSG:3857 whose grid starts at
     * {@code (xmin, ymax)} with {@code cols × rows} cells {@code cellWidth} wide.
     *
     * @throws IllegalArgumentException if the raster lies outside the Web Mercator world
     */
    public static TileRange range(int zoom, double xmin, double ymax, int cols, int rows, double cellWidth) {
        double xmax = xmin + cols * cellWidth;
        double ymin = ymax - rows * cellWidth;
        long last = (1L << zoom) - 1;
        long tminx = Math.max(0, tmsTile(xmin, zoom));
        long tminy = Math.max(0, tmsTile(ymin, zoom));
        long tmaxx = Math.min(last, tmsTile(xmax, zoom));
        long tmaxy = Math.min(last, tmsTile(ymax, zoom));
        if (tminx > tmaxx || tminy > tmaxy) {
            throw new IllegalArgumentException("the raster (" + xmin + ", " + ymin + ", " + xmax + ", " + ymax
                    + " in EPSG:3857) lies outside the Web Mercator world");
        }
        // TMS rows count from the bottom; XYZ rows from the top.
        return new TileRange(zoom, (int) tminx, (int) (last - tmaxy), (int) tmaxx, (int) (last - tminy));
    }

    /** gdal2tiles' {@code MetersToTile} along one axis: {@code ceil(pixel / 256) - 1}, bottom-up. */
    private static long tmsTile(double metres, int zoom) {
        double pixel = (metres + ORIGIN_SHIFT) / resolution(zoom);
        return (long) Math.ceil(pixel / TILE_SIZE) - 1;
    }
}
