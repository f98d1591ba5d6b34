package io.rastermill.spark.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.warp.CountingFileSystem;
import io.rastermill.spark.warp.SmallGeoTiffs;
import io.rastermill.spark.warp.WarpOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A composite task holds one scene's input at a time: at most one scene file open per task thread, each scene's file
 * looked up once per task however many windows of it are read (on S3A a lookup is a HEAD). Twelve scenes, half on the
 * target grid (window copies), half at twice the cell size on two grids (warped), over 16-cell tiles; the files opened
 * through {@link CountingFileSystem} give the same cells as plain paths.
 */
class CompositeFilesTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @TempDir
    static Path dir;

    private static final int SCENES = 12;
    private static final Crs UTM = Crs.epsg(32633);
    /** The target: 48 × 32 cells of 10 m, in 16-cell tiles. */
    private static final WarpGrid TARGET =
            new WarpGrid(UTM, new RasterExtent(new Extent(500_000, 4_999_680, 500_480, 5_000_000), 10, 10, 48, 32));

    private static final WarpOptions OPTIONS =
            WarpOptions.of(Resampling.NEAREST).withTileSize(16);

    @BeforeAll
    static void writeScenes() throws IOException {
        SplittableRandom rnd = new SplittableRandom(28);
        for (int s = 0; s < SCENES; s++) {
            boolean aligned = s % 2 == 0;
            double cell = aligned ? 10 : 20;
            int cols = aligned ? 48 : 32;
            int rows = aligned ? 32 : 16;
            // aligned scenes shifted by whole cells (windows off the files' blocks), warped ones on two grids
            double x0 = 500_000 + (aligned ? 10 * (s % 5) - 20 : (s % 4 == 1 ? -30 : 15));
            double y0 = 5_000_000 + (aligned ? 10 * (s % 3) : 20);
            short[] values = new short[cols * rows];
            for (int i = 0; i < values.length; i++) {
                values[i] = (short) (rnd.nextInt(7) == 0 ? 0 : 1 + rnd.nextInt(60_000)); // 0: NoData
            }
            SmallGeoTiffs.writeUInt16(
                    dir.resolve(String.format("S_202404%02d.tif", s + 1)), cols, rows, cell, x0, y0, values);
        }
        CountingFileSystem.register(SPARK.session().sparkContext().hadoopConfiguration());
    }

    private static List<String> scenes(String prefix) {
        List<String> files = new ArrayList<>();
        for (int s = 0; s < SCENES; s++) {
            files.add(prefix + dir.resolve(String.format("S_202404%02d.tif", s + 1)));
        }
        return files;
    }

    /** The composite's cells; {@code tasks[0]} receives the number of tasks that computed them. */
    private static double[] composite(List<String> files, String reducer, int[] tasks) throws IOException {
        Composite.Prepared scenes = Composite.open(SPARK.session(), files, SceneDating.automatic(), null)
                .prepare();
        CountingFileSystem.reset(); // the headers read above opened every file on the driver
        TileLayer layer = scenes.reduce(TARGET, TemporalReducer.parse(reducer), OPTIONS, null, 0)
                .get(0);
        tasks[0] = layer.rdd().getNumPartitions();
        return layer.window(new GridBounds(0, 0, TARGET.cols() - 1, TARGET.rows() - 1))
                .toDoubleLane();
    }

    @Test
    void aTaskHoldsOneSceneFileOpenAtATimeAndLooksEachUpOnce() throws IOException {
        for (String reducer : List.of("mean", "median")) {
            int[] tasks = new int[1];
            double[] plain = composite(scenes(""), reducer, tasks);
            double[] counted = composite(scenes("counting://"), reducer, tasks);
            assertArrayEquals(plain, counted, reducer);
            int opened = CountingFileSystem.opened();
            assertTrue(opened >= SCENES, reducer + ": scene files opened while reducing");
            assertEquals(1, CountingFileSystem.peakPerThread(), reducer + ": scene files a task thread held at once");
            assertTrue(
                    CountingFileSystem.lookups() <= tasks[0] * SCENES && CountingFileSystem.lookups() < opened,
                    reducer + ": " + CountingFileSystem.lookups() + " status lookups for " + opened + " opens in "
                            + tasks[0] + " tasks");
        }
    }
}
