package io.rastermill.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.GdalFixtures;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffTranslate;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkGeoTiffTranslate} equals the single-JVM {@link GeoTiffTranslate} byte for byte on GDAL's
 * fixtures (one and three bands, every sample type); GDAL reads the Spark-written COG with the same
 * cells and its COG validator accepts it; a mosaic with a gap gets NoData blocks there.
 */
class SparkGeoTiffTranslateTest {
    private static final String PYTHON_WITH_GDAL = "/usr/bin/python3";
    private static final List<String> FIXTURES = List.of(
            "byte_3b_pixel_lzw_tile16",
            "int16_deflate_p2_strip_nd-9999",
            "float32_deflate_p3_tile16_ndnan",
            "cog_int16_deflate_bs32",
            "uint32_none_strip",
            "bit1_deflate_tile16_be",
            "float64_zstd_p3_strip_be_ndnan",
            "uint16_3b_band_lzw_p2_strip_be",
            "int8_zstd_tile32_nd-128");

    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession().fewShufflePartitions();

    @TempDir
    Path dir;

    static Path singleJvm(Path source, Path target, GeoTiffWriteOptions o) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GeoTiffReader r = GeoTiffReader.open(source.toString())) {
            GeoTiffTranslate.translate(r, target.toString(), o, pool, new Configuration());
        } finally {
            pool.shutdown();
        }
        return target;
    }

    @Test
    void equalsTheSingleJvmTranslateByteForByteOnFixtures() throws IOException {
        for (GeoTiffWriteOptions o : List.of(
                GeoTiffWriteOptions.builder()
                        .blockSize(16)
                        .compression(Compression.DEFLATE)
                        .build(),
                GeoTiffWriteOptions.builder()
                        .blockSize(32)
                        .compression(Compression.LZW)
                        .cog(false)
                        .overviews(1)
                        .build())) {
            for (String name : o.blockSize() == 16 ? FIXTURES : FIXTURES.subList(0, 4)) {
                Path source = GdalFixtures.named(name).tif();
                Path spark = dir.resolve(name + "-" + o.blockSize() + "-spark.tif");
                Path ref = singleJvm(source, dir.resolve(name + "-" + o.blockSize() + "-ref.tif"), o);
                LayerGeoTiffWriter.Result result =
                        SparkGeoTiffTranslate.translate(SPARK.session(), source.toString(), spark.toString(), o);
                assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(spark), name + " with " + o);
                assertEquals(0, result.noDataBlocks(), name);
            }
        }
        try (var files = Files.list(dir)) {
            assertTrue(
                    files.allMatch(p -> p.getFileName().toString().endsWith(".tif")),
                    "no temporary or part files left");
        }
    }

    @Test
    void gdalReadsTheSameCellsAndValidatesTheCog() throws IOException {
        assumeGdal();
        float[] cells = LayerGeoTiffWriterTest.raster(11);
        TileLayer layer = LayerGeoTiffWriterTest.layerOn(SPARK.session(), cells, 128, Set.of());
        Path out = dir.resolve("synthetic.tif");
        LayerGeoTiffWriter.Result result = LayerGeoTiffWriter.write(
                layer,
                out.toString(),
                GeoTiffWriteOptions.builder()
                        .blockSize(128)
                        .compression(Compression.DEFLATE)
                        .predictor(Predictor.FLOATING_POINT)
                        .build());
        assertEquals(4, result.levels(), "1000x700: 500, 250, 125 wide overviews");
        Result v = run(PYTHON_WITH_GDAL, "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff", out.toString());
        assertEquals(0, v.exitCode(), v.output());
        assertTrue(v.output().contains("is a valid cloud optimized GeoTIFF"), v.output());
        Path raw = dir.resolve("synthetic.envi");
        Result t = run("gdal_translate", "-q", "-of", "ENVI", out.toString(), raw.toString());
        assertEquals(0, t.exitCode(), t.output());
        ByteBuffer expected = ByteBuffer.allocate(cells.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float c : cells) {
            expected.putFloat(c);
        }
        assertArrayEquals(expected.array(), Files.readAllBytes(raw), "GDAL reads the cells that were written");
        Result info = run("gdalinfo", out.toString());
        assertTrue(info.output().contains("NoData Value=-9999"), info.output());
        assertTrue(info.output().contains("32633"), info.output());
    }

    @Test
    void aMosaicWithAGapGetsNoDataBlocks() throws IOException {
        assumeGdalTools();
        Path source = GdalFixtures.named("int16_deflate_p2_strip_nd-9999").tif(); // 50 x 41
        Path pieces = Files.createDirectories(dir.resolve("pieces"));
        assertEquals(
                0,
                run(
                                "gdal_translate",
                                "-q",
                                "-srcwin",
                                "0",
                                "0",
                                "50",
                                "16",
                                source.toString(),
                                pieces.resolve("a.tif").toString())
                        .exitCode());
        assertEquals(
                0,
                run(
                                "gdal_translate",
                                "-q",
                                "-srcwin",
                                "0",
                                "32",
                                "50",
                                "9",
                                source.toString(),
                                pieces.resolve("b.tif").toString())
                        .exitCode());
        TileLayer mosaic = TileLayers.readGeoTiffs(
                SPARK.session(),
                List.of(pieces.toString()),
                TileLayers.ReadOptions.defaults().withTileSize(16));
        assertEquals(41, mosaic.rows());
        Path out = dir.resolve("mosaic.tif");
        LayerGeoTiffWriter.Result result = LayerGeoTiffWriter.write(
                mosaic,
                out.toString(),
                GeoTiffWriteOptions.builder().blockSize(16).build());
        assertEquals(4, result.noDataBlocks(), "4 blocks of row 1 at level 0, none at levels 1 and 2");
        try (GeoTiffReader written = GeoTiffReader.open(out.toString());
                GeoTiffReader original = GeoTiffReader.open(source.toString())) {
            GridBounds all = new GridBounds(0, 0, 49, 40);
            Tile w = written.readBand(all, 0, 0);
            Tile o = original.readBand(all, 0, 0);
            for (int y = 0; y < 41; y++) {
                for (int x = 0; x < 50; x++) {
                    if (y >= 16 && y < 32) {
                        assertTrue(w.isNoData(x, y), "gap at " + x + ", " + y);
                    } else {
                        assertEquals(o.get(x, y), w.get(x, y), "cell " + x + ", " + y);
                    }
                }
            }
        }
    }

    record Result(int exitCode, String output) {}

    static void assumeGdalTools() {
        assumeTrue(
                onPath("gdalinfo") && onPath("gdal_translate"),
                "GDAL command-line tools (gdalinfo, gdal_translate) are not on PATH; install gdal-bin to run this test");
    }

    static void assumeGdal() {
        assumeGdalTools();
        assumeTrue(
                Files.isExecutable(Path.of(PYTHON_WITH_GDAL))
                        && run(PYTHON_WITH_GDAL, "-c", "import osgeo_utils.samples.validate_cloud_optimized_geotiff")
                                        .exitCode()
                                == 0,
                PYTHON_WITH_GDAL + " with GDAL's Python bindings (python3-gdal) is not available");
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
