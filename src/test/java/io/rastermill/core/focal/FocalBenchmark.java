package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffReader;

import java.util.function.Supplier;

/**
 * Single-thread throughput of the focal kernels on a SIZE² window of a GeoTIFF (default: the
 * top-left 4096² of /tmp/bench/data/dem_16384.tif), the whole window as one buffered tile.
 * Not a unit test. Usage: {@code FocalBenchmark [FILE] [SIZE] [PASSES]}
 */
public final class FocalBenchmark {
    private FocalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "/tmp/bench/data/dem_16384.tif";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Tile dem;
        CellSize cs;
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            dem = r.read(new GridBounds(0, 0, size - 1, size - 1)).band(0);
            cs = r.info().rasterExtent().orElseThrow().cellSize();
        }
        System.out.printf("%s %dx%d %s cell %s%n", file, dem.cols(), dem.rows(), dem.cellType(), cs);
        BufferedTile bt = BufferedTile.whole(dem, 3, cs);
        double mpix = (double) size * size / 1e6;
        run("slope GDALDEM", mpix, passes, () -> FocalOps.slope(bt, SlopeParams.GDALDEM));
        run("slope GDALDEM -compute_edges", mpix, passes, () -> FocalOps.slope(bt, SlopeParams.GDALDEM.withComputeEdges(true)));
        run("slope GEOTRELLIS", mpix, passes, () -> FocalOps.slope(bt, SlopeParams.GEOTRELLIS));
        run("aspect GDALDEM", mpix, passes, () -> FocalOps.aspect(bt, AspectParams.GDALDEM));
        run("hillshade GDALDEM", mpix, passes, () -> FocalOps.hillshade(bt, HillshadeParams.GDALDEM));
        run("hillshade GEOTRELLIS", mpix, passes, () -> FocalOps.hillshade(bt, HillshadeParams.GEOTRELLIS));
        run("TPI", mpix, passes, () -> FocalOps.tpi(bt, false));
        run("mean square r1", mpix, passes, () -> FocalOps.stats(bt,
                new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 1)));
        run("mean square r3", mpix, passes, () -> FocalOps.stats(bt,
                new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 3)));
        run("median circle r3", mpix, Math.min(passes, 2), () -> FocalOps.stats(bt,
                new FocalStatsParams(FocalStatsParams.Stat.MEDIAN, FocalStatsParams.Shape.CIRCLE, 3)));
    }

    private static void run(String name, double mpix, int passes, Supplier<Tile> op) {
        double best = 0;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            Tile t = op.get();
            double s = (System.nanoTime() - t0) / 1e9;
            if (t.cols() < 1) {
                throw new AssertionError();
            }
            best = Math.max(best, mpix / s);
        }
        System.out.printf("%-30s best of %d: %7.1f Mpix/s%n", name, passes, best);
    }
}
