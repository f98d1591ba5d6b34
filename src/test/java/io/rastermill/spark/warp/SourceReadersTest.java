package io.rastermill.spark.warp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mosaic task holds one source's input at a time: at most one source file open per task thread, each source's file
 * looked up once per task however many windows of it are read, one set of decoders for all sources. Sixteen
 * overlapping sources, a third of them at twice the cell size, warped with bilinear resampling onto 16-cell tiles;
 * the files opened through {@link CountingFileSystem} give the same cells as plain paths.
 */
class SourceReadersTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    private static final int SOURCES = 16;
    /** The target: 48 × 32 cells of 10 m, in 16-cell tiles. */
    private static final WarpGrid TARGET = new WarpGrid(
            Crs.epsg(32633), new RasterExtent(new Extent(500_000, 4_999_680, 500_480, 5_000_000), 10, 10, 48, 32));

    private static final WarpOptions OPTIONS =
            WarpOptions.of(Resampling.BILINEAR).withTileSize(16);

    @BeforeAll
    static void writeSources() throws IOException {
        SplittableRandom rnd = new SplittableRandom(29);
        for (int s = 0; s < SOURCES; s++) {
            double cell = s % 3 == 0 ? 20 : 10;
            // a 4 × 4 arrangement of 160 m (320 m) squares, 120 m and 80 m apart: neighbours overlap
            double x0 = 499_980 + 120 * (s % 4) + 5 * (s % 3);
            double y0 = 5_000_010 - 80 * (s / 4);
            short[] values = new short[16 * 16];
            for (int i = 0; i < values.length; i++) {
                values[i] = (short) (rnd.nextInt(9) == 0 ? 0 : 1 + rnd.nextInt(60_000)); // 0: NoData
            }
            SmallGeoTiffs.writeUInt16(dir.resolve(String.format("src%02d.tif", s)), 16, 16, cell, x0, y0, values);
        }
        CountingFileSystem.register(SPARK.session().sparkContext().hadoopConfiguration());
    }

    private static List<String> sources(String prefix) {
        List<String> files = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            files.add(prefix + dir.resolve(String.format("src%02d.tif", s)));
        }
        return files;
    }

    /** The mosaic's cells; {@code tasks[0]} receives the number of tasks that computed them. */
    private static double[] mosaic(List<String> files, int[] tasks) throws IOException {
        GeoTiffWarp warp = GeoTiffWarp.open(SPARK.session(), files, null);
        CountingFileSystem.reset(); // the headers read above opened every file on the driver
        TileLayer layer = warp.warpBand(TARGET, 0, OPTIONS);
        tasks[0] = layer.rdd().getNumPartitions();
        return layer.window(new GridBounds(0, 0, TARGET.cols() - 1, TARGET.rows() - 1))
                .toDoubleLane();
    }

    @Test
    void aMosaicTaskHoldsOneSourceFileOpenAtATimeAndLooksEachUpOnce() throws IOException {
        int[] tasks = new int[1];
        double[] plain = mosaic(sources(""), tasks);
        double[] counted = mosaic(sources("counting://"), tasks);
        assertArrayEquals(plain, counted);
        int opened = CountingFileSystem.opened();
        assertTrue(opened > SOURCES, opened + " source files opened while warping");
        assertEquals(1, CountingFileSystem.peakPerThread(), "source files a task thread held at once");
        int lookups = CountingFileSystem.lookups();
        assertTrue(
                lookups <= tasks[0] * SOURCES && lookups < opened,
                lookups + " status lookups for " + opened + " opens in " + tasks[0] + " tasks");
    }

    @Test
    void theSourcesShareOneDecoderAndAreLookedUpOnce() throws IOException {
        Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
        GeoTiffWarp warp = GeoTiffWarp.open(SPARK.session(), sources("counting://"), null);
        CountingFileSystem.reset();
        try (SourceReaders readers = new SourceReaders(conf, warp.sources(), 1 << 20)) {
            for (int pass = 0;
                    pass < 2;
                    pass++) { // the second pass reopens the files from their kept status and header
                for (int s = 0; s < SOURCES; s++) {
                    MultibandTile t = readers.read(s, new GridBounds(3, 2, 12, 14), new int[] {0});
                    assertEquals(10 * 13, t.band(0).size());
                    assertEquals(1, readers.decoders(), "decoders after source " + s);
                }
            }
            assertTrue(readers.bytesRead() > 0);
        }
        assertEquals(2 * SOURCES, CountingFileSystem.opened(), "files opened");
        assertEquals(SOURCES, CountingFileSystem.lookups(), "status lookups");
    }
}
