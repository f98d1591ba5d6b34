package io.rastermill.spark.write;

import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffTranslate;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code rastermill translate} on Spark: reads a GeoTIFF as one layer per band (tiles of the output
 * block size, read window by window on the executors) and writes them with {@link LayerGeoTiffWriter}.
 * The output equals {@link GeoTiffTranslate}'s byte for byte: the description is taken from the
 * input's header exactly as the single-JVM translate takes it, and blocks are the same windows.
 */
public final class SparkGeoTiffTranslate {
    private SparkGeoTiffTranslate() {}

    /** Translates {@code source} (a path or Hadoop URI) into {@code target} with {@code options}. */
    public static LayerGeoTiffWriter.Result translate(
            SparkSession spark, String source, String target, GeoTiffWriteOptions options) throws IOException {
        GeoTiffInfo info;
        try (GeoTiffReader reader = GeoTiffReader.open(
                source, JavaSparkContext.fromSparkContext(spark.sparkContext()).hadoopConfiguration())) {
            info = reader.info();
        }
        RasterDescription description = GeoTiffTranslate.describe(info);
        List<TileLayer> bands = new ArrayList<>(info.bandCount());
        for (int b = 0; b < info.bandCount(); b++) {
            bands.add(TileLayers.readGeoTiffs(
                    spark,
                    List.of(source),
                    TileLayers.ReadOptions.defaults()
                            .withTileSize(options.blockSize())
                            .withBand(b)));
        }
        return LayerGeoTiffWriter.write(bands, description, target, options);
    }
}
