package io.rastermill.io.layerstore;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a layer's tile directories under {@code <catalog>/<name>/}, shared by both backends: the
 * canonical {@code <zoom>} (what GeoTrellis writes) and versions {@code <zoom>.v<hex>}, where a
 * replacement is written beside the current tiles before the {@code metadata} attribute is swapped
 * to it. A directory of either form that the attribute does not reference is left over (a replaced
 * version, a killed write) and may be deleted.
 */
final class TileDirectories {
    private static final Pattern NAME = Pattern.compile("(0|[1-9][0-9]{0,9})(\\.v.+)?");

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
        return zoomOf(dirName) == zoom;
    }

    /** The zoom level whose tile directory (canonical or a version) {@code dirName} is, or -1 if it is none. */
    static int zoomOf(String dirName) {
        Matcher m = NAME.matcher(dirName);
        if (!m.matches()) {
            return -1;
        }
        long zoom = Long.parseLong(m.group(1));
        return zoom <= Integer.MAX_VALUE ? (int) zoom : -1;
    }

    /** The directory name the next version of a layer goes to, given the name of its current one. */
    static String next(String currentDirName, int zoom) {
        return currentDirName.equals(canonical(zoom)) ? version(zoom) : canonical(zoom);
    }
}
