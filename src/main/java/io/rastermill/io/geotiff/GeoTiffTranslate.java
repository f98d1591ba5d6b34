package io.rastermill.io.geotiff;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;

/**
 * Re-encodes a GeoTIFF block by block in one JVM: each task reads one output block's window by byte
 * range and hands it to the streaming {@link GeoTiffWriter}, so memory is bounded by the blocks in
 * flight (one row of blocks at a time), never the raster. Georeferencing, NoData and the cell type
 * carry over (UInt32 files become float64, as the reader reads them).
 */
public final class GeoTiffTranslate {
    private GeoTiffTranslate() {}

    /** What the translation wrote. */
    public record Result(String target, int width, int height, int blocks, int levels, boolean bigTiff) {}

    /** The output description for a file as the reader sees it. */
    public static RasterDescription describe(GeoTiffInfo info) {
        RasterDescription d = RasterDescription.of(info.width(), info.height(), info.bandCount(), info.cellType());
        if (info.geoTransform().isPresent()) {
            d = d.withTransform(info.geoTransform().get());
        }
        if (info.crs().isPresent() && info.crs().get().epsgCode().isPresent()) {
            d = d.withCrs(info.crs().get());
        }
        return d;
    }

    /**
     * Translates {@code source} into {@code target} with {@code options}, reading and encoding blocks on
     * {@code pool} (which the caller owns and shuts down).
     */
    public static Result translate(
            GeoTiffReader source, String target, GeoTiffWriteOptions options, ExecutorService pool, Configuration conf)
            throws IOException {
        GeoTiffInfo info = source.info();
        int[] bands = new int[info.bandCount()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = b;
        }
        int size = options.blockSize();
        try (GeoTiffWriter writer = GeoTiffWriter.create(target, describe(info), options, conf)) {
            for (int row = 0; row < writer.blocksDown(); row++) {
                List<Future<?>> inFlight = new ArrayList<>(writer.blocksAcross());
                for (int col = 0; col < writer.blocksAcross(); col++) {
                    int c = col;
                    int r = row;
                    inFlight.add(pool.submit(() -> {
                        long x0 = (long) c * size;
                        long y0 = (long) r * size;
                        GridBounds window = new GridBounds(
                                x0, y0, Math.min(info.width(), x0 + size) - 1, Math.min(info.height(), y0 + size) - 1);
                        try {
                            MultibandTile block = source.read(window, bands, 0);
                            writer.writeBlock(c, r, block);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : inFlight) {
                    await(f);
                }
            }
            writer.finish(pool);
            return new Result(
                    writer.location(),
                    info.width(),
                    info.height(),
                    writer.blocksAcross() * writer.blocksDown(),
                    writer.levelCount(),
                    writer.isBigTiff());
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
