package io.rastermill.io.layerstore;

import java.io.Serializable;
import java.util.Objects;

/**
 * A layer in a catalog: its name and zoom level, GeoTrellis's {@code LayerId(name, zoom)}.
 *
 * <p>The name becomes a directory and part of attribute file names in the catalog, so it is confined:
 * no path separators, no {@code .} or {@code ..}, no {@code :} (a Hadoop path would read it as a
 * scheme), no control characters, not empty. A name that could leave the catalog is refused here,
 * before anything is written.
 */
public record LayerId(String name, int zoom) implements Serializable {
    public LayerId {
        Objects.requireNonNull(name, "name");
        String why = unsafeName(name);
        if (why != null) {
            throw new IllegalArgumentException("layer name '" + printable(name) + "' " + why);
        }
        if (zoom < 0) {
            throw new IllegalArgumentException("zoom must not be negative, got " + zoom);
        }
    }

    /** Why {@code name} cannot name a directory inside a catalog, or null if it can. */
    private static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "would leave the catalog";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains a path separator";
            }
            if (c == ':') {
                return "contains ':' (read as a URI scheme)";
            }
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .forEach(
                        c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.toString();
    }

    @Override
    public String toString() {
        return "layer '" + name + "' zoom " + zoom;
    }
}
