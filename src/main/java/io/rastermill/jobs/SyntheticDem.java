package io.rastermill.jobs;

import java.io.IOException;

/** The demo's DEM: {@link io.rastermill.io.sample.SyntheticDem}, kept under this name for the jobs package and its tests. */
final class SyntheticDem {
    private final io.rastermill.io.sample.SyntheticDem dem;

    SyntheticDem(int size) {
        dem = new io.rastermill.io.sample.SyntheticDem(size);
    }

    /** Writes the DEM as a tiled DEFLATE + predictor-3 GeoTIFF, block by block. */
    void write(String target, int blockSize) throws IOException {
        dem.write(target, blockSize);
    }
}
