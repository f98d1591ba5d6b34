package io.rastermill.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.io.bytes.ByteArrayRangeReader;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutation test: corrupt valid files and check that parsing either succeeds with a consistent
 * result or raises one of the two documented exceptions, never anything else and never a hang.
 */
class TiffMutationTest {

    /** Fixed seed; override with -Drastermill.mutation.seed and -Drastermill.mutation.count to explore. */
    private static final long SEED = Long.getLong("rastermill.mutation.seed", 20261129L);

    private static final int MUTANTS_PER_FILE = Integer.getInteger("rastermill.mutation.count", 600);

    private record Sample(String name, byte[] bytes, int structureStart) {}

    private static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        TinyTiffWriter a = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        a.ifd()
                .image(40, 30, 1, 16, 16, 16, 0, 1, 1)
                .putAscii(TiffTag.GDAL_NODATA, "0")
                .putDouble(TiffTag.MODEL_PIXEL_SCALE, 1, 1, 0)
                .putDouble(TiffTag.MODEL_TIEPOINT, 0, 0, 0, 10, 20, 0)
                .put(
                        TiffTag.GEO_KEY_DIRECTORY,
                        TiffType.SHORT,
                        1,
                        1,
                        0,
                        3,
                        1024,
                        0,
                        1,
                        1,
                        1026,
                        34737,
                        5,
                        0,
                        3072,
                        0,
                        1,
                        32631)
                .putAscii(TiffTag.GEO_ASCII_PARAMS, "UTM |");
        out.add(sample("classic-le-tiled-geo", a));

        TinyTiffWriter b = new TinyTiffWriter(ByteOrder.BIG_ENDIAN, true);
        b.ifd()
                .image(17, 9, 3, 8, 0, 0, 4, 2, 2)
                .putDouble(TiffTag.MODEL_TRANSFORMATION, 1, 0, 0, 5, 0, -1, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1)
                .put(TiffTag.GEO_KEY_DIRECTORY, TiffType.SHORT, 1, 1, 0, 2, 1025, 0, 1, 2, 2048, 0, 1, 4326);
        out.add(sample("bigtiff-be-planar-strips", b));

