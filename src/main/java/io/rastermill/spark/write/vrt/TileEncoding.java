package io.rastermill.spark.write.vrt;

import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewResampling;
import java.io.Serializable;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * {@link GeoTiffWriteOptions} as a serializable value, so it can travel to the executors in a task
 * closure (the options record holds an {@code Optional<Path>}, which Java serialization refuses).
 */
record TileEncoding(
        int blockSize,
        Compression compression,
        int level,
        int predictor,
        BigTiffMode bigTiff,
        boolean cog,
        int overviewCount,
        OverviewResampling resampling,
        String spillDirectory)
        implements Serializable {

    static TileEncoding of(GeoTiffWriteOptions o) {
        return new TileEncoding(
                o.blockSize(),
                o.compression(),
                o.level(),
                o.predictor(),
                o.bigTiff(),
                o.cog(),
                o.overviewCount(),
                o.resampling(),
                o.spillDirectory().map(Object::toString).orElse(null));
    }

    GeoTiffWriteOptions options() {
        return new GeoTiffWriteOptions(
                blockSize,
                compression,
                level,
                predictor,
                bigTiff,
                cog,
                overviewCount,
                resampling,
                Optional.ofNullable(spillDirectory).map(Paths::get));
    }
}
