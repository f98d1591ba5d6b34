package io.rastermill.bench;

import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Where the time of the slope job goes, stage by stage, on local[2]: read only, read + slope,
 * read + slope + COG write. Not a unit test; run by src/test/bench/slope-bench.sh.
 * Usage: {@code SlopePipelineBenchmark DEM OUT}
 */
public final class SlopePipelineBenchmark {
    private SlopePipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        SparkSession spark = new RastermillSpark(
                        RastermillSpark.localDefaults().with("spark.master", "local[2]", SettingSource.COMMAND_LINE))
                .session();
        try {
            TileLayers.ReadOptions read = TileLayers.ReadOptions.defaults();
            long t0 = System.nanoTime();
            TileLayer dem = TileLayers.readGeoTiffs(spark, List.of(args[0]), read);
            long n = dem.rdd().count();
            report("read tiles", t0, dem);
            t0 = System.nanoTime();
            TileLayer slope = TileLayers.readGeoTiffs(spark, List.of(args[0]), read)
                    .focal(FocalOps.slopeKernel(SlopeParams.GDALDEM.withComputeEdges(true)));
            slope.rdd().count();
            report("read with halo + slope", t0, dem);
            t0 = System.nanoTime();
            LayerGeoTiffWriter.write(
                    slope,
                    args[1],
                    GeoTiffWriteOptions.builder()
                            .predictor(3)
                            .cog(false)
                            .overviews(0)
                            .build());
            report("read + slope + write GeoTIFF (no overviews)", t0, dem);
            t0 = System.nanoTime();
            LayerGeoTiffWriter.write(
                    slope, args[1], GeoTiffWriteOptions.builder().predictor(3).build());
            report("read + slope + write COG with overviews", t0, dem);
            System.out.println(n + " tiles");
        } finally {
            spark.stop();
        }
    }

    private static void report(String what, long t0, TileLayer layer) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT, "%-45s %6.1f s  %6.1f Mpix/s%n", what, s, layer.cols() * (double) layer.rows() / 1e6 / s);
    }
}
