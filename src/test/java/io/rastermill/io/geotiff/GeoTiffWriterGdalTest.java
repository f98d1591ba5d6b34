package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.tiff.GeoTransform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL reads what we write: identical cells (gdal_translate -of ENVI), and gdalinfo agrees on size, type,
 * NoData, geotransform, EPSG, block size and compression; GDAL's COG validator accepts our COGs.
 * Skipped, with the reason, when GDAL is not installed.
 */
class GeoTiffWriterGdalTest {
    @TempDir
    Path dir;

    record Case(CellType cellType, Compression compression, int predictor, int bands, boolean bigTiff) {
        @Override
        public String toString() {
            return cellType.name() + " " + compression + " p" + predictor + " " + bands + "b"
                    + (bigTiff ? " BigTIFF" : "");
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(CellType.BOOL, Compression.DEFLATE, 1, 1, false),
                new Case(CellType.INT8, Compression.LZW, 2, 1, false),
                new Case(CellType.UINT8_RAW, Compression.PACKBITS, 1, 3, false),
                new Case(CellType.parse("uint8ud255"), Compression.ZSTD, 2, 1, true),
                new Case(CellType.parse("int16ud-9999"), Compression.DEFLATE, 2, 3, false),
                new Case(CellType.UINT16, Compression.NONE, 1, 1, false),
                new Case(CellType.INT32_RAW, Compression.ZSTD, 1, 1, false),
                new Case(CellType.INT32, Compression.LZW, 2, 3, true),
                new Case(CellType.FLOAT32, Compression.DEFLATE, 3, 1, false),
                new Case(CellType.parse("float32ud-9999.0"), Compression.LZW, 3, 3, false),
                new Case(CellType.FLOAT64_RAW, Compression.ZSTD, 3, 1, false),
                new Case(CellType.parse("float64ud-3.5"), Compression.NONE, 1, 1, true));
    }

    @TestFactory
    Stream<DynamicTest> gdalReadsIdenticalCellsAndMetadata() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        GdalTool.assumeGdal();
        int w = 83;
        int h = 61;
        MultibandTile raster = WriterFixture.randomRaster(
                c.cellType(), w, h, c.bands(), c.toString().hashCode());
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(32)
                .compression(c.compression())
                .predictor(c.predictor())
                .bigTiff(c.bigTiff() ? BigTiffMode.YES : BigTiffMode.NO)
                .autoOverviews()
                .build();
        GeoTransform gt = new GeoTransform(-120.5, 0.25, 0, 45.75, 0, -0.125);
        RasterDescription d = RasterDescription.of(w, h, c.bands(), c.cellType())
                .withTransform(gt)
                .withEpsg(4326);
        Path file = dir.resolve("g" + Math.abs(c.toString().hashCode()) + ".tif");
        WriterFixture.write(file.toString(), d, o, raster);

        byte[] gdal = GdalTool.readWithGdal(file, dir);
        assertArrayEquals(expectedBandSequential(raster), gdal, "cells as GDAL reads them");

