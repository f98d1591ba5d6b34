package io.rastermill.bench;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.CountingRangeReader;
import io.rastermill.io.bytes.LocalFileRangeReader;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes a whole GeoTIFF on one thread, block row by block row, and prints Mpix/s per pass.
 * Run by src/test/bench/geotiff-bench.sh beside GDAL on the same file; not a unit test.
 *
 * <p>Usage: {@code GeoTiffDecodeBenchmark FILE [PASSES]}
 */
public final class GeoTiffDecodeBenchmark {
    private GeoTiffDecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[] seconds = new double[passes];
        long checksum = 0;
        for (int p = 0; p < passes; p++) {
            CountingRangeReader source = new CountingRangeReader(LocalFileRangeReader.open(file));
            long start = System.nanoTime();
            try (GeoTiffReader reader = GeoTiffReader.open(source)) {
                GeoTiffInfo info = reader.info();
                int rowsPerRead = info.blockHeight();
                for (int y = 0; y < info.height(); y += rowsPerRead) {
                    int y1 = Math.min(info.height(), y + rowsPerRead) - 1;
                    MultibandTile t = reader.read(new GridBounds(0, y, info.width() - 1, y1));
                    checksum += Double.doubleToLongBits(t.band(0).getDouble(t.cols() / 2, 0));
                }
                seconds[p] = (System.nanoTime() - start) / 1e9;
                double mpix = (double) info.width() * info.height() / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "pass %d: %.2f s, %.1f Mpix/s, %d MB read in %d requests%n",
                        p + 1,
                        seconds[p],
                        mpix / seconds[p],
                        source.counter().bytes() >> 20,
                        source.counter().requests());
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT, "rastermill decode median: %.2f s (checksum %d)%n", sorted[passes / 2], checksum);
    }
}
