package io.rastermill.io.layerstore;

/**
 * A catalog or layer that cannot be read or written: a missing or malformed attribute, a foreign
 * schema, a corrupt tile file, an existing layer without overwrite. The message names the layer and
 * the file.
 */
public class LayerStoreException extends RuntimeException {
    public LayerStoreException(String message) {
        super(message);
    }

    public LayerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