        JsonNode info = GdalTool.gdalinfo(file);
        assertEquals(w, info.get("size").get(0).asInt());
        assertEquals(h, info.get("size").get(1).asInt());
        assertEquals(c.bands(), info.get("bands").size());
        JsonNode band = info.get("bands").get(0);
        String type = band.get("type").asText();
        assertTrue(gdalTypes(c.cellType().dataType()).contains(type), "type " + type);
        assertEquals(32, band.get("block").get(0).asInt());
        assertEquals(32, band.get("block").get(1).asInt());
        if (c.cellType().hasNoData()) {
            double expected = c.cellType().noDataValue().getAsDouble();
            JsonNode nd = band.get("noDataValue");
            double got = nd.isNumber()
                    ? nd.asDouble()
                    : Double.parseDouble(nd.asText().replace("nan", "NaN"));
            if (c.cellType().dataType() == DataType.FLOAT32) {
                assertEquals((float) expected, (float) got, "NoData");
            } else {
                assertEquals(expected, got, "NoData");
            }
        } else {
            assertTrue(band.get("noDataValue") == null, "raw type: no NoData");
        }
        double[] got = new double[6];
        for (int i = 0; i < 6; i++) {
            got[i] = info.get("geoTransform").get(i).asDouble();
        }
        assertArrayEquals(gt.toGdal(), got, "geotransform");
        assertEquals(4326, info.get("stac").get("proj:epsg").asInt());
        JsonNode compression = info.get("metadata").get("IMAGE_STRUCTURE").get("COMPRESSION");
        if (c.compression() == Compression.NONE) {
            assertTrue(compression == null, "no COMPRESSION item for uncompressed files");
        } else {
            assertEquals(c.compression().name(), compression.asText());
        }
        assertEquals(2, band.get("overviews").size(), "83x61 in 32 blocks: 42x31, 21x16");
    }

    private static List<String> gdalTypes(DataType t) {
        return switch (t) {
            case BIT, UINT8 -> List.of("Byte");
            case INT8 -> List.of("Int8", "Byte"); // GDAL < 3.7 reports signed bytes as Byte (PIXELTYPE=SIGNEDBYTE)
            case INT16 -> List.of("Int16");
            case UINT16 -> List.of("UInt16");
            case INT32 -> List.of("Int32");
            case FLOAT32 -> List.of("Float32");
            case FLOAT64 -> List.of("Float64");
        };
    }

    /** Our cells as ENVI holds them: band after band, little-endian; 1-bit cells as bytes 0/1. */
    static byte[] expectedBandSequential(MultibandTile raster) {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (Tile t : raster.bands()) {
            byte[] le;
            if (t.cellType().dataType() == DataType.BIT) {
                le = new byte[t.size()];
                for (int i = 0; i < le.length; i++) {
                    le[i] = (byte) t.get(i);
                }
            } else {
                le = t.toBytes(); // big-endian: reverse each sample
                int k = t.cellType().dataType().bytes();
                for (int i = 0; i < le.length; i += k) {
                    for (int a = i, b = i + k - 1; a < b; a++, b--) {
                        byte x = le[a];
                        le[a] = le[b];
                        le[b] = x;
                    }
                }
            }
            parts.add(le);
            total += le.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> gdalCogValidatorAcceptsOurCogs() {
        return Stream.of(
                        new Case(CellType.FLOAT32, Compression.DEFLATE, Predictor.FLOATING_POINT, 1, false),
                        new Case(CellType.UINT8, Compression.ZSTD, Predictor.HORIZONTAL, 3, true))
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> validateCog(c)));
    }

    private void validateCog(Case c) throws Exception {
        GdalTool.assumePythonGdal();
        int w = 3001;
        int h = 1999;
        MultibandTile raster = smooth(c.cellType(), w, h, c.bands());
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(256)
                .compression(c.compression())
                .predictor(c.predictor())
                .bigTiff(c.bigTiff() ? BigTiffMode.YES : BigTiffMode.AUTO)
                .build();
        RasterDescription d = RasterDescription.of(w, h, c.bands(), c.cellType())
                .withTransform(new GeoTransform(300000, 30, 0, 5000000, 0, -30))
                .withEpsg(32610);
        Path file = dir.resolve("cog.tif");
        WriterFixture.write(file.toString(), d, o, raster);
        GdalTool.Result r = GdalTool.run(
                false,
                GdalTool.PYTHON_WITH_GDAL,
                "-m",
                "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("is a valid cloud optimized GeoTIFF"), r.output());
        JsonNode info = GdalTool.gdalinfo(file);
        assertEquals(4, info.get("bands").get(0).get("overviews").size(), "1501, 751, 376, 188 wide");
        assertEquals(32610, info.get("stac").get("proj:epsg").asInt(), "projected CRS");
        if (c.bands() > 1) {
            assertEquals(
                    "PIXEL",
                    info.get("metadata")
                            .get("IMAGE_STRUCTURE")
                            .get("INTERLEAVE")
                            .asText(),
                    "chunky");
        }
        assertTrue(!r.output().contains("Warning"), "no warnings: " + r.output());
    }

    /** A smooth surface, quick to make and to compress. */
    static MultibandTile smooth(CellType ct, int w, int h, int bands) {
        List<Tile> out = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            double[] lane = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    lane[y * w + x] = 100 + 80 * Math.sin(x / 150.0 + b) * Math.cos(y / 110.0);
                }
            }
            out.add(io.rastermill.core.tile.ArrayTile.fromDoubleLane(ct, w, h, lane));
        }
        return MultibandTile.of(out);
    }

    @Test
    void nonCogTiledFileHasFullResolutionDataFirst() throws Exception {
        GdalTool.assumePythonGdal();
        int w = 700;
        int h = 500;
        MultibandTile raster = smooth(CellType.INT16, w, h, 1);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(128)
                .cog(false)
                .overviews(2)
                .build();
        Path file = dir.resolve("plain.tif");
        WriterFixture.write(file.toString(), RasterDescription.of(w, h, 1, CellType.INT16), o, raster);
        GdalTool.Result r = GdalTool.run(
                GdalTool.PYTHON_WITH_GDAL,
                "-c",
                String.join(
                        "\n",
                        "from osgeo import gdal",
                        "ds = gdal.Open('" + file + "')",
                        "b = ds.GetRasterBand(1)",
                        "print(b.GetOverviewCount(), int(b.GetMetadataItem('BLOCK_OFFSET_0_0', 'TIFF'))"
                                + " < int(b.GetOverview(0).GetMetadataItem('BLOCK_OFFSET_0_0', 'TIFF')))"));
        assertEquals("2 True", r.output().trim());
        assertArrayEquals(expectedBandSequential(raster), GdalTool.readWithGdal(file, dir));
    }
}
