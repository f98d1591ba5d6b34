package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.tiff.GeoTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Write, then read back with our GeoTiffReader: the identity for every cell type, codec and legal predictor. */
class GeoTiffWriterRoundTripTest {
    static final List<CellType> TYPES = new ArrayList<>(CellType.FIXED);

    static {
        TYPES.add(CellType.parse("int8ud-7"));
        TYPES.add(CellType.parse("uint8ud255"));
        TYPES.add(CellType.parse("int16ud-9999"));
        TYPES.add(CellType.parse("uint16ud65535"));
        TYPES.add(CellType.parse("int32ud-9999"));
        TYPES.add(CellType.parse("float32ud-9999.0"));
        TYPES.add(CellType.parse("float64ud-3.5"));
    }

    static final Compression[] CODECS = {
        Compression.NONE, Compression.DEFLATE, Compression.LZW, Compression.ZSTD, Compression.PACKBITS
    };

    @TempDir
    Path dir;

    static List<Integer> predictors(CellType ct, Compression c) {
        List<Integer> p = new ArrayList<>(List.of(Predictor.NONE));
        if (c == Compression.NONE || c == Compression.PACKBITS) {
            return p;
        }
        if (ct.isFloatingPoint()) {
            p.add(Predictor.FLOATING_POINT);
        } else if (ct.dataType() != DataType.BIT) {
            p.add(Predictor.HORIZONTAL);
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> readerSeesTheCellsWeWrote() {
        List<DynamicTest> tests = new ArrayList<>();
        long seed = 1;
        for (CellType ct : TYPES) {
            for (Compression c : CODECS) {
                for (int p : predictors(ct, c)) {
                    for (int bands : new int[] {1, 3}) {
                        long s = seed++;
                        tests.add(DynamicTest.dynamicTest(
                                ct.name() + " " + c + " predictor " + p + " " + bands + " band(s)",
                                () -> roundTrip(ct, c, p, bands, s)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private void roundTrip(CellType ct, Compression c, int p, int bands, long seed) throws Exception {
        int w = 77;
        int h = 53;
        MultibandTile raster = WriterFixture.randomRaster(ct, w, h, bands, seed);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(32)
                .compression(c)
                .predictor(p)
                .overviews(0)
                .cog(seed % 2 == 0)
                .build();
        RasterDescription d = RasterDescription.of(w, h, bands, ct)
                .withTransform(new GeoTransform(500000, 10, 0, 4100000, 0, -10))
                .withEpsg(32633);
        Path file = dir.resolve("rt-" + seed + ".tif");
        WriterFixture.write(file.toString(), d, o, raster);
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            GeoTiffInfo info = reader.info();
            assertEquals(ct, info.cellType(), "cell type");
            assertEquals(w, info.width());
            assertEquals(h, info.height());
            assertEquals(bands, info.bandCount());
            assertEquals(c, info.compression());
            assertEquals(p, info.predictor());
            assertEquals(OptionalInt.of(32633), info.epsg());
            assertEquals(
                    new GeoTransform(500000, 10, 0, 4100000, 0, -10),
                    info.geoTransform().orElseThrow());
            MultibandTile back = reader.read(new GridBounds(0, 0, w - 1, h - 1));
            for (int b = 0; b < bands; b++) {
                assertEquals(raster.band(b), back.band(b), "band " + b);
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void overviewsAndBigTiffAndRotatedTransformReadBack() throws Exception {
        int w = 300;
        int h = 170;
        MultibandTile raster = WriterFixture.randomRaster(CellType.FLOAT32, w, h, 2, 7);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(64)
                .compression(Compression.ZSTD)
                .predictor(3)
                .bigTiff(BigTiffMode.YES)
                .autoOverviews()
                .build();
        GeoTransform rotated = new GeoTransform(10, 1, 0.25, 50, 0.5, -1);
        RasterDescription d = RasterDescription.of(w, h, 2, CellType.FLOAT32)
                .withTransform(rotated)
                .withEpsg(4326);
        Path file = dir.resolve("ovr.tif");
        WriterFixture.write(file.toString(), d, o, raster);
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            GeoTiffInfo info = reader.info();
            assertTrue(info.bigTiff());
            assertEquals(rotated, info.geoTransform().orElseThrow());
            assertEquals(OptionalInt.of(4326), info.epsg());
            assertEquals(3, info.overviews().size(), "300x170 in 64 blocks: 150, 75, 38");
            assertEquals(38, info.overviews().get(2).width());
            assertEquals(
                    raster.band(1),
                    reader.read(new GridBounds(0, 0, w - 1, h - 1)).band(1));
        }
        assertFalse(Files.list(dir).anyMatch(f -> f.toString().endsWith(".tmp")));
    }

    @Test
    void aFileUriIsWrittenWithoutHadoopChecksumFiles() throws Exception {
        MultibandTile raster = WriterFixture.randomRaster(CellType.UINT16, 40, 20, 1, 9);
        Path file = dir.resolve("uri.tif");
        WriterFixture.write(
                file.toUri().toString(),
                RasterDescription.of(40, 20, 1, CellType.UINT16),
                GeoTiffWriteOptions.builder().blockSize(16).build(),
                raster);
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            assertEquals(
                    raster.band(0), reader.read(new GridBounds(0, 0, 39, 19)).band(0));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no .crc or temporary files");
        }
    }

    @Test
    void aRasterExtentAndCrsReadBackAsTheSameGrid() throws Exception {
        io.rastermill.core.geom.RasterExtent re = io.rastermill.core.geom.RasterExtent.of(
                new io.rastermill.core.geom.Extent(600000, 5100000, 600000 + 45 * 30, 5100000 + 33 * 30), 45, 33);
        MultibandTile raster = WriterFixture.randomRaster(CellType.FLOAT64, 45, 33, 1, 4);
        Path file = dir.resolve("re.tif");
        WriterFixture.write(
                file.toString(),
                RasterDescription.of(45, 33, 1, CellType.FLOAT64)
                        .withRasterExtent(re)
                        .withCrs(io.rastermill.core.crs.Crs.epsg(32632)),
                GeoTiffWriteOptions.builder().blockSize(16).build(),
                raster);
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            assertEquals(re, reader.info().rasterExtent().orElseThrow());
            assertEquals(OptionalInt.of(32632), reader.info().epsg());
            assertEquals(
                    io.rastermill.core.crs.Crs.epsg(32632), reader.info().crs().orElseThrow());
        }
    }
}
