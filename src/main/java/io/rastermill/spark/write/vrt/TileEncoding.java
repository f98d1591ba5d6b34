package io.rastermill.spark.write.vrt;

import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import java.io.Serializable;

/** The {@link GeoTiffWriteOptions} every tile of a directory is encoded with, as the executors' tasks carry them. */
record TileEncoding(GeoTiffWriteOptions options) implements Serializable {

    static TileEncoding of(GeoTiffWriteOptions o) {
        return new TileEncoding(o);
    }
}
