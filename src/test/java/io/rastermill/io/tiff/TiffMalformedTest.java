package io.rastermill.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.io.bytes.ByteArrayRangeReader;
import io.rastermill.io.bytes.CountingRangeReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TiffMalformedTest {

    private static TiffFormatException fails(byte[] bytes, String... fragments) {
        TiffFormatException e = assertThrows(
                TiffFormatException.class, () -> TiffStructure.read(new ByteArrayRangeReader("bad.tif", bytes)));
        assertTrue(e.getMessage().startsWith("bad.tif: "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    private static TinyTiffWriter small(boolean big) {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, big);
        w.ifd().image(20, 20, 1, 8, 16, 16, 0, 1, 1);
        return w;
    }

    /** Position of the entry for {@code tag} in IFD 0 of a little-endian file. */
    private static int entryPosition(byte[] b, TinyTiffWriter w, boolean big, int tag) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = (int) w.ifdOffset(0);
        long n = big ? buf.getLong(ifd) : buf.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int at = ifd + (big ? 8 : 2) + i * (big ? 20 : 12);
            if ((buf.getShort(at) & 0xFFFF) == tag) {
                return at;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    @Test
    void truncatedAndWrongHeaders() {
        byte[] good = small(false).toBytes();
        fails(Arrays.copyOf(good, 5), "too short");
        fails(new byte[0], "too short");
        byte[] bom = good.clone();
        bom[0] = 'X';
        fails(bom, "neither II nor MM");
        byte[] version = good.clone();
        version[2] = 41;
        fails(version, "version 41");
        byte[] big = small(true).toBytes();
        fails(Arrays.copyOf(big, 12), "too short for a BigTIFF header");
        byte[] offsetSize = big.clone();
        offsetSize[4] = 4;
        fails(offsetSize, "offset size 4");
        byte[] zero = good.clone();
        ByteBuffer.wrap(zero).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0);
        fails(zero, "no IFD");
    }

    @Test
    void ifdOffsetPastTheEnd() {
        byte[] b = small(false).toBytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, b.length + 100);
        fails(b, "IFD 0", "outside the file");
        byte[] t = small(false).toBytes();
        fails(Arrays.copyOf(t, t.length - 30), "IFD 0");
    }

    @Test
    void ifdLoopIsDetected() {
        for (boolean big : new boolean[] {false, true}) {
            TinyTiffWriter w = small(big);
            w.ifd().image(10, 10, 1, 8, 16, 16, 0, 1, 2).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
            byte[] b = w.toBytes();
            ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int pos = (int) w.nextPointerPosition(1);
            if (big) {
                buf.putLong(pos, w.ifdOffset(0));
            } else {
                buf.putInt(pos, (int) w.ifdOffset(0));
            }
            fails(b, "IFD 2", "loops");
            // self loop
            TinyTiffWriter w1 = small(big);
            byte[] self = w1.toBytes();
            ByteBuffer s = ByteBuffer.wrap(self).order(ByteOrder.LITTLE_ENDIAN);
            if (big) {
                s.putLong((int) w1.nextPointerPosition(0), w1.ifdOffset(0));
            } else {
                s.putInt((int) w1.nextPointerPosition(0), (int) w1.ifdOffset(0));
            }
            fails(self, "IFD 1", "loops");
        }
    }

    @Test
    void hugeEntryCountIsRejectedBeforeReading() throws Exception {
        TinyTiffWriter w = small(true);
        byte[] b = w.toBytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) w.ifdOffset(0), 1L << 31);
        CountingRangeReader r = new CountingRangeReader(new ByteArrayRangeReader("bad.tif", b));
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> TiffStructure.read(r));
        assertTrue(e.getMessage().contains("entry count 2147483648"), e.getMessage());
        assertTrue(r.counter().bytes() < 100, r.counter().toString());

        TinyTiffWriter c = small(false);
        byte[] cb = c.toBytes();
        ByteBuffer.wrap(cb).order(ByteOrder.LITTLE_ENDIAN).putShort((int) c.ifdOffset(0), (short) 0xFFFF);
        fails(cb, "IFD 0", "65535 entries", "pass the end");
    }

    @Test
    void anUnknownTypeCodeOnAnInterpretedTagIsAnErrorNotASilentlyMissingTag() throws Exception {
        for (int tag : new int[] {TiffTag.PREDICTOR, TiffTag.SAMPLE_FORMAT, TiffTag.COMPRESSION}) {
            TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
            w.ifd()
                    .image(20, 20, 1, 8, 16, 16, 0, 1, 1)
                    .put(TiffTag.PREDICTOR, TiffType.SHORT, 2)
                    .put(TiffTag.SAMPLE_FORMAT, TiffType.SHORT, 1);
            byte[] b = w.toBytes();
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(entryPosition(b, w, false, tag) + 2, (short) 99);
            fails(b, "IFD 0", "tag " + tag + " (" + TiffTag.name(tag) + ")", "unknown field type code 99");
        }
        // on a tag the reader does not interpret, the spec's rule holds: the entry is skipped
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(20, 20, 1, 8, 16, 16, 0, 1, 1).put(305, TiffType.SHORT, 7); // Software, read by nobody here
        byte[] b = w.toBytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(entryPosition(b, w, false, 305) + 2, (short) 99);
        TiffStructure s = TiffStructure.read(new ByteArrayRangeReader("ok.tif", b));
        assertEquals(20, s.directories().get(0).width());
    }

    @Test
    void valueCountsThatOverflowOrPassTheEnd() {
        TinyTiffWriter w = small(true);
        byte[] b = w.toBytes();
        int at = entryPosition(b, w, true, TiffTag.TILE_OFFSETS);
        ByteBuffer.wrap(b)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort(at + 2, (short) TiffType.DOUBLE.code())
                .putLong(at + 4, 1L << 62);
        fails(b, "IFD 0", "tag 324 (TileOffsets)", "value count 4611686018427387904");
        byte[] neg = w.toBytes();
        ByteBuffer.wrap(neg).order(ByteOrder.LITTLE_ENDIAN).putLong(at + 4, -1L);
        fails(neg, "tag 324 (TileOffsets)", "18446744073709551615");

        TinyTiffWriter c = small(false);
        byte[] cb = c.toBytes();
        int cat = entryPosition(cb, c, false, TiffTag.TILE_BYTE_COUNTS);
        ByteBuffer.wrap(cb).order(ByteOrder.LITTLE_ENDIAN).putInt(cat + 4, 0x7FFFFFFF);
        fails(cb, "tag 325 (TileByteCounts)", "exceeds");
        byte[] cb2 = c.toBytes();
        ByteBuffer.wrap(cb2).order(ByteOrder.LITTLE_ENDIAN).putInt(cat + 4, 1000);
        fails(cb2, "tag 325 (TileByteCounts)", "pass the end");
    }

    @Test
    void hugeDimensionsFailFastWithoutAllocating() {
        for (boolean tiled : new boolean[] {false, true}) {
            TinyTiffWriter w = new TinyTiffWriter(ByteOrder.BIG_ENDIAN, false);
            w.ifd()
                    .image(16, 16, 1, 8, tiled ? 16 : 0, 16, 1, 1, 1)
                    .put(TiffTag.IMAGE_WIDTH, TiffType.LONG, Integer.MAX_VALUE)
                    .put(TiffTag.IMAGE_LENGTH, TiffType.LONG, Integer.MAX_VALUE);
            long start = System.nanoTime();
            fails(
                    w.toBytes(),
                    "IFD 0",
                    tiled ? "TileOffsets" : "StripOffsets",
                    "needs " + (tiled ? 134217728L * 134217728L : Integer.MAX_VALUE));
            assertTrue(System.nanoTime() - start < 1_000_000_000L);
        }
    }

    @Test
    void zeroAndMissingSizes() {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd().image(16, 16, 1, 8, 16, 16, 0, 1, 1).put(TiffTag.IMAGE_WIDTH, TiffType.SHORT, 0);
        TiffFormatException e = fails(w.toBytes(), "IFD 0, tag 256 (ImageWidth): value 0");
        assertEquals(0, e.ifdIndex());
        assertEquals(256, e.tag());
        assertEquals("bad.tif", e.location());

        TinyTiffWriter h = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        h.ifd().image(16, 16, 1, 8, 16, 16, 0, 1, 1).remove(TiffTag.IMAGE_LENGTH);
        fails(h.toBytes(), "tag 257 (ImageLength): required tag is missing");

        TinyTiffWriter t = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        t.ifd().image(16, 16, 1, 8, 16, 16, 0, 1, 1).put(TiffTag.TILE_WIDTH, TiffType.SHORT, 0);
        fails(t.toBytes(), "tag 322 (TileWidth): value 0");

        TinyTiffWriter r = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        r.ifd().image(16, 16, 1, 8, 0, 0, 16, 1, 1).put(TiffTag.ROWS_PER_STRIP, TiffType.LONG, 0);
        fails(r.toBytes(), "tag 278 (RowsPerStrip): value 0");

        TinyTiffWriter p = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        p.ifd().image(16, 16, 1, 8, 0, 0, 16, 1, 1).put(TiffTag.PLANAR_CONFIGURATION, TiffType.SHORT, 3);
        fails(p.toBytes(), "tag 284 (PlanarConfiguration): value 3");

        TinyTiffWriter b = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        b.ifd().image(16, 16, 3, 8, 0, 0, 16, 1, 1).put(TiffTag.BITS_PER_SAMPLE, TiffType.SHORT, 8, 8);
        fails(b.toBytes(), "tag 258 (BitsPerSample): 2 values for 3 samples");
    }

    @Test
    void segmentsOutsideTheFile() {
        TinyTiffWriter ok = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        ok.ifd().image(16, 16, 1, 8, 0, 0, 16, 1, 1);
        byte[] bytes = ok.toBytes();
        int at = entryPosition(bytes, ok, false, TiffTag.STRIP_OFFSETS);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 1_000_000);
        fails(bytes, "tag 273 (StripOffsets): segment 0 offset 1000000 is past the end");
        byte[] counts = ok.toBytes();
        int cat = entryPosition(counts, ok, false, TiffTag.STRIP_BYTE_COUNTS);
        ByteBuffer.wrap(counts).order(ByteOrder.LITTLE_ENDIAN).putInt(cat + 8, counts.length);
        fails(counts, "tag 279 (StripByteCounts): segment 0", "passes the end");
    }

    @Test
    void badGeoKeysAreTypedErrors() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd()
                .image(16, 16, 1, 8, 0, 0, 16, 1, 1)
                .put(TiffTag.GEO_KEY_DIRECTORY, TiffType.SHORT, 1, 1, 0, 5, 1024, 0, 1, 1);
        TiffDirectory d = TiffStructure.read(new ByteArrayRangeReader("bad.tif", w.toBytes()))
                .directories()
                .get(0);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoReference.read(d));
        assertTrue(e.getMessage().contains("tag 34735 (GeoKeyDirectory): header announces 5 keys"), e.getMessage());

        TinyTiffWriter a = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        a.ifd()
                .image(16, 16, 1, 8, 0, 0, 16, 1, 1)
                .put(TiffTag.GEO_KEY_DIRECTORY, TiffType.SHORT, 1, 1, 0, 1, 1026, 34737, 50, 0)
                .putAscii(TiffTag.GEO_ASCII_PARAMS, "short|");
        TiffDirectory ad = TiffStructure.read(new ByteArrayRangeReader("bad.tif", a.toBytes()))
                .directories()
                .get(0);
        e = assertThrows(TiffFormatException.class, () -> GeoReference.read(ad));
        assertTrue(e.getMessage().contains("key 1026 refers to 50 values"), e.getMessage());

        TinyTiffWriter m = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        m.ifd().image(16, 16, 1, 8, 0, 0, 16, 1, 1).putDouble(TiffTag.MODEL_TRANSFORMATION, 1, 2, 3);
        TiffDirectory md = TiffStructure.read(new ByteArrayRangeReader("bad.tif", m.toBytes()))
                .directories()
                .get(0);
        e = assertThrows(TiffFormatException.class, () -> GeoReference.read(md));
        assertTrue(e.getMessage().contains("tag 34264 (ModelTransformation): 3 values, expected 16"), e.getMessage());
    }

    @Test
    void entriesPointingManyTimesAtOneRegionDoNotMultiplyMemory() {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        TinyTiffWriter.Ifd ifd = w.ifd().image(256, 256, 1, 8, 0, 0, 256, 1, 1);
        for (int tag = 3000; tag < 3300; tag++) {
            ifd.put(tag, TiffType.UNDEFINED, 1, 2, 3, 4, 5);
        }
        byte[] b = w.toBytes();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int tag = 3000; tag < 3300; tag++) {
            int at = entryPosition(b, w, false, tag);
            buf.putInt(at + 4, 60_000).putInt(at + 8, 8);
        }
        fails(b, "IFD 0", "more than the file holds");
    }

    @Test
    void geoKeyOffsetsOutOfRange() throws Exception {
        TinyTiffWriter w = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        w.ifd()
                .image(16, 16, 1, 8, 0, 0, 16, 1, 1)
                .put(TiffTag.GEO_KEY_DIRECTORY, TiffType.LONG, 1, 1, 0, 1, 2057, 34736, 1, 0xFFFFFFFFL)
                .putDouble(TiffTag.GEO_DOUBLE_PARAMS, 1.0);
        TiffDirectory d = TiffStructure.read(new ByteArrayRangeReader("bad.tif", w.toBytes()))
                .directories()
                .get(0);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoReference.read(d));
        assertTrue(e.getMessage().contains("key 2057 refers to 1 values at -1"), e.getMessage());
    }
}
