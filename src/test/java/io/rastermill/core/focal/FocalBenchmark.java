package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.util.function.Supplier;

/**
 * Single-thread throughput of the focal kernels on a SIZE² window of a GeoTIFF (default: the
 * top-left 4096² of /tmp/bench/data/dem_16384.tif), the whole window as one buffered tile.
 * Not a unit test. Usage: {@code FocalBenchmark [FILE] [SIZE] [PASSES] [GDALDEM_SLOPE_TIF [GDALDEM_HILLSHADE_TIF]]};
 * the optional references (gdaldem on the same SIZE² window cut out with gdal_translate -srcwin)
 * are compared cell for cell and the max |diff| printed.
 */
public final class FocalBenchmark {
    private FocalBenchmark() {}

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
        for (int i = 3; i < Math.min(args.length, 5); i++) {
            Tile ref;
            try (GeoTiffReader r = GeoTiffReader.open(args[i])) {
                ref = r.read(new GridBounds(0, 0, size - 1, size - 1)).band(0);
            }
            Tile ours =
                    i == 3 ? FocalOps.slope(bt, SlopeParams.GDALDEM) : FocalOps.hillshade(bt, HillshadeParams.GDALDEM);
            double[] a = ref.toDoubleLane();
            double[] b = ours.toDoubleLane();
            double max = 0;
            long nodataMismatch = 0;
            long differing = 0;
            for (int k = 0; k < a.length; k++) {
                if (Double.isNaN(a[k]) != Double.isNaN(b[k])) {
                    nodataMismatch++;
                } else if (!Double.isNaN(a[k])) {
                    max = Math.max(max, Math.abs(a[k] - b[k]));
                    if (a[k] != b[k] && differing++ < 3) {
                        System.out.printf("  (%d,%d) gdaldem %s ours %s%n", k % size, k / size, a[k], b[k]);
                    }
                }
            }
            System.out.printf(
                    "vs %s: max |diff| %.3g, %d cells differ, NoData mismatches %d%n",
                    args[i], max, differing, nodataMismatch);
        }
        double mpix = (double) size * size / 1e6;
        run("slope GDALDEM", mpix, passes, () -> FocalOps.slope(bt, SlopeParams.GDALDEM));
        run(
                "slope GDALDEM -compute_edges",
                mpix,
                passes,
                () -> FocalOps.slope(bt, SlopeParams.GDALDEM.withComputeEdges(true)));
        run("slope GEOTRELLIS", mpix, passes, () -> FocalOps.slope(bt, SlopeParams.GEOTRELLIS));
        run("aspect GDALDEM", mpix, passes, () -> FocalOps.aspect(bt, AspectParams.GDALDEM));
        run("hillshade GDALDEM", mpix, passes, () -> FocalOps.hillshade(bt, HillshadeParams.GDALDEM));
        run("hillshade GEOTRELLIS", mpix, passes, () -> FocalOps.hillshade(bt, HillshadeParams.GEOTRELLIS));
        run("TPI", mpix, passes, () -> FocalOps.tpi(bt, false));
        run(
                "mean square r1",
                mpix,
                passes,
                () -> FocalOps.stats(
                        bt, new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 1)));
        run(
                "mean square r3",
                mpix,
                passes,
                () -> FocalOps.stats(
                        bt, new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 3)));
        run(
                "sum weighted r1 (Laplacian)",
                mpix,
                passes,
                () -> FocalOps.stats(
                        bt, FocalStatsParams.weighted(FocalStatsParams.Stat.SUM, 1, 0, 1, 0, 1, -4, 1, 0, 1, 0)));
        run(
                "mean annulus(1, 3)",
                mpix,
                passes,
                () -> FocalOps.stats(bt, FocalStatsParams.annulus(FocalStatsParams.Stat.MEAN, 1, 3)));
        run(
                "median circle r3",
                mpix,
                Math.min(passes, 2),
                () -> FocalOps.stats(
                        bt, new FocalStatsParams(FocalStatsParams.Stat.MEDIAN, FocalStatsParams.Shape.CIRCLE, 3)));
    }

    /** Best of {@code passes}, by wall time and by this thread's CPU time (robust on a shared machine). */
    private static void run(String name, double mpix, int passes, Supplier<Tile> op) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = 0;
        double bestCpu = 0;
        for (int p = 0; p < passes; p++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Tile t = op.get();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            if (t.cols() < 1) {
                throw new AssertionError();
            }
            best = Math.max(best, mpix / s);
            bestCpu = Math.max(bestCpu, mpix / cpu);
        }
        System.out.printf("%-30s best of %d: %7.1f Mpix/s wall, %7.1f Mpix/s CPU%n", name, passes, best, bestCpu);
    }
}
