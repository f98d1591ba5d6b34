package io.rastermill.spark.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.sample.SyntheticDem;
import io.rastermill.spark.LocalSparkSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link TileLayer#window} and {@link Quicklooks} against the synthetic DEM computed cell by cell. */
class LayerWindowAndQuicklookTest {
    private static final int SIZE = 300;

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    private static SyntheticDem dem;
    private static TileLayer layer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dem = new SyntheticDem(SIZE);
        String file = dir.resolve("dem.tif").toString();
        dem.write(file, 64);
        layer = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(file),
                TileLayers.ReadOptions.defaults().withTileSize(128));
    }

    @Test
    void windowAcrossTileSeamsEqualsTheRaster() {
        // 128-cell tiles: this window spans four tiles and the raster's east edge tile (256..299)
        GridBounds b = new GridBounds(100, 120, 299, 140);
        Tile w = layer.window(b);
        assertEquals(200, w.cols());
        assertEquals(21, w.rows());
        assertEquals(layer.metadata().cellType(), w.cellType());
        Tile expected = dem.window(100, 120, 200, 21);
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                assertEquals(
                        Double.doubleToLongBits(expected.getDouble(c, r)),
                        Double.doubleToLongBits(w.getDouble(c, r)),
                        "cell " + (100 + c) + "," + (120 + r));
            }
        }
        // a window of a focal layer equals the kernel on the whole raster there
        var kernel = FocalOps.slopeKernel(SlopeParams.GDALDEM.withComputeEdges(true));
        Tile whole = FocalOps.applyWhole(
                kernel, dem.window(0, 0, SIZE, SIZE), new CellSize(SyntheticDem.CELL, SyntheticDem.CELL));
        Tile slope = layer.focal(kernel).window(new GridBounds(120, 120, 135, 135));
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                assertEquals(whole.getDouble(120 + c, 120 + r), slope.getDouble(c, r), 0, "slope " + c + "," + r);
            }
        }
    }

    @Test
    void windowOutsideTheRasterIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> layer.window(new GridBounds(0, 0, SIZE, 10)));
        assertTrue(e.getMessage().contains("300x300"), e.getMessage());
    }

    @Test
    void quicklookSamplesEveryStepthCellAndStretches() throws Exception {
        // longer side 300 into at most 100 pixels: every 3rd cell
        BufferedImage img = Quicklooks.image(layer, 100);
        assertEquals(100, img.getWidth());
        assertEquals(100, img.getHeight());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                double z = (float) dem.z(3 * x, 3 * y);
                if (!Double.isNaN(z)) {
                    lo = Math.min(lo, z);
                    hi = Math.max(hi, z);
                }
            }
        }
        int holes = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                double z = (float) dem.z(3 * x, 3 * y);
                int argb = img.getRGB(x, y);
                if (Double.isNaN(z)) {
                    assertEquals(0, argb >>> 24, "NoData is transparent at " + x + "," + y);
                    holes++;
                } else {
                    int grey = (int) Math.round((z - lo) * 255 / (hi - lo));
                    assertEquals(0xFF000000 | grey << 16 | grey << 8 | grey, argb, "pixel " + x + "," + y);
                }
            }
        }
        assertTrue(holes > 0, "the synthetic DEM has NoData holes");
        // the <img> element inlines a PNG that decodes to the same picture
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"")
                .matcher(Quicklooks.htmlImg(img));
        assertTrue(m.find());
        BufferedImage back =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertEquals(100, back.getWidth());
        assertEquals(img.getRGB(50, 60), back.getRGB(50, 60));
    }

    @Test
    void quicklookOfASmallLayerKeepsEveryCell() {
        BufferedImage img = Quicklooks.image(layer, 1000, 300, 1300);
        assertEquals(SIZE, img.getWidth());
        double z = (float) dem.z(7, 9);
        int grey = (int) Math.round(Math.max(0, Math.min(255, (z - 300) * 255 / 1000)));
        assertEquals(0xFF000000 | grey << 16 | grey << 8 | grey, img.getRGB(7, 9));
        assertThrows(IllegalArgumentException.class, () -> Quicklooks.image(layer, 10, 5, 5));
    }
}
