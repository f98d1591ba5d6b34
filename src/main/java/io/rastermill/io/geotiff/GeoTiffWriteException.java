package io.rastermill.io.geotiff;

import java.io.IOException;

/** A GeoTIFF could not be written: names the target file and what went wrong. */
public final class GeoTiffWriteException extends IOException {
    private final String location;

    public GeoTiffWriteException(String location, String detail) {
        super(location + ": " + detail);
        this.location = location;
    }

    public GeoTiffWriteException(String location, String detail, Throwable cause) {
        super(location + ": " + detail, cause);
        this.location = location;
    }

    /** The target file. */
    public String location() {
        return location;
    }
}
