package io.rastermill.io.layerstore;

/** A tile record that does not decode under GeoTrellis's schema (truncated, corrupt or foreign). */
public final class AvroFormatException extends RuntimeException {
    public AvroFormatException(String message) {
        super(message);
    }
}
