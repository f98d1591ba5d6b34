package io.rastermill.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.bytes.ByteArrayRangeReader;
import io.rastermill.io.bytes.CountingRangeReader;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TiffStructureTest {

    static TiffStructure parse(byte[] bytes) throws Exception {
        return TiffStructure.read(new ByteArrayRangeReader("test.tif", bytes));
    }

    static ByteOrder order(String s) {
        return s.equals("II") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    @ParameterizedTest
    @CsvSource({"II,false", "MM,false", "II,true", "MM,true"})
    void tiledImageWithGeoKeysAndNoData(String bo, boolean big) throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(order(bo), big);
        w.ifd()
                .image(100, 70, 1, 32, 32, 48, 0, 1, 1)
                .put(TiffTag.SAMPLE_FORMAT, TiffType.SHORT, 3)
                .put(TiffTag.PREDICTOR, TiffType.SHORT, 3)
                .put(TiffTag.COMPRESSION, TiffType.SHORT, 8)
                .putAscii(TiffTag.GDAL_NODATA, "-9999")
                .putDouble(TiffTag.MODEL_PIXEL_SCALE, 10, 20, 0)
                .putDouble(TiffTag.MODEL_TIEPOINT, 0, 0, 0, 500000, 6000000, 0)
                .put(
                        TiffTag.GEO_KEY_DIRECTORY,
                        TiffType.SHORT,
                        1,
                        1,
                        0,
                        4,
                        1024,
                        0,
                        1,
                        1,
                        1025,
                        0,
                        1,
                        1,
                        1026,
                        34737,
                        22,
                        0,
                        3072,
                        0,
                        1,
                        32633)
                .putAscii(TiffTag.GEO_ASCII_PARAMS, "WGS 84 / UTM zone 33N|");
        TiffStructure s = parse(w.toBytes());
        assertEquals(big, s.bigTiff());
        assertEquals(order(bo), s.byteOrder());
        assertEquals(1, s.directories().size());
        TiffDirectory d = s.directories().get(0);
        assertEquals(100, d.width());
        assertEquals(70, d.height());
        assertEquals(1, d.samplesPerPixel());
        assertArrayEquals(new int[] {32}, d.bitsPerSample());
        assertArrayEquals(new int[] {3}, d.sampleFormat());
        assertEquals(8, d.compression());
        assertEquals(3, d.predictor());
        assertEquals(1, d.planarConfiguration());
        assertEquals(OptionalInt.of(1), d.photometric());
        assertTrue(d.isTiled());
        assertEquals(32, d.segmentWidth());
        assertEquals(48, d.segmentHeight());
        assertEquals(4, d.segmentsAcross());
        assertEquals(2, d.segmentsDown());
        assertEquals(8, d.segmentCount());
        assertEquals(8, d.segmentOffsets().length);
        assertEquals(w.headerSize(), d.segmentOffset(0));
        for (int i = 0; i < 8; i++) {
            assertEquals(32 * 48 * 4, d.segmentByteCount(i));
            assertEquals(w.headerSize() + i * 32L * 48 * 4, d.segmentOffset(i));
        }
        assertEquals(new TiffSegment(0, 0, 0, 0, 32, 48, 32, 48, w.headerSize(), 32 * 48 * 4), d.segment(0));
        assertEquals(
                new TiffSegment(7, 0, 96, 48, 4, 22, 32, 48, w.headerSize() + 7L * 32 * 48 * 4, 32 * 48 * 4),
                d.segment(7));
        assertEquals("-9999", d.gdalNoData().orElseThrow());
        assertEquals(-9999.0, d.gdalNoDataValue().getAsDouble());
        assertFalse(d.isMask());
        assertFalse(d.isReducedResolution());
        assertEquals(List.of(d), s.fullResolution());

        GeoReference g = GeoReference.read(d).orElseThrow();
        assertEquals(
                new GeoTransform(500000, 10, 0, 6000000, 0, -20), g.transform().orElseThrow());
        assertEquals(OptionalInt.of(32633), g.epsg());
        assertEquals(OptionalInt.of(1), g.modelType());
        assertFalse(g.pixelIsPoint());
        GeoKeyDirectory keys = g.keys().orElseThrow();
        assertEquals(1, keys.version());
        assertEquals(
                "WGS 84 / UTM zone 33N", keys.ascii(GeoKeyDirectory.GT_CITATION).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"II,false", "MM,true"})
    void planarStripsWithTransformAndPixelIsPoint(String bo, boolean big) throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(order(bo), big);
        w.ifd()
                .image(33, 10, 3, 16, 0, 0, 4, 2, 2)
                .put(TiffTag.SAMPLE_FORMAT, TiffType.SHORT, 2, 2, 2)
                .putDouble(TiffTag.MODEL_TRANSFORMATION, 0.5, 0, 0, 10, 0, -0.25, 0, 50, 0, 0, 0, 0, 0, 0, 0, 1)
                .put(
                        TiffTag.GEO_KEY_DIRECTORY,
                        TiffType.SHORT,
                        1,
                        1,
                        1,
                        3,
                        1024,
                        0,
                        1,
                        2,
                        1025,
                        0,
                        1,
                        2,
                        2048,
                        0,
                        1,
                        4326);
        TiffDirectory d = parse(w.toBytes()).directories().get(0);
        assertEquals(3, d.samplesPerPixel());
        assertArrayEquals(new int[] {16, 16, 16}, d.bitsPerSample());
        assertArrayEquals(new int[] {2, 2, 2}, d.sampleFormat());
        assertEquals(2, d.planarConfiguration());
        assertFalse(d.isTiled());
        assertEquals(33, d.segmentWidth());
        assertEquals(4, d.segmentHeight());
        assertEquals(1, d.segmentsAcross());
        assertEquals(3, d.segmentsDown());
        assertEquals(9, d.segmentCount());
        assertEquals(33 * 2 * 2, d.segmentByteCount(2)); // last strip of plane 0 has 2 rows
        TiffSegment last = d.segment(8);
        assertEquals(2, last.plane());
        assertEquals(0, last.x());
        assertEquals(8, last.y());
        assertEquals(33, last.width());
        assertEquals(2, last.height());
        assertEquals(2, last.storedHeight());
        assertEquals(d.segment(3).y(), 0);
        assertEquals(1, d.segment(3).plane());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> d.segment(9));
        assertEquals(1, d.compression());
        assertEquals(1, d.predictor());
        GeoReference g = GeoReference.read(d).orElseThrow();
        assertTrue(g.pixelIsPoint());
        assertEquals(OptionalInt.of(4326), g.epsg());
        // half a pixel up-left of (10, 50)
        assertEquals(
                new GeoTransform(10 - 0.25, 0.5, 0, 50 + 0.125, 0, -0.25),
                g.transform().orElseThrow());
    }

    @Test
    void stripsWithoutRowsPerStripAreOneStrip() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(5, 7, 1, 8, 0, 0, 7, 1, 3).remove(TiffTag.ROWS_PER_STRIP);
        byte[] bytes = w.toBytes();
        TiffDirectory d = parse(bytes).directories().get(0);
        assertEquals(7, d.segmentHeight());
        assertEquals(1, d.segmentCount());
        assertTrue(GeoReference.read(d).isEmpty());
    }

    @Test
    void overviewsAndMasksAreClassified() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(64, 64, 3, 8, 16, 16, 0, 1, 1);
        w.ifd().image(16, 16, 3, 8, 16, 16, 0, 1, 2).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        w.ifd().image(64, 64, 1, 1, 16, 16, 0, 1, 3).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 4);
        w.ifd().image(32, 32, 3, 8, 16, 16, 0, 1, 4).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        w.ifd().image(32, 32, 1, 1, 16, 16, 0, 1, 5).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 5);
        TiffStructure s = parse(w.toBytes());
        assertEquals(5, s.directories().size());
        assertEquals(List.of(s.directories().get(0)), s.fullResolution());
        assertEquals(List.of(s.directories().get(3), s.directories().get(1)), s.overviews());
        assertEquals(List.of(s.directories().get(2), s.directories().get(4)), s.masks());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, s.directories().get(i).index());
        }
    }

    @Test
    void readsOnlyTheStructureNotThePixels() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, true);
        w.ifd().image(1024, 1024, 4, 8, 256, 256, 0, 1, 1);
        w.ifd().image(512, 512, 4, 8, 256, 256, 0, 1, 2).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        byte[] bytes = w.toBytes();
        CountingRangeReader r = new CountingRangeReader(new ByteArrayRangeReader("big.tif", bytes));
        TiffStructure s = TiffStructure.read(r);
        assertEquals(2, s.directories().size());
        assertTrue(bytes.length > 5_000_000);
        assertTrue(r.counter().bytes() < 2_000, r.counter().toString());
        assertTrue(r.counter().requests() <= 8, r.counter().toString());
    }

    @ParameterizedTest
    @CsvSource({"II,false", "MM,false", "II,true", "MM,true"})
    void everyFieldTypeInlineAndOutOfLine(String bo, boolean big) throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(order(bo), big);
        w.ifd()
                .image(4, 4, 1, 8, 0, 0, 4, 1, 1)
                .put(1000, TiffType.BYTE, 255)
                .put(1001, TiffType.BYTE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250)
                .putAscii(1002, "ab")
                .putAscii(1003, "a longer text value")
                .put(1004, TiffType.SHORT, 65535)
                .put(1005, TiffType.SHORT, 1, 2, 3, 4, 5, 65535)
                .put(1006, TiffType.LONG, 0xFFFFFFFFL)
                .put(1007, TiffType.LONG, 1, 2, 3, 0xFFFFFFFFL)
                .putRational(1008, TiffType.RATIONAL, 3, 4)
                .putRational(1009, TiffType.RATIONAL, 1, 2, 0xFFFFFFFFL, 1)
                .put(1010, TiffType.SBYTE, -1)
                .put(1011, TiffType.SBYTE, -1, -2, -3, -4, -128, 127, 0, 1, 2)
                .put(1012, TiffType.UNDEFINED, 0xAB)
                .put(1013, TiffType.UNDEFINED, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .put(1014, TiffType.SSHORT, -32768)
                .put(1015, TiffType.SSHORT, -1, -2, -3, -4, -5)
                .put(1016, TiffType.SLONG, Integer.MIN_VALUE)
                .put(1017, TiffType.SLONG, -1, -2, -3)
                .putRational(1018, TiffType.SRATIONAL, -3, 4)
                .putRational(1019, TiffType.SRATIONAL, -1, 2, 5, -10)
                .putFloat(1020, 1.5f)
                .putFloat(1021, 1.5f, -2.25f, 3f)
                .putDouble(1022, -0.125)
                .putDouble(1023, 1e300, -2.5)
                .put(1024, TiffType.IFD, 8)
                .put(1025, TiffType.IFD, 8, 16)
                .put(1026, TiffType.LONG8, 1L << 40)
                .put(1027, TiffType.LONG8, 1, 2)
                .put(1028, TiffType.SLONG8, -(1L << 40))
                .put(1029, TiffType.SLONG8, -1, -2)
                .put(1030, TiffType.IFD8, 16)
                .put(1031, TiffType.IFD8, 16, 32)
                .raw(1032, TiffType.UNDEFINED, 0, new byte[0]);
        TiffDirectory d = parse(w.toBytes()).directories().get(0);
        assertArrayEquals(new long[] {255}, longs(d, 1000));
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 250}, longs(d, 1001));
        assertEquals("ab", d.entry(1002).orElseThrow().ascii());
        assertEquals("a longer text value", d.entry(1003).orElseThrow().ascii());
        assertArrayEquals(new long[] {65535}, longs(d, 1004));
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 65535}, longs(d, 1005));
        assertArrayEquals(new long[] {0xFFFFFFFFL}, longs(d, 1006));
        assertArrayEquals(new long[] {1, 2, 3, 0xFFFFFFFFL}, longs(d, 1007));
        assertArrayEquals(new double[] {0.75}, doubles(d, 1008));
        assertArrayEquals(new double[] {0.5, 4294967295.0}, doubles(d, 1009));
        assertArrayEquals(new long[] {-1}, longs(d, 1010));
        assertArrayEquals(new long[] {-1, -2, -3, -4, -128, 127, 0, 1, 2}, longs(d, 1011));
        assertArrayEquals(new long[] {0xAB}, longs(d, 1012));
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, longs(d, 1013));
        assertArrayEquals(new long[] {-32768}, longs(d, 1014));
        assertArrayEquals(new long[] {-1, -2, -3, -4, -5}, longs(d, 1015));
        assertArrayEquals(new long[] {Integer.MIN_VALUE}, longs(d, 1016));
        assertArrayEquals(new long[] {-1, -2, -3}, longs(d, 1017));
        assertArrayEquals(new double[] {-0.75}, doubles(d, 1018));
        assertArrayEquals(new double[] {-0.5, -0.5}, doubles(d, 1019));
        assertArrayEquals(new double[] {1.5}, doubles(d, 1020));
        assertArrayEquals(new double[] {1.5, -2.25, 3}, doubles(d, 1021));
        assertArrayEquals(new double[] {-0.125}, doubles(d, 1022));
        assertArrayEquals(new double[] {1e300, -2.5}, doubles(d, 1023));
        assertArrayEquals(new long[] {8}, longs(d, 1024));
        assertArrayEquals(new long[] {8, 16}, longs(d, 1025));
        assertArrayEquals(new long[] {1L << 40}, longs(d, 1026));
        assertArrayEquals(new long[] {1, 2}, longs(d, 1027));
        assertArrayEquals(new long[] {-(1L << 40)}, longs(d, 1028));
        assertArrayEquals(new long[] {-1, -2}, longs(d, 1029));
        assertArrayEquals(new long[] {16}, longs(d, 1030));
        assertArrayEquals(new long[] {16, 32}, longs(d, 1031));
        assertEquals(0, d.entry(1032).orElseThrow().count());
        assertEquals(TiffType.IFD8, d.entry(1031).orElseThrow().type());
        assertEquals(2, d.entry(1031).orElseThrow().count());
    }

    @Test
    void unknownTypesAreSkippedAndTheFirstDuplicateWins() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(4, 4, 1, 8, 0, 0, 4, 1, 1).put(2000, TiffType.SHORT, 7).put(2001, TiffType.SHORT, 9);
        byte[] bytes = w.toBytes();
        // patch the type of tag 2000 to 99 (unknown) and tag 2001 into a second 2000
        int ifd = (int) w.ifdOffset(0);
        int n = (bytes[ifd] & 0xFF) | (bytes[ifd + 1] & 0xFF) << 8;
        for (int i = 0; i < n; i++) {
            int at = ifd + 2 + 12 * i;
            int tag = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
            if (tag == 2000) {
                bytes[at + 2] = 99;
            }
        }
        TiffDirectory d = parse(bytes).directories().get(0);
        assertTrue(d.entry(2000).isEmpty());
        assertArrayEquals(new long[] {9}, longs(d, 2001));
    }

    @Test
    void gdalNoDataSpellings() throws Exception {
        String[][] cases = {
            {"nan", "NaN"},
            {"-inf", "-Infinity"},
            {"inf", "Infinity"},
            {" 1.5e3 ", "1500.0"},
            {"-3.4028234663852886e+38", "-3.4028234663852886E38"}
        };
        for (String[] c : cases) {
            TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
            w.ifd().image(4, 4, 1, 8, 0, 0, 4, 1, 1).putAscii(TiffTag.GDAL_NODATA, c[0]);
            assertEquals(
                    c[1],
                    String.valueOf(parse(w.toBytes())
                            .directories()
                            .get(0)
                            .gdalNoDataValue()
                            .getAsDouble()));
        }
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(4, 4, 1, 8, 0, 0, 4, 1, 1).putAscii(TiffTag.GDAL_NODATA, "none");
        TiffDirectory d = parse(w.toBytes()).directories().get(0);
        TiffFormatException e =
                org.junit.jupiter.api.Assertions.assertThrows(TiffFormatException.class, d::gdalNoDataValue);
        assertTrue(e.getMessage().contains("tag 42113 (GDAL_NODATA): value \"none\" is not a number"), e.getMessage());
        TinyTiffWriter none = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        none.ifd().image(4, 4, 1, 8, 0, 0, 4, 1, 1);
        assertTrue(parse(none.toBytes()).directories().get(0).gdalNoDataValue().isEmpty());
    }

    private static long[] longs(TiffDirectory d, int tag) {
        return d.entry(tag).orElseThrow().longs();
    }

    private static double[] doubles(TiffDirectory d, int tag) {
        return d.entry(tag).orElseThrow().doubles();
    }
}
