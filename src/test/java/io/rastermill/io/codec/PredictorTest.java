package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PredictorTest {
    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};
    private static final int[] WIDTHS = {1, 2, 3, 7, 33};
    private static final int[] SPPS = {1, 3};

    @Test
    void horizontalRoundTripsAndMatchesReference() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int bits : new int[] {8, 16, 32, 64}) {
            for (ByteOrder order : ORDERS) {
                for (int spp : SPPS) {
                    for (int width : WIDTHS) {
                        int rows = 5;
                        int bytes = bits / 8;
                        byte[] data = new byte[3 + width * spp * bytes * rows];
                        random.nextBytes(data);
                        byte[] encoded = data.clone();
                        Predictor p = Predictor.of(2, bits, spp, order);
                        p.encode(encoded, 3, width, rows);
                        String what = bits + " bits " + order + " spp " + spp + " width " + width;
                        assertArrayEquals(
                                referenceHorizontalEncode(data, 3, bytes, spp, width, rows, order), encoded, what);
                        p.decode(encoded, 3, width, rows);
                        assertArrayEquals(data, encoded, what);
                    }
                }
            }
        }
    }

    /**
     * The native predictor 3 (SSE2 transposes and prefix sums, with scalar tails) gives the Java code's bytes both
     * ways: any bit patterns, widths around the 16-sample vector step, a row over the native 64 KiB stack buffer,
     * several rows from an offset, and both byte orders.
     */
    @Test
    void nativeFloatingPointEqualsJava() throws Exception {
        Assumptions.assumeTrue(
                NativeDeflate.isAvailable(), () -> "no native library: " + NativeDeflate.unavailableReason());
        SplittableRandom random = new SplittableRandom(44);
        for (int bits : new int[] {16, 32, 64}) {
            for (ByteOrder order : ORDERS) {
                for (int spp : SPPS) {
                    for (int width : new int[] {1, 15, 16, 17, 64, 515, 16385}) {
                        int rows = width > 1000 ? 2 : 5;
                        byte[] data = new byte[3 + width * spp * rows * bits / 8];
                        for (int i = 0; i < data.length; i++) {
                            data[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt() : i / 7);
                        }
                        assertNativeEqualsJava(3, bits, order, spp, width, rows, data);
                    }
                }
            }
        }
    }

    /**
     * The native predictor 2 (SSE2 prefix sums and differences for one 8- or 16-bit little-endian sample per pixel,
     * sample by sample otherwise) gives the Java code's bytes both ways: widths around the 8- and 16-sample vector
     * steps, several rows from an odd offset, both byte orders, interleaved samples.
     */
    @Test
    void nativeHorizontalEqualsJava() throws Exception {
        Assumptions.assumeTrue(
                NativeDeflate.isAvailable(), () -> "no native library: " + NativeDeflate.unavailableReason());
        SplittableRandom random = new SplittableRandom(45);
        for (int bits : new int[] {8, 16, 32, 64}) {
            for (ByteOrder order : ORDERS) {
                for (int spp : SPPS) {
                    for (int width : new int[] {1, 2, 7, 8, 9, 15, 16, 17, 33, 515, 4097}) {
                        int rows = width > 1000 ? 2 : 5;
                        byte[] data = new byte[3 + width * spp * rows * bits / 8];
                        random.nextBytes(data);
                        assertNativeEqualsJava(2, bits, order, spp, width, rows, data);
                    }
                }
            }
        }
    }

    /** Predictor {@code tag} encodes and decodes {@code data} from offset 3 to the same bytes natively and in Java. */
    private static void assertNativeEqualsJava(
            int tag, int bits, ByteOrder order, int spp, int width, int rows, byte[] data) throws Exception {
        String what = "predictor " + tag + ", " + bits + " bits " + order + " spp " + spp + " width " + width;
        Predictor java = Predictor.of(tag, bits, spp, order, false);
        Predictor c = Predictor.of(tag, bits, spp, order, true);
        byte[] j = data.clone();
        byte[] n = data.clone();
        java.encode(j, 3, width, rows);
        c.encode(n, 3, width, rows);
        assertArrayEquals(j, n, "encode " + what);
        j = data.clone();
        n = data.clone();
        java.decode(j, 3, width, rows);
        c.decode(n, 3, width, rows);
        assertArrayEquals(j, n, "decode " + what);
        c.encode(n, 3, width, rows);
        assertArrayEquals(data, n, "native round trip " + what);
    }

    @Test
    void floatingPointRoundTripsAndRestoresFloats() throws Exception {
        SplittableRandom random = new SplittableRandom(43);
        for (int bits : new int[] {16, 32, 64}) {
            for (ByteOrder order : ORDERS) {
                for (int spp : SPPS) {
                    for (int width : WIDTHS) {
                        int rows = 4;
                        int n = width * spp * rows;
                        ByteBuffer buf = ByteBuffer.allocate(1 + n * bits / 8).order(order);
                        buf.put((byte) 0x77);
                        double[] values = new double[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = random.nextInt(4) == 0 ? random.nextDouble() * 1e6 - 5e5 : 100 + i * 0.25;
                            if (bits == 16) {
                                buf.putShort((short) (values[i] * 7)); // float16 bits: any pattern will do
                            } else if (bits == 32) {
                                buf.putFloat((float) values[i]);
                            } else {
                                buf.putDouble(values[i]);
                            }
                        }
                        byte[] data = buf.array();
                        byte[] work = data.clone();
                        Predictor p = Predictor.of(3, bits, spp, order);
                        p.encode(work, 1, width, rows);
                        String what = bits + " bits " + order + " spp " + spp + " width " + width;
                        assertArrayEquals(referenceFloatEncode(data, 1, bits / 8, spp, width, rows, order), work, what);
                        p.decode(work, 1, width, rows);
                        assertArrayEquals(data, work, what);
                    }
                }
            }
        }
    }

    @Test
    void noneLeavesBytesAlone() throws Exception {
        byte[] data = {1, 2, 3, 4};
        Predictor.of(1, 8, 1, ByteOrder.BIG_ENDIAN).decode(data, 0, 4, 1);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, data);
    }

    @Test
    void unsupportedCombinationsAreTyped() {
        assertThrows(UnsupportedCodecException.class, () -> Predictor.of(2, 12, 1, ByteOrder.BIG_ENDIAN));
        assertThrows(UnsupportedCodecException.class, () -> Predictor.of(3, 8, 1, ByteOrder.BIG_ENDIAN));
        assertThrows(UnsupportedCodecException.class, () -> Predictor.of(3, 24, 1, ByteOrder.BIG_ENDIAN));
        UnsupportedCodecException e =
                assertThrows(UnsupportedCodecException.class, () -> Predictor.of(4, 8, 1, ByteOrder.BIG_ENDIAN));
        assertEquals("unknown predictor tag value 4", e.getMessage());
    }

    @Test
    void layoutLargerThanBufferIsRejected() throws Exception {
        Predictor p = Predictor.of(2, 16, 1, ByteOrder.BIG_ENDIAN);
        assertThrows(IndexOutOfBoundsException.class, () -> p.decode(new byte[10], 0, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.decode(new byte[12], 1, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.encode(new byte[12], 0, Integer.MAX_VALUE, 2));
        Predictor many = Predictor.of(3, 64, Integer.MAX_VALUE, ByteOrder.BIG_ENDIAN);
        assertThrows(IndexOutOfBoundsException.class, () -> many.decode(new byte[12], 0, Integer.MAX_VALUE, 1));
        p.decode(new byte[12], 0, 3, 2); // exactly fits
    }

    /** Straightforward predictor 2: samples as unsigned big integers, per row, via ByteBuffer. */
    private static byte[] referenceHorizontalEncode(
            byte[] data, int off, int bytes, int spp, int width, int rows, ByteOrder order) {
        byte[] out = data.clone();
        ByteBuffer in = ByteBuffer.wrap(data).order(order);
        ByteBuffer res = ByteBuffer.wrap(out).order(order);
        int rowBytes = width * spp * bytes;
        for (int r = 0; r < rows; r++) {
            for (int s = spp; s < width * spp; s++) {
                int at = off + r * rowBytes + s * bytes;
                int prev = at - spp * bytes;
                switch (bytes) {
                    case 1:
                        res.put(at, (byte) (in.get(at) - in.get(prev)));
                        break;
                    case 2:
                        res.putShort(at, (short) (in.getShort(at) - in.getShort(prev)));
                        break;
                    case 4:
                        res.putInt(at, in.getInt(at) - in.getInt(prev));
                        break;
                    default:
                        res.putLong(at, in.getLong(at) - in.getLong(prev));
                        break;
                }
            }
        }
        return out;
    }

    /** Straightforward predictor 3: big-endian byte planes per row, then byte differences with stride spp. */
    private static byte[] referenceFloatEncode(
            byte[] data, int off, int bytes, int spp, int width, int rows, ByteOrder order) {
        byte[] out = data.clone();
        int samples = width * spp;
        int rowBytes = samples * bytes;
        for (int r = 0; r < rows; r++) {
            int base = off + r * rowBytes;
            byte[] planes = new byte[rowBytes];
            for (int s = 0; s < samples; s++) {
                for (int k = 0; k < bytes; k++) {
                    int fileByte = order == ByteOrder.BIG_ENDIAN ? k : bytes - 1 - k;
                    planes[k * samples + s] = data[base + s * bytes + fileByte];
                }
            }
            byte[] diff = Arrays.copyOf(planes, rowBytes);
            for (int i = spp; i < rowBytes; i++) {
                diff[i] = (byte) (planes[i] - planes[i - spp]);
            }
            System.arraycopy(diff, 0, out, base, rowBytes);
        }
        return out;
    }
}
