package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import io.rastermill.io.codec.Compression;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overview cells against hand computations, a whole-raster reference, and gdaladdo's nearest. */
class GeoTiffWriterOverviewTest {
    private static final short N = Short.MIN_VALUE;

    @TempDir
    Path dir;

    /** 6×4 int16 with NoData (N), overview 3×2. */
    private static final short[] SMALL = {
        1, 2, 3, N, N, N,
        3, 4, 5, 5, N, N,
        7, 7, 1, 2, 9, N,
        8, 7, 3, 4, N, N
    };

    private double[] overview(Tile raster, OverviewResampling r, int level) throws Exception {
        Path file = dir.resolve(r + "-" + raster.cols() + "x" + raster.rows() + ".tif");
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(16)
                .overviews(level)
                .resampling(r)
                .build();
        WriterFixture.write(
                file.toString(),
                RasterDescription.of(raster.cols(), raster.rows(), 1, raster.cellType()),
                o,
                MultibandTile.of(raster));
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            int w = reader.width(level);
            int h = reader.height(level);
            return reader.read(new GridBounds(0, 0, w - 1, h - 1), new int[] {0}, level)
                    .band(0)
                    .toDoubleLane();
        }
    }

    @Test
    void averageSkipsNoDataAndRoundsHalfUpForIntegers() throws Exception {
        Tile t = Tiles.ofShorts(CellType.INT16, 6, 4, SMALL);
        assertArrayEquals(new double[] {3, 4, Double.NaN, 7, 3, 9}, overview(t, OverviewResampling.AVERAGE, 1));
    }

    @Test
    void nearestTakesTheUpperLeftCellEvenIfNoData() throws Exception {
        Tile t = Tiles.ofShorts(CellType.INT16, 6, 4, SMALL);
        assertArrayEquals(new double[] {1, 3, Double.NaN, 7, 1, 9}, overview(t, OverviewResampling.NEAREST, 1));
    }

    @Test
    void modeTakesTheMostFrequentValidValueFirstOnTies() throws Exception {
        Tile t = Tiles.ofShorts(CellType.INT16, 6, 4, SMALL);
        assertArrayEquals(new double[] {1, 5, Double.NaN, 7, 1, 9}, overview(t, OverviewResampling.MODE, 1));
    }

    @Test
    void oddSizesUseTheCellsThatExist() throws Exception {
        Tile t = Tiles.ofFloats(CellType.FLOAT32, 5, 3, 1, 2, 3, 4, 5, 1, 2, 3, 4, Float.NaN, 10, 20, 30, 40, 50);
        assertArrayEquals(new double[] {1.5, 3.5, 5, 15, 35, 50}, overview(t, OverviewResampling.AVERAGE, 1));
        assertArrayEquals(new double[] {1, 3, 5, 10, 30, 50}, overview(t, OverviewResampling.NEAREST, 1));
    }

    @Test
    void levelsAcrossBlocksEqualAWholeRasterReference() throws Exception {
        int w = 75;
        int h = 53;
        Random r = new Random(11);
        double[] lane = new double[w * h];
        for (int i = 0; i < lane.length; i++) {
            lane[i] = r.nextInt(7) == 0 ? Double.NaN : Math.round(r.nextGaussian() * 100) / 4.0;
        }
        Tile t = ArrayTile.fromDoubleLane(CellType.FLOAT64, w, h, lane);
        double[] level = lane;
        int lw = w;
        int lh = h;
        for (int k = 1; k <= 3; k++) {
            int nw = (lw + 1) / 2;
            int nh = (lh + 1) / 2;
            double[] next = new double[nw * nh];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    double sum = 0;
                    int n = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int sx = 2 * x + dx;
                            int sy = 2 * y + dy;
                            if (sx < lw && sy < lh && !Double.isNaN(level[sy * lw + sx])) {
                                sum += level[sy * lw + sx];
                                n++;
                            }
                        }
                    }
                    next[y * nw + x] = n == 0 ? Double.NaN : sum / n;
                }
            }
            assertArrayEquals(next, overview(t, OverviewResampling.AVERAGE, k), "level " + k);
            level = next;
            lw = nw;
            lh = nh;
        }
    }

    @Test
    void nearestEqualsGdaladdoOnEvenSizes() throws Exception {
        GdalTool.assumeGdal();
        GdalTool.Result addo = GdalTool.run(false, "gdaladdo", "--version");
        org.junit.jupiter.api.Assumptions.assumeTrue(addo.exitCode() == 0, "gdaladdo is not on PATH");
        int w = 128;
        int h = 96;
        MultibandTile raster = WriterFixture.randomRaster(CellType.INT16_RAW, w, h, 1, 5);
        Path plain = dir.resolve("plain.tif");
        WriterFixture.write(
                plain.toString(),
                RasterDescription.of(w, h, 1, CellType.INT16_RAW),
                GeoTiffWriteOptions.builder()
                        .blockSize(32)
                        .compression(Compression.NONE)
                        .overviews(0)
                        .build(),
                raster);
        GdalTool.run("gdaladdo", "-q", "-r", "nearest", plain.toString(), "2");
        Path gdalOvr = dir.resolve("gdal-ovr.envi");
        GdalTool.run("gdal_translate", "-q", "-ovr", "0", "-of", "ENVI", plain.toString(), gdalOvr.toString());
        byte[] gdal = java.nio.file.Files.readAllBytes(gdalOvr);

        Path ours = dir.resolve("ours.tif");
        WriterFixture.write(
                ours.toString(),
                RasterDescription.of(w, h, 1, CellType.INT16_RAW),
                GeoTiffWriteOptions.builder()
                        .blockSize(32)
                        .overviews(1)
                        .resampling(OverviewResampling.NEAREST)
                        .build(),
                raster);
        try (GeoTiffReader reader = GeoTiffReader.open(ours.toString())) {
            Tile ovr = reader.read(new GridBounds(0, 0, w / 2 - 1, h / 2 - 1), new int[] {0}, 1)
                    .band(0);
            assertEquals(gdal.length, ovr.size() * 2);
            assertArrayEquals(gdal, GeoTiffWriterGdalTest.expectedBandSequential(MultibandTile.of(ovr)));
        }
    }

    @Test
    void theFileIsTheSameWhateverTheBlockOrderThreadsAndFinishExecutor() throws Exception {
        MultibandTile raster = WriterFixture.randomRaster(CellType.parse("uint16ud65535"), 200, 130, 2, 21);
        RasterDescription d = RasterDescription.of(200, 130, 2, CellType.parse("uint16ud65535"));
        GeoTiffWriteOptions o =
                GeoTiffWriteOptions.builder().blockSize(32).predictor(2).build();
        Path a = dir.resolve("a.tif");
        Path b = dir.resolve("b.tif");
        WriterFixture.write(a.toString(), d, o, raster);
        try (GeoTiffWriter w = GeoTiffWriter.create(b.toString(), d, o)) {
            WriterFixture.writeInOrder(w, raster, 32);
        }
        assertArrayEquals(java.nio.file.Files.readAllBytes(b), java.nio.file.Files.readAllBytes(a));
    }
}
