package io.rastermill.io.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Test-only TIFF/BigTIFF writer, written from the TIFF 6.0 and BigTIFF specs. Layout: header, all
 * segment data, then each IFD followed by its out-of-line values (so the structure sits at the end,
 * like a file whose pixels were written first). Values are given already encoded per type.
 */
final class TinyTiffWriter {

    private record Field(int tag, TiffType type, int count, byte[] bytes) {}

    final class Ifd {
        private final TreeMap<Integer, Field> fields = new TreeMap<>();
        private final List<Object[]> segmentSets = new ArrayList<>(); // {offsetsTag, countsTag, List<byte[]>}

        /** Integer-typed values (BYTE, SHORT, LONG, SBYTE, UNDEFINED, SSHORT, SLONG, IFD, LONG8, SLONG8, IFD8). */
        Ifd put(int tag, TiffType type, long... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * type.size()).order(order);
            for (long v : values) {
                switch (type.size()) {
                    case 1 -> b.put((byte) v);
                    case 2 -> b.putShort((short) v);
                    case 4 -> b.putInt((int) v);
                    case 8 -> b.putLong(v);
                    default -> throw new IllegalArgumentException();
                }
            }
            return raw(tag, type, values.length, b.array());
        }

        /** RATIONAL or SRATIONAL values given as numerator, denominator pairs. */
        Ifd putRational(int tag, TiffType type, long... numDen) {
            ByteBuffer b = ByteBuffer.allocate(numDen.length * 4).order(order);
            for (long v : numDen) {
                b.putInt((int) v);
            }
            return raw(tag, type, numDen.length / 2, b.array());
        }

        Ifd putFloat(int tag, float... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
            for (float v : values) {
                b.putFloat(v);
            }
            return raw(tag, TiffType.FLOAT, values.length, b.array());
        }

        Ifd putDouble(int tag, double... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
            for (double v : values) {
                b.putDouble(v);
            }
            return raw(tag, TiffType.DOUBLE, values.length, b.array());
        }

        Ifd putAscii(int tag, String s) {
            byte[] text = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
            return raw(tag, TiffType.ASCII, text.length, text);
        }

        Ifd remove(int tag) {
            fields.remove(tag);
            return this;
        }

        Ifd raw(int tag, TiffType type, int count, byte[] bytes) {
            fields.put(tag, new Field(tag, type, count, bytes));
            return this;
        }

        /** Segment data, written to the data area; offsets and byte counts are filled in at build time. */
        Ifd segments(int offsetsTag, int countsTag, List<byte[]> data) {
            segmentSets.add(new Object[] {offsetsTag, countsTag, data});
            return this;
        }

