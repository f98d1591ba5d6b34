package io.rastermill.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One IFD entry with its values, decoded on demand from the raw bytes (kept in the file's byte order).
 * Immutable.
 */
public final class TiffEntry {

    private final int tag;
    private final TiffType type;
    private final int count;
    private final byte[] raw;
    private final ByteOrder order;

    TiffEntry(int tag, TiffType type, int count, byte[] raw, ByteOrder order) {
        this.tag = tag;
        this.type = type;
        this.count = count;
        this.raw = raw;
        this.order = order;
    }

    public int tag() {
        return tag;
    }

    public TiffType type() {
        return type;
    }

    /** The number of values (characters for ASCII, including the NUL). */
    public int count() {
        return count;
    }

    /** A copy of the value bytes, in the file's byte order. */
    public byte[] bytes() {
        return raw.clone();
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(raw).order(order);
    }

    /**
     * The values of an integer-typed entry as longs (unsigned types zero-extended; a LONG8 or IFD8 above
     * {@code Long.MAX_VALUE} comes back negative, which callers must reject).
     *
     * @throws IllegalStateException if the type is not an integer type
     */
    public long[] longs() {
        if (!type.isInteger()) {
            throw new IllegalStateException("tag " + tag + " has type " + type + ", not an integer type");
        }
        ByteBuffer b = buffer();
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (type) {
                case BYTE, UNDEFINED -> b.get() & 0xFFL;
                case SBYTE -> b.get();
                case SHORT -> b.getShort() & 0xFFFFL;
                case SSHORT -> b.getShort();
                case LONG, IFD -> b.getInt() & 0xFFFFFFFFL;
                case SLONG -> b.getInt();
                case LONG8, SLONG8, IFD8 -> b.getLong();
                default -> throw new IllegalStateException(type.toString());
            };
        }
        return out;
    }

    /**
     * The values of a numeric entry as doubles (rationals divided out; LONG8 read as unsigned).
     *
     * @throws IllegalStateException for ASCII
     */
    public double[] doubles() {
        if (type == TiffType.ASCII) {
            throw new IllegalStateException("tag " + tag + " has type ASCII, not a numeric type");
        }
        if (type.isInteger()) {
            long[] longs = longs();
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                long v = longs[i];
                boolean unsigned = type == TiffType.LONG8 || type == TiffType.IFD8;
                out[i] = unsigned && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v;
            }
            return out;
        }
        ByteBuffer b = buffer();
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (type) {
                case RATIONAL -> (b.getInt() & 0xFFFFFFFFL) / (double) (b.getInt() & 0xFFFFFFFFL);
                case SRATIONAL -> b.getInt() / (double) b.getInt();
                case FLOAT -> b.getFloat();
                case DOUBLE -> b.getDouble();
                default -> throw new IllegalStateException(type.toString());
            };
        }
        return out;
    }

    /** The text of an entry up to the first NUL (ISO-8859-1, which keeps every byte). */
    public String ascii() {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        String values = type == TiffType.ASCII
                ? '"' + ascii() + '"'
                : count <= 8
                        ? (type.isInteger() ? Arrays.toString(longs()) : Arrays.toString(doubles()))
                        : count + " values";
        return TiffTag.name(tag) + "(" + tag + ") " + type + " " + values;
    }
}
