package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.CountingRangeReader;
import io.rastermill.io.bytes.LocalFileRangeReader;
import io.rastermill.io.geotiff.GdalFixtures.Cells;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.tiff.TiffFormatException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our reader against GDAL 3.6.2 on the committed fixture matrix (src/test/fixtures/geotiff): every
 * cell of every band, at full resolution and on every overview, for whole images and random
 * windows, equals what GDAL read; the header facts equal the manifest's.
 */
class GeoTiffReaderGdalTest {
    private static final long SEED = 31337L;
    private static final int WINDOWS_PER_LEVEL = 12;

    @TestFactory
    Stream<DynamicTest> everySupportedFixtureReadsExactlyAsGdal() {
        return GdalFixtures.supported().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> checkFixture(f)));
    }

    private static void checkFixture(GdalFixture f) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(f.tif().toString())) {
            GeoTiffInfo info = reader.info();
            assertEquals(f.width(), info.width(), "width");
            assertEquals(f.height(), info.height(), "height");
            assertEquals(f.bandCount(), info.bandCount(), "bands");
            String gdalType = f.gdalinfo().get("bands").get(0).get("type").asText();
            if (f.sampleType() == GdalFixtures.SampleType.INT8 && gdalType.equals("Byte")) {
                gdalType = "Int8"; // GDAL 3.6 reports signed bytes as Byte + PIXELTYPE=SIGNEDBYTE; 3.7+ as Int8
            }
            assertEquals(gdalType, info.gdalDataType(), "GDAL data type");
            assertEquals(f.compressionTag(), info.compression().tag(), "compression");
            assertEquals(f.predictor(), info.predictor(), "predictor");
            assertEquals(f.tiled(), info.tiled(), "tiled");
            assertEquals(f.blockWidth(), info.blockWidth(), "block width");
            assertEquals(f.blockHeight(), info.blockHeight(), "block height");
            assertEquals(f.isPlanar(), info.planar(), "planar");
            assertEquals(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, info.byteOrder());
            assertEquals(f.bigtiff(), info.bigTiff(), "BigTIFF");
            assertEquals(f.overviewCount(), info.overviews().size(), "overviews");
            if (f.noData() == null) {
                assertTrue(info.noData().isEmpty(), "no NoData");
            } else {
                assertEquals(
                        Double.doubleToLongBits(f.noData()),
                        Double.doubleToLongBits(info.noData().getAsDouble()));
            }
            if (f.hasGeoTransform()) {
                assertArrayEquals(
                        f.geoTransform(), info.geoTransform().orElseThrow().toGdal(), "geotransform");
            } else {
                assertTrue(info.geoTransform().isEmpty(), "no geotransform");
            }
            assertEquals(
                    f.epsg() == null ? -1 : f.epsg().intValue(), info.epsg().orElse(-1), "EPSG");

            checkLevel(reader, f, 0, f.referenceCells());
            for (int o = 0; o < f.overviewCount(); o++) {
                assertEquals(
                        f.overviews().get(o).width(), info.overviews().get(o).width(), "overview width");
                checkLevel(reader, f, o + 1, f.overviewCells(o));
            }
        }
    }

    private static void checkLevel(GeoTiffReader reader, GdalFixture f, int level, Cells expected) throws IOException {
        int w = reader.width(level);
        int h = reader.height(level);
        int[] bands = new int[f.bandCount()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = b;
        }
        compare(f, level, expected, reader.read(new GridBounds(0, 0, w - 1, h - 1), bands, level), 0, 0, bands);
        Random r = new Random(SEED + f.name().hashCode() + level);
        for (int i = 0; i < WINDOWS_PER_LEVEL; i++) {
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int x1 = x0 + r.nextInt(w - x0);
            int y1 = y0 + r.nextInt(h - y0);
            int[] pick = new int[1 + r.nextInt(f.bandCount())];
            for (int k = 0; k < pick.length; k++) {
                pick[k] = r.nextInt(f.bandCount());
            }
            compare(f, level, expected, reader.read(new GridBounds(x0, y0, x1, y1), pick, level), x0, y0, pick);
        }
    }

    /** Compares stored samples: our tile read as its raw type equals GDAL's cell values exactly. */
    private static void compare(
            GdalFixture f, int level, Cells expected, MultibandTile got, int x0, int y0, int[] bands) {
        for (int k = 0; k < bands.length; k++) {
            Tile t = got.band(k);
            Tile raw = t.interpretAs(t.cellType().withNoNoData());
            for (int row = 0; row < t.rows(); row++) {
                for (int col = 0; col < t.cols(); col++) {
                    double want = expected.get(bands[k] + 1, x0 + col, y0 + row);
                    double have = raw.getDouble(col, row);
                    if (Double.doubleToLongBits(want) != Double.doubleToLongBits(have)
                            && !(Double.isNaN(want) && Double.isNaN(have))) {
                        fail(f.name() + " level " + level + " band " + bands[k] + " cell (" + (x0 + col) + ","
                                + (y0 + row) + "): GDAL " + want + ", ours " + have);
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> unsupportedFixturesFailWithTheFileTheTagAndTheValue() {
        return GdalFixtures.unsupported().stream()
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    TiffFormatException e = assertThrows(TiffFormatException.class, () -> {
                        try (GeoTiffReader reader = GeoTiffReader.open(f.tif().toString())) {
                            reader.read(new GridBounds(0, 0, 0, 0));
                        }
                    });
                    assertTrue(e.getMessage().contains(f.file()), e.getMessage());
                    assertTrue(e.tag() > 0, "names a tag: " + e.getMessage());
                }));
    }

    @Test
    void cellTypeCarriesGdalNoData() throws IOException {
        for (GdalFixture f : GdalFixtures.supported()) {
            try (GeoTiffReader reader = GeoTiffReader.open(f.tif().toString())) {
                CellType ct = reader.info().cellType();
                if (f.noData() == null || f.sampleType() == GdalFixtures.SampleType.BIT1) {
                    assertTrue(!ct.hasNoData(), f.name() + " " + ct);
                } else if (!Double.isNaN(f.noData())) {
                    assertEquals(f.noData(), ct.noDataValue().orElse(Double.NaN), f.name() + " " + ct + " NoData");
                } else {
                    assertTrue(ct.hasNoData() && ct.isFloatingPoint(), f.name() + " " + ct);
                }
            }
        }
    }

    @Test
    void aSmallWindowOfATiledFileReadsOnlyItsTiles() throws IOException {
        GdalFixture f = GdalFixtures.supported().stream()
                .filter(x -> x.tiled()
                        && x.width() >= 3 * x.blockWidth()
                        && x.height() >= 2 * x.blockHeight()
                        && x.sampleType().bytesPerSample() >= 4
                        && x.overviewCount() == 0)
                .findFirst()
                .orElseThrow();
        CountingRangeReader counting = new CountingRangeReader(LocalFileRangeReader.open(f.tif()));
        try (GeoTiffReader reader = GeoTiffReader.open(counting)) {
            long header = counting.counter().bytes();
            reader.read(new GridBounds(1, 1, 2, 2));
            long window = counting.counter().bytes() - header;
            long fileSize = java.nio.file.Files.size(f.tif());
            assertTrue(
                    header + window < fileSize / 2, f.name() + ": read " + header + "+" + window + " of " + fileSize);
            assertTrue(window > 0);
        }
    }
}
