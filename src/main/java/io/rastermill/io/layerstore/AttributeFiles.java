package io.rastermill.io.layerstore;

import java.util.Comparator;
import java.util.List;

/**
 * What the file and the Hadoop backend share about attribute files
 * {@code <name><sep><zoom><sep><attribute>.json}: only their directory and separator differ
 * ({@code attributes} and {@code __.__} in the file backend, {@code _attributes} and {@code ___} in Hadoop's).
 */
final class AttributeFiles {
    static final String METADATA = "metadata";

    private AttributeFiles() {}

    /** The file name of a layer's attribute. */
    static String fileName(LayerId id, String sep, String attribute) {
        return id.name() + sep + id.zoom() + sep + attribute + ".json";
    }

    /** The glob of all attribute files of a layer. */
    static String layerGlob(LayerId id, String sep) {
        return id.name() + sep + id.zoom() + sep + "*.json";
    }

    /** The suffix of metadata attribute file names. */
    static String metadataSuffix(String sep) {
        return sep + METADATA + ".json";
    }

    /**
     * Adds the layer id of a metadata attribute file name to {@code ids}; names that do not end in
     * {@link #metadataSuffix} or hold no {@code <name><sep><zoom>} are not layer attribute files and are passed over.
     */
    static void addLayerId(String fileName, String sep, List<LayerId> ids) {
        String suffix = metadataSuffix(sep);
        if (!fileName.endsWith(suffix)) {
            return;
        }
        String head = fileName.substring(0, fileName.length() - suffix.length());
        int cut = head.lastIndexOf(sep);
        if (cut <= 0) {
            return;
        }
        try {
            ids.add(new LayerId(head.substring(0, cut), Integer.parseInt(head.substring(cut + sep.length()))));
        } catch (IllegalArgumentException e) {
            // not a layer attribute file
        }
    }

    /** {@code ids} sorted by name, then zoom: the order {@code layerIds()} lists them in. */
    static List<LayerId> sorted(List<LayerId> ids) {
        ids.sort(Comparator.comparing(LayerId::name).thenComparingInt(LayerId::zoom));
        return ids;
    }

    /** The error for a metadata attribute file that is not there. */
    static LayerStoreException missing(String where, Exception cause) {
        return new LayerStoreException(
                where + ": no such attribute file (the layer does not exist" + " or its metadata attribute is missing)",
                cause);
    }

    /** Parses a metadata attribute and checks that its header names this backend's {@code format}. */
    static LayerAttributes parse(String text, String where, String format) {
        LayerAttributes a = LayerAttributesJson.read(text, where);
        if (!format.equals(a.header().format())) {
            throw new LayerStoreException(
                    where + ": header format is '" + a.header().format() + "', expected '" + format + "'");
        }
        return a;
    }
}
