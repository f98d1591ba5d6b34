package io.rastermill.spark.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.core.warp.Resampling;
import io.rastermill.core.warp.WarpGrid;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.warp.WarpOptions;
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
 * A composite task holds one scene's input at a time: at most one scene file open per task thread, one set of decoders
 * for all scenes. Twelve scenes, half on the target grid (window copies), half at twice the cell size on two grids
 * (warped), over 16-cell tiles; the files opened through {@link CountingFileSystem} give the same cells as plain paths.
 */
class SceneReadersTest {
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
            write(dir.resolve(String.format("S_202404%02d.tif", s + 1)), cols, rows, cell, x0, y0, values);
        }
        SPARK.session()
                .sparkContext()
                .hadoopConfiguration()
                .set("fs.counting.impl", CountingFileSystem.class.getName());
        SPARK.session().sparkContext().hadoopConfiguration().set("fs.counting.impl.disable.cache", "true");
    }

    private static void write(Path path, int cols, int rows, double cell, double x0, double y0, short[] v)
            throws IOException {
        RasterDescription d = RasterDescription.of(cols, rows, 1, CellType.UINT16)
                .withTransform(new GeoTransform(x0, cell, 0, y0, 0, -cell))
                .withEpsg(32633);
        try (GeoTiffWriter w = GeoTiffWriter.create(
                path.toString(), d, GeoTiffWriteOptions.builder().blockSize(16).build())) {
            for (int r = 0; r < rows / 16; r++) {
                for (int c = 0; c < cols / 16; c++) {
                    short[] block = new short[16 * 16];
                    for (int y = 0; y < 16; y++) {
                        System.arraycopy(v, (r * 16 + y) * cols + c * 16, block, y * 16, 16);
                    }
                    w.writeBlock(c, r, MultibandTile.of(Tiles.ofShorts(CellType.UINT16, 16, 16, block)));
                }
            }
            w.finish();
        }
    }

    private static List<String> scenes(String prefix) {
        List<String> files = new ArrayList<>();
        for (int s = 0; s < SCENES; s++) {
            files.add(prefix + dir.resolve(String.format("S_202404%02d.tif", s + 1)));
        }
        return files;
    }

    private static double[] composite(List<String> files, String reducer) throws IOException {
        Composite.Prepared scenes = Composite.open(SPARK.session(), files, SceneDating.automatic(), null)
                .prepare();
        CountingFileSystem.reset(); // the headers read above opened every file on the driver
        return scenes.reduce(TARGET, TemporalReducer.parse(reducer), OPTIONS, null, 0)
                .get(0)
                .window(new GridBounds(0, 0, TARGET.cols() - 1, TARGET.rows() - 1))
                .toDoubleLane();
    }

    @Test
    void aTaskHoldsOneSceneFileOpenAtATime() throws IOException {
        for (String reducer : List.of("mean", "median")) {
            double[] plain = composite(scenes(""), reducer);
            double[] counted = composite(scenes("counting://"), reducer);
            assertArrayEquals(plain, counted, reducer);
            assertTrue(CountingFileSystem.opened() >= SCENES, reducer + ": scene files opened while reducing");
            assertEquals(1, CountingFileSystem.peakPerThread(), reducer + ": scene files a task thread held at once");
        }
    }

    @Test
    void theScenesShareOneDecoder() throws IOException {
        try (SceneReaders readers = new SceneReaders(new Configuration(), SCENES, 1 << 20)) {
            List<String> files = scenes("");
            for (int pass = 0; pass < 2; pass++) { // the second pass reopens the files from their kept headers
                for (int s = 0; s < SCENES; s++) {
                    MultibandTile t = readers.read(s, files.get(s), new GridBounds(3, 2, 20, 14), new int[] {0});
                    assertEquals(18 * 13, t.band(0).size());
                    assertEquals(1, readers.decoders(), "decoders after scene " + s);
                }
            }
            assertTrue(readers.bytesRead() > 0);
        }
    }
}