        TinyTiffWriter c = new TinyTiffWriter(ByteOrder.BIG_ENDIAN, false);
        c.ifd().image(32, 32, 3, 8, 16, 16, 0, 1, 3);
        c.ifd().image(16, 16, 3, 8, 16, 16, 0, 1, 4).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        c.ifd().image(32, 32, 1, 1, 16, 16, 0, 1, 5).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 4);
        out.add(sample("classic-be-overviews-mask", c));

        TinyTiffWriter d = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, true);
        d.ifd()
                .image(8, 8, 2, 32, 8, 8, 0, 2, 6)
                .put(TiffTag.SAMPLE_FORMAT, TiffType.SHORT, 3, 3)
                .putRational(1000, TiffType.RATIONAL, 1, 3, 2, 3)
                .putRational(1001, TiffType.SRATIONAL, -1, 3)
                .put(1002, TiffType.SLONG8, -5, 6)
                .put(1003, TiffType.IFD8, 16)
                .putFloat(1004, 1, 2, 3)
                .put(TiffTag.GEO_KEY_DIRECTORY, TiffType.SHORT, 1, 1, 0, 1, 2057, 34736, 1, 0)
                .putDouble(TiffTag.GEO_DOUBLE_PARAMS, 6378137.0);
        out.add(sample("bigtiff-le-types", d));

        TinyTiffWriter e = new TinyTiffWriter(ByteOrder.LITTLE_ENDIAN, false);
        e.ifd().image(50, 12, 3, 8, 0, 0, 5, 1, 7);
        e.ifd().image(25, 6, 3, 8, 0, 0, 5, 1, 8).put(TiffTag.NEW_SUBFILE_TYPE, TiffType.LONG, 1);
        out.add(sample("classic-le-rgb-strips", e));
        return out;
    }

    private static Sample sample(String name, TinyTiffWriter w) {
        byte[] bytes = w.toBytes();
        return new Sample(name, bytes, (int) w.ifdOffset(0));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void corruptedFilesFailOnlyWithTypedExceptions() throws Exception {
        Random rnd = new Random(SEED);
        int total = 0;
        int parsed = 0;
        for (Sample s : samples()) {
            checkConsistent(s.name, s.bytes); // the originals parse
            for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                byte[] mutant = mutate(s, rnd);
                total++;
                try {
                    checkConsistent(s.name + "#" + m, mutant);
                    parsed++;
                } catch (TiffFormatException | EOFException expected) {
                    // documented failure
                } catch (Throwable t) {
                    fail("mutant " + m + " of " + s.name + " (seed " + SEED + ") raised " + t, t);
                }
            }
        }
        assertTrue(total >= 2000);
        assertTrue(parsed > 0 && parsed < total, parsed + " of " + total + " parsed");
        System.out.println("TiffMutationTest: " + parsed + " of " + total + " mutants parsed, the rest rejected");
    }

    private static byte[] mutate(Sample s, Random rnd) {
        byte[] b = s.bytes.clone();
        int n = b.length;
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            return Arrays.copyOf(b, rnd.nextInt(n));
        }
        if (kind == 1) {
            b[rnd.nextInt(n)] ^= (byte) (1 << rnd.nextInt(8));
            return b;
        }
        int flips = 1 + rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int pos = structuralPosition(s, rnd);
            if (kind <= 3) {
                int width = new int[] {2, 4, 8}[rnd.nextInt(3)];
                pos = Math.min(pos, n - width);
                long v = switch (rnd.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> rnd.nextLong();
                    default -> rnd.nextInt(n + 16);
                };
                ByteBuffer buf = ByteBuffer.wrap(b);
                switch (width) {
                    case 2 -> buf.putShort(pos, (short) v);
                    case 4 -> buf.putInt(pos, (int) v);
                    default -> buf.putLong(pos, v);
                }
            } else {
                b[pos] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        return b;
    }

    /** A position in the header or in the IFDs and their values (where corruption matters). */
    private static int structuralPosition(Sample s, Random rnd) {
        int header = 16;
        int structure = s.bytes.length - s.structureStart;
        int r = rnd.nextInt(header + structure);
        return r < header ? r : s.structureStart + (r - header);
    }

    private static void checkConsistent(String name, byte[] bytes) throws Exception {
        TiffStructure t = TiffStructure.read(new ByteArrayRangeReader(name, bytes));
        assertTrue(!t.directories().isEmpty());
        for (TiffDirectory d : t.directories()) {
            assertTrue(d.width() > 0 && d.height() > 0, d.toString());
            long[] offsets = d.segmentOffsets();
            long[] counts = d.segmentByteCounts();
            assertEquals(offsets.length, counts.length);
            assertEquals(d.segmentCount(), offsets.length);
            long planes = d.planarConfiguration() == 2 ? d.samplesPerPixel() : 1;
            assertEquals((long) d.segmentsAcross() * d.segmentsDown() * planes, offsets.length);
            assertEquals((d.width() + d.segmentWidth() - 1) / d.segmentWidth(), d.segmentsAcross());
            for (int i = 0; i < offsets.length; i++) {
                assertTrue(offsets[i] >= 0 && counts[i] >= 0 && offsets[i] + counts[i] <= bytes.length);
                TiffSegment seg = d.segment(i);
                assertTrue(
                        seg.width() > 0
                                && seg.height() > 0
                                && seg.x() + seg.width() <= d.width()
                                && seg.y() + seg.height() <= d.height(),
                        seg.toString());
            }
            assertEquals(d.samplesPerPixel(), d.bitsPerSample().length);
            assertEquals(d.samplesPerPixel(), d.sampleFormat().length);
            for (TiffEntry e : d.entries()) {
                assertTrue(e.toString().length() > 0);
            }
            d.gdalNoData();
            d.gdalNoDataValue();
            d.photometric();
            GeoReference.read(d);
        }
        t.fullResolution();
        t.overviews();
        t.masks();
    }
}
