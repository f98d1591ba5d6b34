package io.rastermill.io.layerstore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The few pieces of the Avro 1.x binary encoding that GeoTrellis's tile records use: zig-zag
 * varints for int and long, little-endian IEEE floats and doubles, length-prefixed bytes, arrays
 * as blocks (a count, the items, a zero count) and unions as a branch index. Schema-free: the
 * caller walks the one schema it knows.
 */
final class AvroBinary {
    private AvroBinary() {}

    /** A growable output buffer. */
    static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        void writeLong(long v) {
            ensure(10);
            long n = (v << 1) ^ (v >> 63);
            while ((n & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            buf[pos++] = (byte) n;
        }

        void writeInt(int v) {
            writeLong(v);
        }

        void writeBoolean(boolean b) {
            ensure(1);
            buf[pos++] = (byte) (b ? 1 : 0);
        }

        void writeFloat(float f) {
            ensure(4);
            int bits = Float.floatToRawIntBits(f);
            buf[pos++] = (byte) bits;
            buf[pos++] = (byte) (bits >>> 8);
            buf[pos++] = (byte) (bits >>> 16);
            buf[pos++] = (byte) (bits >>> 24);
        }

        void writeDouble(double d) {
            ensure(8);
            long bits = Double.doubleToRawLongBits(d);
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
        }

        void writeBytes(byte[] b) {
            writeLong(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        /** One block holding every item (Avro's writers do the same), then the end marker. */
        void writeFloatArray(float[] a) {
            if (a.length > 0) {
                writeLong(a.length);
                ensure(4 * a.length);
                ByteBuffer.wrap(buf, pos, 4 * a.length)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .put(a);
                pos += 4 * a.length;
            }
            writeLong(0);
        }

        void writeDoubleArray(double[] a) {
            if (a.length > 0) {
                writeLong(a.length);
                ensure(8 * a.length);
                ByteBuffer.wrap(buf, pos, 8 * a.length)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asDoubleBuffer()
                        .put(a);
                pos += 8 * a.length;
            }
            writeLong(0);
        }

        void writeIntArray(int[] a) {
            if (a.length > 0) {
                writeLong(a.length);
                for (int v : a) {
                    writeInt(v);
                }
            }
            writeLong(0);
        }

        /** 16-bit samples as Avro ints, sign-extended (GeoTrellis stores uint16 65535 as -1). */
        void writeShortArray(short[] a) {
            if (a.length > 0) {
                writeLong(a.length);
                for (short v : a) {
                    writeInt(v);
                }
            }
            writeLong(0);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** Reads a datum from a byte array; running past the end throws {@link AvroFormatException}. */
    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        boolean atEnd() {
            return pos == buf.length;
        }

        int position() {
            return pos;
        }

        private void need(int n) {
            if (n < 0 || pos + n > buf.length) {
                throw new AvroFormatException(
                        "record ends early: needs " + n + " more bytes at offset " + pos + " of " + buf.length);
            }
        }

        long readLong() {
            long n = 0;
            int shift = 0;
            while (true) {
                need(1);
                int b = buf[pos++] & 0xFF;
                n |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
                if (shift > 63) {
                    throw new AvroFormatException("malformed varint at offset " + pos);
                }
            }
            return (n >>> 1) ^ -(n & 1);
        }

        int readInt() {
            long v = readLong();
            if (v != (int) v) {
                throw new AvroFormatException("int out of range at offset " + pos + ": " + v);
            }
            return (int) v;
        }

        boolean readBoolean() {
            need(1);
            return buf[pos++] != 0;
        }

        float readFloat() {
            need(4);
            int bits = (buf[pos] & 0xFF)
                    | (buf[pos + 1] & 0xFF) << 8
                    | (buf[pos + 2] & 0xFF) << 16
                    | (buf[pos + 3] & 0xFF) << 24;
            pos += 4;
            return Float.intBitsToFloat(bits);
        }

        double readDouble() {
            need(8);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) (buf[pos + i] & 0xFF) << (8 * i);
            }
            pos += 8;
            return Double.longBitsToDouble(bits);
        }

        byte[] readBytes() {
            long n = readLong();
            if (n < 0 || n > buf.length - pos) {
                throw new AvroFormatException("bytes of length " + n + " at offset " + pos + " exceed the record");
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) n);
            pos += (int) n;
            return out;
        }

        /** The next block's item count, 0 at the end of the array; a negative count's byte size is skipped. */
        long readBlockCount() {
            long n = readLong();
            if (n < 0) {
                n = -n;
                readLong();
            }
            return n;
        }

        float[] readFloatArray(int expected) {
            float[] out = new float[expected];
            int i = 0;
            for (long n = readBlockCount(); n != 0; n = readBlockCount()) {
                checkCount(i, n, expected);
                need((int) (4 * n));
                ByteBuffer.wrap(buf, pos, (int) (4 * n))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(out, i, (int) n);
                pos += (int) (4 * n);
                i += (int) n;
            }
            checkTotal(i, expected);
            return out;
        }

        double[] readDoubleArray(int expected) {
            double[] out = new double[expected];
            int i = 0;
            for (long n = readBlockCount(); n != 0; n = readBlockCount()) {
                checkCount(i, n, expected);
                need((int) (8 * n));
                ByteBuffer.wrap(buf, pos, (int) (8 * n))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asDoubleBuffer()
                        .get(out, i, (int) n);
                pos += (int) (8 * n);
                i += (int) n;
            }
            checkTotal(i, expected);
            return out;
        }

        int[] readIntArray(int expected) {
            int[] out = new int[expected];
            int i = 0;
            for (long n = readBlockCount(); n != 0; n = readBlockCount()) {
                checkCount(i, n, expected);
                for (long k = 0; k < n; k++) {
                    out[i++] = readInt();
                }
            }
            checkTotal(i, expected);
            return out;
        }

        short[] readShortArray(int expected) {
            short[] out = new short[expected];
            int i = 0;
            for (long n = readBlockCount(); n != 0; n = readBlockCount()) {
                checkCount(i, n, expected);
                for (long k = 0; k < n; k++) {
                    out[i++] = (short) readInt();
                }
            }
            checkTotal(i, expected);
            return out;
        }

        private void checkCount(int have, long more, int expected) {
            if (more > expected - have) {
                throw new AvroFormatException("cell array holds more than the " + expected + " cells of the tile");
            }
        }

        private static void checkTotal(int have, int expected) {
            if (have != expected) {
                throw new AvroFormatException("cell array holds " + have + " cells, the tile has " + expected);
            }
        }
    }
}
