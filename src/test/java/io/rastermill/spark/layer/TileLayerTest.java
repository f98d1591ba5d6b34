package io.rastermill.spark.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.geotiff.WholeRaster;
import io.rastermill.spark.LocalSparkSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers against the same raster read whole: ingest, mosaics, per-tile functions, combine, and the
 * seam invariant of focal steps (a focal op on the tiled layer equals the op on the whole raster,
 * at tile edges and raster edges, for random tilings, whether halos are read or exchanged).
 */
class TileLayerTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    /** Stitches a layer's in-raster cells into one tile, checking padding is NoData. */
    static Tile stitch(TileLayer layer) {
        RasterGrid g = layer.grid();
        TileBuilder b = TileBuilder.noData(layer.metadata().cellType(), (int) g.cols(), (int) g.rows());
        Map<SpatialKey, Tile> tiles = layer.rdd().collectAsMap();
        for (Map.Entry<SpatialKey, Tile> e : tiles.entrySet()) {
            Tile t = e.getValue();
            assertEquals(g.tileCols(), t.cols(), "layout-sized tiles");
            assertEquals(g.tileRows(), t.rows());
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < t.cols(); c++) {
                    if (c >= g.innerCols(e.getKey()) || r >= g.innerRows(e.getKey())) {
                        assertTrue(!t.cellType().hasNoData() || t.isNoData(c, r), "padding is NoData at " + e.getKey());
                    }
                }
            }
            b.paste(g.inner(e.getKey(), t), (int) g.x0(e.getKey()), (int) g.y0(e.getKey()));
        }
        return b.build();
    }

    static void assertSameCells(Tile expected, Tile actual, String what) {
        assertEquals(expected.cols(), actual.cols(), what);
        assertEquals(expected.rows(), actual.rows(), what);
        Tile e = expected.interpretAs(expected.cellType().withNoNoData());
        Tile a = actual.interpretAs(actual.cellType().withNoNoData());
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double x = e.getDouble(c, r);
                double y = a.getDouble(c, r);
                if (!(Double.compare(x, y) == 0 || (Double.isNaN(x) && Double.isNaN(y)))) {
                    throw new AssertionError(what + ": cell (" + c + "," + r + ") expected " + x + " got " + y);
                }
            }
        }
    }

    @Test
    void readingAFileAsALayerGivesItsCellsForAnyTileSize() throws IOException {
        for (String name : List.of("ovr_float32_deflate_p3_tile16_avg", "cog_int16_deflate_bs32")) {
            GdalFixture f = GdalFixtures.named(name);
            Tile whole = WholeRaster.band(f.tif().toString(), 0);
            for (int ts : new int[] {7, 16, 33, 256}) {
                TileLayer layer = TileLayers.readGeoTiffs(
                        SPARK.session(),
                        List.of(f.tif().toString()),
                        TileLayers.ReadOptions.defaults().withTileSize(ts));
                assertEquals(whole.cellType(), layer.metadata().cellType());
                assertSameCells(whole, stitch(layer), name + " tile size " + ts);
            }
        }
    }

    @Test
    void aMosaicOfAdjacentPiecesEqualsTheWholeAndMismatchedGridsAreRefused(@TempDir Path dir) throws Exception {
        assumeTrue(hasGdal(), "gdal_translate is not installed (bash .ci/run installs gdal-bin)");
        GdalFixture f = GdalFixtures.named("cog_int16_deflate_bs32"); // 100 x 80
        int[][] windows = {{0, 0, 40, 30}, {40, 0, 60, 30}, {0, 30, 55, 50}, {55, 30, 45, 50}};
        for (int i = 0; i < windows.length; i++) {
            int[] w = windows[i];
            run(
                    "gdal_translate",
                    "-q",
                    "-srcwin",
                    "" + w[0],
                    "" + w[1],
                    "" + w[2],
                    "" + w[3],
                    f.tif().toString(),
                    dir.resolve("piece" + i + ".tif").toString());
        }
        TileLayer mosaic = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(dir.toString()),
                TileLayers.ReadOptions.defaults().withTileSize(32));
        assertSameCells(WholeRaster.band(f.tif().toString(), 0), stitch(mosaic), "mosaic of 4 pieces");

        run(
                "gdal_translate",
                "-q",
                "-tr",
                "20",
                "20",
                f.tif().toString(),
                dir.resolve("coarse.tif").toString());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TileLayers.readGeoTiffs(
                        SPARK.session(),
                        List.of(
                                dir.resolve("coarse.tif").toString(),
                                dir.resolve("piece0.tif").toString()),
                        TileLayers.ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("cell size") && e.getMessage().contains("coarse.tif"), e.getMessage());
    }

    @Test
    void mapCombineAndAggregateSeeEveryCellOnce() throws IOException {
        GdalFixture f = GdalFixtures.named("cog_int16_deflate_bs32");
        TileLayer layer = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(f.tif().toString()),
                TileLayers.ReadOptions.defaults().withTileSize(24));
        Tile whole = WholeRaster.band(f.tif().toString(), 0);
        TileLayer doubled = layer.combine(
                layer.mapTiles(t -> t.mapIfSet(z -> z * 2)),
                (a, b) -> a.combine(b, (x, y) -> x == NoData.INT || y == NoData.INT ? NoData.INT : x + y));
        assertSameCells(whole.mapIfSet(z -> z * 3), stitch(doubled), "a + 2a");

        long[] expected = new long[2];
        for (int i = 0; i < whole.size(); i++) {
            int v = whole.get(i % whole.cols(), i / whole.cols());
            if (v != NoData.INT) {
                expected[0]++;
                expected[1] += v;
            }
        }
        long[] got = layer.aggregate(
                new long[2],
                (acc, t) -> {
                    for (int v : t.toIntLane()) {
                        if (v != NoData.INT) {
                            acc[0]++;
                            acc[1] += v;
                        }
                    }
                    return acc;
                },
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        assertArrayEquals(expected, got, "count and sum of data cells");
    }

    @Test
    void mergeableReductionsOverALayerEqualTheWholeRaster() throws IOException {
        for (String name : List.of("cog_int16_deflate_bs32", "ovr_float32_deflate_p3_tile16_avg")) {
            GdalFixture f = GdalFixtures.named(name);
            Tile whole = WholeRaster.band(f.tif().toString(), 0);
            TileLayer layer = TileLayers.readGeoTiffs(
                    SPARK.session(),
                    List.of(f.tif().toString()),
                    TileLayers.ReadOptions.defaults().withTileSize(13));
            io.rastermill.core.stats.Statistics expected = io.rastermill.core.stats.Summaries.statistics(whole);
            io.rastermill.core.stats.Statistics got = layer.reduce(new io.rastermill.core.stats.CellStatistics());
            assertEquals(expected.dataCells(), got.dataCells(), name);
            assertEquals(expected.noDataCells(), got.noDataCells(), name + ": padding never counts");
            assertEquals(expected.min(), got.min(), name);
            assertEquals(expected.max(), got.max(), name);
            assertEquals(expected.mean(), got.mean(), 1e-9 * Math.abs(expected.mean()), name);
            assertEquals(expected.stddev(), got.stddev(), 1e-9 * expected.stddev(), name);
        }
        GdalFixture ints = GdalFixtures.named("cog_int16_deflate_bs32");
        TileLayer layer = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(ints.tif().toString()),
                TileLayers.ReadOptions.defaults().withTileSize(16));
        io.rastermill.core.stats.IntHistogram h = layer.reduce(new io.rastermill.core.stats.IntHistogram());
        assertEquals(
                io.rastermill.core.stats.Summaries.histogram(
                                WholeRaster.band(ints.tif().toString(), 0))
                        .percentile(0.5),
                h.percentile(0.5),
                "exact median of an integer raster");
    }

    @Test
    void mapTilesWithKeySeesEachTilesKey() throws IOException {
        GdalFixture f = GdalFixtures.named("cog_int16_deflate_bs32");
        TileLayer layer = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(f.tif().toString()),
                TileLayers.ReadOptions.defaults().withTileSize(32));
        Map<SpatialKey, Tile> keyed = layer.mapTilesWithKey(
                        (k, t) -> t.map(z -> k.col() * 100 + k.row()), CellType.INT32)
                .rdd()
                .collectAsMap();
        assertEquals(12, keyed.size());
        keyed.forEach((k, t) -> assertEquals(k.col() * 100 + k.row(), t.get(0, 0), "tile " + k));
    }

    /** A test kernel: mean of the data cells in a (2r+1)² window; outside-raster cells do not count. */
    static FocalKernel.TileBody meanKernel(int r) {
        return h -> {
            Tile t = h.tile();
            int w = h.cols();
            int hh = h.rows();
            double[] in = t.toDoubleLane();
            double[] out = new double[w * hh];
            for (int y = 0; y < hh; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int n = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        for (int dx = -r; dx <= r; dx++) {
                            int bx = x + h.halo() + dx;
                            int by = y + h.halo() + dy;
                            boolean outside = (h.outside().west() && bx < h.halo())
                                    || (h.outside().east() && bx >= h.halo() + w)
                                    || (h.outside().north() && by < h.halo())
                                    || (h.outside().south() && by >= h.halo() + hh);
                            double v = in[by * t.cols() + bx];
                            if (!outside && !Double.isNaN(v)) {
                                sum += v;
                                n++;
                            }
                        }
                    }
                    out[y * w + x] = n == 0 ? Double.NaN : sum / n;
                }
            }
            return io.rastermill.core.tile.Tiles.fromDoubleLane(CellType.FLOAT64, w, hh, out);
        };
    }

    /** The kernel on the whole raster: one tile whose halo lies entirely outside. */
    static Tile wholeRaster(Tile raster, int r, FocalKernel.TileBody k) throws Exception {
        Tile padded = TileBuilder.noData(raster.cellType(), raster.cols() + 2 * r, raster.rows() + 2 * r)
                .paste(raster, r, r)
                .build();
        return k.apply(new io.rastermill.core.focal.BufferedTile(
                padded,
                r,
                io.rastermill.core.focal.BufferedTile.Sides.ALL,
                new io.rastermill.core.geom.CellSize(10, 10)));
    }

    @Test
    void focalStepsHaveNoSeamsForRandomTilingsWhetherHalosAreReadOrExchanged() throws Exception {
        GdalFixture f = GdalFixtures.named("ovr_float32_deflate_p3_tile16_avg"); // 64 x 64 float32 with NoData
        Tile raster = WholeRaster.band(f.tif().toString(), 0).convert(CellType.FLOAT64);
        Random rnd = new Random(4711);
        for (int trial = 0; trial < 5; trial++) {
            int ts = 5 + rnd.nextInt(30);
            int r1 = 1 + rnd.nextInt(Math.min(3, ts / 2));
            int r2 = 1 + rnd.nextInt(2);
            String what = "tile size " + ts + ", radii " + r1 + "+" + r2;
            TileLayer read = TileLayers.readGeoTiffs(
                            SPARK.session(),
                            List.of(f.tif().toString()),
                            TileLayers.ReadOptions.defaults().withTileSize(ts))
                    .mapTiles(t -> t, CellType.FLOAT64);
            // read.mapTiles(...) makes a derived layer: halos are exchanged
            TileLayer exchanged = read.focal(r1, meanKernel(r1), CellType.FLOAT64);
            assertSameCells(wholeRaster(raster, r1, meanKernel(r1)), stitch(exchanged), "exchanged, " + what);

            TileLayer fromFile = TileLayers.readGeoTiffs(
                    SPARK.session(),
                    List.of(f.tif().toString()),
                    TileLayers.ReadOptions.defaults().withTileSize(ts));
            TileLayer chained =
                    fromFile.focal(r1, meanKernel(r1), CellType.FLOAT64).focal(r2, meanKernel(r2), CellType.FLOAT64);
            Tile expected = wholeRaster(wholeRaster(raster, r1, meanKernel(r1)), r2, meanKernel(r2));
            assertSameCells(expected, stitch(chained), "read with halo, chained, " + what);
        }
    }

    @Test
    void terrainKernelsOnALayerEqualThemOnTheWholeRaster() throws Exception {
        GdalFixture f = GdalFixtures.named("ovr_float32_deflate_p3_tile16_avg");
        Tile raster = WholeRaster.band(f.tif().toString(), 0);
        io.rastermill.core.geom.CellSize cs = new io.rastermill.core.geom.CellSize(10, 10);
        List<FocalKernel> kernels = List.of(
                io.rastermill.core.focal.FocalOps.slopeKernel(io.rastermill.core.focal.SlopeParams.GDALDEM),
                io.rastermill.core.focal.FocalOps.slopeKernel(
                        io.rastermill.core.focal.SlopeParams.GDALDEM.withComputeEdges(true)),
                io.rastermill.core.focal.FocalOps.hillshadeKernel(io.rastermill.core.focal.HillshadeParams.GEOTRELLIS),
                io.rastermill.core.focal.FocalOps.statsKernel(new io.rastermill.core.focal.FocalStatsParams(
                        io.rastermill.core.focal.FocalStatsParams.Stat.MEDIAN,
                        io.rastermill.core.focal.FocalStatsParams.Shape.CIRCLE,
                        3)));
        for (FocalKernel k : kernels) {
            for (int ts : new int[] {9, 23}) {
                TileLayer layer = TileLayers.readGeoTiffs(
                                SPARK.session(),
                                List.of(f.tif().toString()),
                                TileLayers.ReadOptions.defaults().withTileSize(ts))
                        .focal(k);
                assertEquals(k.resultCellType(), layer.metadata().cellType());
                assertSameCells(
                        io.rastermill.core.focal.FocalOps.applyWhole(k, raster, cs),
                        stitch(layer),
                        k + " tile size " + ts);
            }
        }
    }

    static boolean hasGdal() {
        try {
            return new ProcessBuilder("gdal_translate", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
