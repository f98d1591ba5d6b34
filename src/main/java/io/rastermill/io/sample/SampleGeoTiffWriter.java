package io.rastermill.io.sample;

import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import java.io.IOException;

/**
 * Writes a sample raster as a tiled DEFLATE GeoTIFF without overviews, one block at a time, so that a large sample is
 * never held whole in memory: each block's cells come from the sample's window function.
 */
final class SampleGeoTiffWriter {

    /** The cells of the {@code w × h} window whose upper-left cell is ({@code x0}, {@code y0}). */
    @FunctionalInterface
    interface Windows {
        MultibandTile window(int x0, int y0, int w, int h);
    }

    private SampleGeoTiffWriter() {}

    /** Writes {@code d}'s raster to a local path or Hadoop URI, in {@code blockSize} blocks with {@code predictor}. */
    static void write(String target, RasterDescription d, int blockSize, int predictor, Windows windows)
            throws IOException {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(blockSize)
                .predictor(predictor)
                .cog(false)
                .overviews(0)
                .build();
        try (GeoTiffWriter w = GeoTiffWriter.create(target, d, o)) {
            for (int r = 0; r < w.blocksDown(); r++) {
                for (int c = 0; c < w.blocksAcross(); c++) {
                    int x0 = c * blockSize;
                    int y0 = r * blockSize;
                    w.writeBlock(
                            c,
                            r,
                            windows.window(
                                    x0, y0, Math.min(blockSize, d.width() - x0), Math.min(blockSize, d.height() - y0)));
                }
            }
            w.finish();
        }
    }
}
