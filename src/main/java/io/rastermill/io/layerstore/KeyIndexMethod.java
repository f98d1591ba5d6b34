package io.rastermill.io.layerstore;

import io.rastermill.core.layout.KeyBounds;
import java.util.Locale;

/** How a new layer's {@link KeyIndex} is built from its key bounds (GeoTrellis's {@code KeyIndexMethod}). */
public enum KeyIndexMethod {
    /** {@code ZCurveKeyIndexMethod}. */
    ZORDER,
    /** {@code HilbertKeyIndexMethod}: resolutions from the bounds' width and height. */
    HILBERT,
    /** {@code RowMajorKeyIndexMethod}. */
    ROWMAJOR;

    public KeyIndex createIndex(KeyBounds bounds) {
        return switch (this) {
            case ZORDER -> new KeyIndex.ZCurve(bounds);
            case HILBERT -> KeyIndex.Hilbert.of(bounds);
            case ROWMAJOR -> new KeyIndex.RowMajor(bounds);
        };
    }

    /** {@code zorder}, {@code hilbert} or {@code rowmajor} (case-insensitive; {@code z} and {@code row-major} too). */
    public static KeyIndexMethod parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "zorder", "z", "zcurve" -> ZORDER;
            case "hilbert" -> HILBERT;
            case "rowmajor", "row-major" -> ROWMAJOR;
            default ->
                throw new IllegalArgumentException("unknown key index '" + s + "': use zorder, hilbert or rowmajor");
        };
    }
}