        /**
         * A complete uncompressed image: tiled if tileWidth > 0, else strips of rowsPerStrip rows;
         * segment bytes are seeded noise.
         */
        Ifd image(
                int width,
                int height,
                int samples,
                int bits,
                int tileWidth,
                int tileHeight,
                int rowsPerStrip,
                int planar,
                long seed) {
            put(TiffTag.IMAGE_WIDTH, width > 65535 ? TiffType.LONG : TiffType.SHORT, width);
            put(TiffTag.IMAGE_LENGTH, TiffType.LONG, height);
            long[] bps = new long[samples];
            java.util.Arrays.fill(bps, bits);
            put(TiffTag.BITS_PER_SAMPLE, TiffType.SHORT, bps);
            put(TiffTag.COMPRESSION, TiffType.SHORT, 1);
            put(TiffTag.PHOTOMETRIC_INTERPRETATION, TiffType.SHORT, samples == 3 ? 2 : 1);
            put(TiffTag.SAMPLES_PER_PIXEL, TiffType.SHORT, samples);
            put(TiffTag.PLANAR_CONFIGURATION, TiffType.SHORT, planar);
            int planes = planar == 2 ? samples : 1;
            int perPixel = planar == 2 ? 1 : samples;
            Random rnd = new Random(seed);
            List<byte[]> segs = new ArrayList<>();
            if (tileWidth > 0) {
                put(TiffTag.TILE_WIDTH, TiffType.SHORT, tileWidth);
                put(TiffTag.TILE_LENGTH, TiffType.SHORT, tileHeight);
                int n = ((width + tileWidth - 1) / tileWidth) * ((height + tileHeight - 1) / tileHeight) * planes;
                for (int i = 0; i < n; i++) {
                    byte[] s = new byte[tileWidth * tileHeight * perPixel * bits / 8];
                    rnd.nextBytes(s);
                    segs.add(s);
                }
                segments(TiffTag.TILE_OFFSETS, TiffTag.TILE_BYTE_COUNTS, segs);
            } else {
                put(TiffTag.ROWS_PER_STRIP, TiffType.LONG, rowsPerStrip);
                int down = (height + rowsPerStrip - 1) / rowsPerStrip;
                for (int p = 0; p < planes; p++) {
                    for (int i = 0; i < down; i++) {
                        int rows = Math.min(rowsPerStrip, height - i * rowsPerStrip);
                        byte[] s = new byte[width * rows * perPixel * bits / 8];
                        rnd.nextBytes(s);
                        segs.add(s);
                    }
                }
                segments(TiffTag.STRIP_OFFSETS, TiffTag.STRIP_BYTE_COUNTS, segs);
            }
            return this;
        }
    }

    private final ByteOrder order;
    private final boolean big;
    private final List<Ifd> ifds = new ArrayList<>();
    private final List<Long> ifdOffsets = new ArrayList<>();
    private final List<Long> nextPointerPositions = new ArrayList<>();

    TinyTiffWriter(ByteOrder order, boolean big) {
        this.order = order;
        this.big = big;
    }

    Ifd ifd() {
        Ifd ifd = new Ifd();
        ifds.add(ifd);
        return ifd;
    }

    /** Offsets of the IFDs in the last {@link #toBytes()} output. */
    long ifdOffset(int i) {
        return ifdOffsets.get(i);
    }

    /** Position of IFD i's next-IFD pointer in the last output. */
    long nextPointerPosition(int i) {
        return nextPointerPositions.get(i);
    }

    int headerSize() {
        return big ? 16 : 8;
    }

    byte[] toBytes() {
        ifdOffsets.clear();
        nextPointerPositions.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int header = headerSize();
        out.write(new byte[header], 0, header);
        // data area
        for (Ifd ifd : ifds) {
            for (Object[] set : ifd.segmentSets) {
                @SuppressWarnings("unchecked")
                List<byte[]> data = (List<byte[]>) set[2];
                long[] offs = new long[data.size()];
                long[] counts = new long[data.size()];
                for (int i = 0; i < data.size(); i++) {
                    offs[i] = out.size();
                    counts[i] = data.get(i).length;
                    out.write(data.get(i), 0, data.get(i).length);
                }
                TiffType t = big ? TiffType.LONG8 : TiffType.LONG;
                ifd.put((Integer) set[0], t, offs);
                ifd.put((Integer) set[1], t, counts);
            }
        }
        // IFDs, each followed by its values
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int pointer = big ? 8 : 4;
        List<byte[]> tables = new ArrayList<>();
        long at = out.size();
        at += at & 1;
        for (Ifd ifd : ifds) {
            ifdOffsets.add(at);
            long tableSize = countSize + (long) ifd.fields.size() * entrySize + pointer;
            nextPointerPositions.add(at + tableSize - pointer);
            long valueAt = at + tableSize;
            ByteBuffer t = ByteBuffer.allocate((int) tableSize).order(order);
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            if (big) {
                t.putLong(ifd.fields.size());
            } else {
                t.putShort((short) ifd.fields.size());
            }
            for (Field f : ifd.fields.values()) {
                t.putShort((short) f.tag).putShort((short) f.type.code());
                if (big) {
                    t.putLong(f.count);
                } else {
                    t.putInt(f.count);
                }
                byte[] inline = new byte[pointer];
                if (f.bytes.length <= pointer) {
                    System.arraycopy(f.bytes, 0, inline, 0, f.bytes.length);
                    t.put(inline);
                } else {
                    long off = valueAt + values.size();
                    if (big) {
                        t.putLong(off);
                    } else {
                        t.putInt((int) off);
                    }
                    values.write(f.bytes, 0, f.bytes.length);
                    if ((values.size() & 1) != 0) {
                        values.write(0);
                    }
                }
            }
            t.position((int) tableSize - pointer); // next pointer filled below
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.write(t.array(), 0, t.capacity());
            block.write(values.toByteArray(), 0, values.size());
            tables.add(block.toByteArray());
            at += block.size();
        }
        if ((out.size() & 1) != 0) {
            out.write(0);
        }
        for (byte[] table : tables) {
            out.write(table, 0, table.length);
        }
        byte[] bytes = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        b.put(0, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        b.put(1, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        b.putShort(2, (short) (big ? 43 : 42));
        if (big) {
            b.putShort(4, (short) 8).putShort(6, (short) 0).putLong(8, ifdOffsets.get(0));
        } else {
            b.putInt(4, (int) (long) ifdOffsets.get(0));
        }
        for (int i = 0; i < ifds.size(); i++) {
            long next = i + 1 < ifds.size() ? ifdOffsets.get(i + 1) : 0;
            int pos = (int) (long) nextPointerPositions.get(i);
            if (big) {
                b.putLong(pos, next);
            } else {
                b.putInt(pos, (int) next);
            }
        }
        return bytes;
    }
}
