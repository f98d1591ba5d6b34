package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.write.LayerGeoTiffWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The progress line counts tiles and the megabytes the tasks read and wrote. */
class ProgressLineTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    @Test
    void countsTilesAndBytesReadAndWritten() throws Exception {
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(300).write(dem.toString(), 128);
        Path out = dir.resolve("copy.tif");
        String line;
        try (ProgressLine p = ProgressLine.start(SPARK.session().sparkContext(), "copy", 9, false)) {
            LongAccumulator done = p.tiles();
            TileLayer layer = TileLayers.readGeoTiffs(
                            SPARK.session(),
                            List.of(dem.toString()),
                            TileLayers.ReadOptions.defaults().withTileSize(128))
                    .mapTiles(t -> {
                        done.add(1);
                        return t;
                    });
            LayerGeoTiffWriter.write(
                    layer,
                    out.toString(),
                    GeoTiffWriteOptions.builder()
                            .blockSize(128)
                            .predictor(3)
                            .cog(false)
                            .overviews(0)
                            .build());
            // Task-end events reach listeners asynchronously.
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                Thread.sleep(50);
                line = p.line(System.nanoTime());
            } while (mb(line, "wrote") == 0 && System.nanoTime() < deadline);
        }
        assertTrue(line.startsWith("copy: 9/9 tiles (100%)"), line);
        // Every block of the input is fetched once; the copy writes the same blocks again (same encoding).
        double inputMb = Files.size(dem) / 1e6;
        double outputMb = Files.size(out) / 1e6;
        assertEquals(inputMb, mb(line, "read"), 0.1 * inputMb + 0.05, line);
        assertEquals(outputMb, mb(line, "wrote"), 0.1 * outputMb + 0.05, line);
    }

    private static double mb(String line, String what) {
        Matcher m = Pattern.compile(what + " ([0-9.]+) MB").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1));
    }
}
