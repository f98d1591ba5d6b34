package io.rastermill.core.tiles;

/**
 * The XYZ tiles of one zoom level a pyramid holds: columns {@code minX..maxX} and rows {@code minY..maxY}
 * (inclusive; row 0 at the top, as in {@code {z}/{x}/{y}.png} URLs).
 */
public record TileRange(int zoom, int minX, int minY, int maxX, int maxY) {

    public TileRange {
        if (zoom < 0 || zoom > WebMercatorTiles.MAX_ZOOM) {
            throw new IllegalArgumentException("zoom must be 0.." + WebMercatorTiles.MAX_ZOOM + ", got " + zoom);
        }
        long n = 1L << zoom;
        if (minX < 0 || minY < 0 || maxX >= n || maxY >= n || minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("tile range " + minX + ".." + maxX + " x " + minY + ".." + maxY
                    + " is empty or outside zoom " + zoom);
        }
    }

    public int width() {
        return maxX - minX + 1;
    }

    public int height() {
        return maxY - minY + 1;
    }

    public long count() {
        return (long) width() * height();
    }

    public boolean contains(int x, int y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
}
