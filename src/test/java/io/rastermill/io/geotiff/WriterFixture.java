package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Seeded test rasters and a way to write them block by block, shuffled, from several threads. */
final class WriterFixture {
    private WriterFixture() {}

    /** A random raster: stored samples of every value, NoData sprinkled in, finite floats or NaN. */
    static MultibandTile randomRaster(CellType ct, int width, int height, int bands, long seed) {
        Random r = new Random(seed);
        List<Tile> out = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int n = width * height;
            Object storage = switch (ct.dataType()) {
                case BIT -> {
                    byte[] a = new byte[(n + 7) / 8];
                    r.nextBytes(a);
                    if (n % 8 != 0) {
                        a[a.length - 1] &= (byte) ((1 << (n % 8)) - 1); // bits past the last cell are zero
                    }
                    yield a;
                }
                case INT8, UINT8 -> {
                    byte[] a = new byte[n];
                    r.nextBytes(a);
                    yield a;
                }
                case INT16, UINT16 -> {
                    short[] a = new short[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (short) (r.nextInt(10) == 0 ? (ct.hasNoData() ? ct.intNoData() : 0) : r.nextInt());
                    }
                    yield a;
                }
                case INT32 -> {
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = r.nextInt(10) == 0 ? (ct.hasNoData() ? ct.intNoData() : 0) : r.nextInt();
                    }
                    yield a;
                }
                case FLOAT32 -> {
                    float[] a = new float[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = r.nextInt(10) == 0
                                ? (ct.hasNoData() ? (float) ct.floatNoData() : Float.NaN)
                                : (float) (r.nextGaussian() * 1000);
                    }
                    yield a;
                }
                case FLOAT64 -> {
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = r.nextInt(10) == 0
                                ? (ct.hasNoData() ? ct.floatNoData() : Double.NaN)
                                : r.nextGaussian() * 1e6;
                    }
                    yield a;
                }
            };
            out.add(ArrayTile.wrap(ct, width, height, storage));
        }
        return MultibandTile.of(out);
    }

    /** The block at (col, row), cropped at the raster's edges. */
    static MultibandTile block(MultibandTile raster, int size, int col, int row) {
        int x0 = col * size;
        int y0 = row * size;
        int x1 = Math.min(raster.cols(), x0 + size) - 1;
        int y1 = Math.min(raster.rows(), y0 + size) - 1;
        return raster.crop(x0, y0, x1, y1);
    }

    /** Writes every block of {@code raster} in a seeded shuffled order from {@code threads} threads, then finishes. */
    static void writeShuffled(GeoTiffWriter w, MultibandTile raster, int size, int threads, long seed)
            throws Exception {
        List<int[]> keys = new ArrayList<>();
        for (int r = 0; r < w.blocksDown(); r++) {
            for (int c = 0; c < w.blocksAcross(); c++) {
                keys.add(new int[] {c, r});
            }
        }
        Collections.shuffle(keys, new Random(seed));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int[] k : keys) {
                done.add(pool.submit(() -> {
                    w.writeBlock(k[0], k[1], block(raster, size, k[0], k[1]));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            w.finish(pool);
        } finally {
            pool.shutdown();
        }
    }

    /** Writes every block in row-major order from the calling thread and finishes there. */
    static void writeInOrder(GeoTiffWriter w, MultibandTile raster, int size) throws Exception {
        for (int r = 0; r < w.blocksDown(); r++) {
            for (int c = 0; c < w.blocksAcross(); c++) {
                w.writeBlock(c, r, block(raster, size, c, r));
            }
        }
        w.finish();
    }

    static void write(String path, RasterDescription d, GeoTiffWriteOptions o, MultibandTile raster) throws Exception {
        try (GeoTiffWriter w = GeoTiffWriter.create(path, d, o)) {
            writeShuffled(w, raster, o.blockSize(), 4, 42);
        }
    }
}
