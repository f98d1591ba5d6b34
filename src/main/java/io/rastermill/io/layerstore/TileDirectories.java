package io.rastermill.io.layerstore;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The names of a layer's tile directories under {@code <catalog>/<name>/}, shared by both backends: the
 * canonical {@code <zoom>} (what GeoTrellis writes) and versions {@code <zoom>.v<hex>}, where a
 * replacement is written beside the current tiles before the {@code metadata} attribute is swapped
 * to it. A directory of either form that the attribute does not reference is left over (a replaced
 * version, a killed write) and may be deleted.
 */
final class TileDirectories {
    private TileDirectories() {}

    /** The canonical tile directory name of a zoom level. */
    static String canonical(int zoom) {
        return Integer.toString(zoom);
    }

    /** A fresh version directory name for a zoom level. */
    static String version(int zoom) {
        return zoom + ".v" + Long.toHexString(System.currentTimeMillis())
                + Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 8);
    }

    /** Whether {@code dirName} is a tile directory (canonical or a version) of {@code zoom}. */
    static boolean isTileDirectory(String dirName, int zoom) {
        String c = canonical(zoom);
        return dirName.equals(c) || (dirName.startsWith(c + ".v") && dirName.length() > c.length() + 2);
    }

    /** The directory name the next version of a layer goes to, given the name of its current one. */
    static String next(String currentDirName, int zoom) {
        return currentDirName.equals(canonical(zoom)) ? version(zoom) : canonical(zoom);
    }
}
