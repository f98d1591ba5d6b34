package io.rastermill.io.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A TIFF predictor (tag 317) for one segment layout, undone ({@link #decode}) or applied ({@link #encode}) in place
 * over row-major, pixel-interleaved segment bytes: {@code rows × width × samplesPerPixel} samples.
 *
 * <ul>
 *   <li>{@code 1}: none.</li>
 *   <li>{@code 2}, horizontal differencing (TIFF 6.0 section 14): each sample minus the same sample of the previous
 *   pixel, modulo 2<sup>bits</sup>, for 8-, 16-, 32- and 64-bit samples read in the file's byte order.</li>
 *   <li>{@code 3}, floating point (Adobe Photoshop TIFF Technical Note 3), for 16-, 32- and 64-bit floats: each row's
 *   samples are split into byte planes, most significant byte first whatever the file's byte order, then each byte
 *   minus the byte {@code samplesPerPixel} before it. Decoding restores the samples in the file's byte order.</li>
 * </ul>
 *
 * <p>Predictors 2 and 3 run in the native library when Deflate does ({@link NativeDeflate}:
 * {@code -Drastermill.deflate}), else in Java; both give the same bytes. Under the launcher's C1 JIT the Java loops of
 * predictor 2 make a call per byte-array view access: undoing it on a 512² UInt16 tile took ~500 µs of CPU, natively
 * ~40 µs (PredictorBench's {@code uint16-p2} case). Instances hold one reusable row buffer (predictor 3) and are not
 * thread-safe.
 */
public final class Predictor {
    public static final int NONE = 1;
    public static final int HORIZONTAL = 2;
    public static final int FLOATING_POINT = 3;

    private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);

    private final int tag;
    private final int bytesPerSample;
    private final int samplesPerPixel;
    private final boolean littleEndian;
    /** Predictors 2 and 3 run in the native library ({@link NativeDeflate}) when Deflate does. */
    private final boolean nativeCode;

    private byte[] row = new byte[0];

    private Predictor(int tag, int bytesPerSample, int samplesPerPixel, boolean littleEndian, boolean nativeCode) {
        this.tag = tag;
        this.bytesPerSample = bytesPerSample;
        this.samplesPerPixel = samplesPerPixel;
        this.littleEndian = littleEndian;
        this.nativeCode = nativeCode && tag != NONE;
    }

    /**
     * The predictor for a TIFF Predictor tag value and sample layout.
     *
     * @param tag             Predictor tag value: 1, 2 or 3
     * @param bitsPerSample   8, 16, 32 or 64 for predictors 2 and 3; anything for 1
     * @param samplesPerPixel pixel-interleaved samples (PlanarConfiguration 1), or 1 for a band of a planar file
     * @param order           the file's byte order
     * @throws UnsupportedCodecException for another tag value or an unsupported sample size
     */
    public static Predictor of(int tag, int bitsPerSample, int samplesPerPixel, ByteOrder order)
            throws UnsupportedCodecException {
        return of(tag, bitsPerSample, samplesPerPixel, order, tag != NONE && NativeDeflate.selected());
    }

    /** {@link #of(int, int, int, ByteOrder)} with the implementation of predictors 2 and 3 chosen: native or Java. */
    static Predictor of(int tag, int bitsPerSample, int samplesPerPixel, ByteOrder order, boolean nativeCode)
            throws UnsupportedCodecException {
        Objects.requireNonNull(order, "order");
        if (samplesPerPixel < 1) {
            throw new IllegalArgumentException("samplesPerPixel must be positive: " + samplesPerPixel);
        }
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        switch (tag) {
            case NONE:
                return new Predictor(tag, 1, samplesPerPixel, le, false);
            case HORIZONTAL:
                if (bitsPerSample != 8 && bitsPerSample != 16 && bitsPerSample != 32 && bitsPerSample != 64) {
                    throw new UnsupportedCodecException(
                            "horizontal predictor (2) with " + bitsPerSample + "-bit samples is not supported");
                }
                return new Predictor(tag, bitsPerSample / 8, samplesPerPixel, le, nativeCode);
            case FLOATING_POINT:
                if (bitsPerSample != 16 && bitsPerSample != 32 && bitsPerSample != 64) {
                    throw new UnsupportedCodecException(
                            "floating point predictor (3) with " + bitsPerSample + "-bit samples is not supported");
                }
                return new Predictor(tag, bitsPerSample / 8, samplesPerPixel, le, nativeCode);
            default:
                throw new UnsupportedCodecException("unknown predictor tag value " + tag);
        }
    }

    /** The Predictor tag value. */
    public int tag() {
        return tag;
    }

    /** Undoes the predictor in place on {@code rows} rows of {@code width} pixels starting at {@code off}. */
    public void decode(byte[] buf, int off, int width, int rows) {
        int rowBytes = checkLayout(buf, off, width, rows);
        if (tag == NONE) {
            return;
        }
        if (nativeCode) {
            if (tag == HORIZONTAL) {
                NativeDeflate.undoHorizontal(buf, off, rowBytes, rows, bytesPerSample, samplesPerPixel, littleEndian);
            } else {
                NativeDeflate.undoFloatingPoint(
                        buf, off, rowBytes, rows, bytesPerSample, samplesPerPixel, littleEndian);
            }
            return;
        }
        for (int r = 0, p = off; r < rows; r++, p += rowBytes) {
            if (tag == HORIZONTAL) {
                undoHorizontal(buf, p, rowBytes);
            } else {
                undoFloatingPoint(buf, p, rowBytes);
            }
        }
    }

    /** Applies the predictor in place on {@code rows} rows of {@code width} pixels starting at {@code off}. */
    public void encode(byte[] buf, int off, int width, int rows) {
        int rowBytes = checkLayout(buf, off, width, rows);
        if (tag == NONE) {
            return;
        }
        if (nativeCode) {
            if (tag == HORIZONTAL) {
                NativeDeflate.applyHorizontal(buf, off, rowBytes, rows, bytesPerSample, samplesPerPixel, littleEndian);
            } else {
                NativeDeflate.applyFloatingPoint(
                        buf, off, rowBytes, rows, bytesPerSample, samplesPerPixel, littleEndian);
            }
            return;
        }
        for (int r = 0, p = off; r < rows; r++, p += rowBytes) {
            if (tag == HORIZONTAL) {
                applyHorizontal(buf, p, rowBytes);
            } else {
                applyFloatingPoint(buf, p, rowBytes);
            }
        }
    }

    private int checkLayout(byte[] buf, int off, int width, int rows) {
        if (width < 0 || rows < 0) {
            throw new IllegalArgumentException("negative size " + width + " x " + rows);
        }
        long pixelBytes = (long) samplesPerPixel * bytesPerSample; // < 2^34
        // each product is bounded by the buffer before the next one, so nothing overflows (the native predictor
        // trusts these bounds)
        long rowBytes = pixelBytes > buf.length ? (width == 0 ? 0 : Long.MAX_VALUE) : width * pixelBytes; // < 2^62
        if (off < 0 || rowBytes > buf.length || rowBytes * rows > buf.length - (long) off) {
            throw new IndexOutOfBoundsException(rows + " rows of " + width + " pixels of " + pixelBytes
                    + " bytes from offset " + off + " do not fit a buffer of " + buf.length + " bytes");
        }
        return (int) rowBytes;
    }

    // ---- predictor 2: sums (decode) and differences (encode) of samples in file byte order ----

    private void undoHorizontal(byte[] b, int p, int rowBytes) {
        int stride = samplesPerPixel * bytesPerSample;
        int end = p + rowBytes;
        switch (bytesPerSample) {
            case 1:
                // running sum in a register per channel: no store-to-load dependency through memory
                for (int c = 0; c < stride && p + c < end; c++) {
                    byte acc = 0;
                    for (int i = p + c; i < end; i += stride) {
                        acc += b[i];
                        b[i] = acc;
                    }
                }
                break;
            case 2:
                for (int c = p; c < p + stride && c < end; c += 2) {
                    short acc = 0;
                    if (littleEndian) {
                        for (int i = c; i < end; i += stride) {
                            acc += (short) SHORT_LE.get(b, i);
                            SHORT_LE.set(b, i, acc);
                        }
                    } else {
                        for (int i = c; i < end; i += stride) {
                            acc += (short) SHORT_BE.get(b, i);
                            SHORT_BE.set(b, i, acc);
                        }
                    }
                }
                break;
            case 4:
                if (littleEndian) {
                    for (int i = p + stride; i < end; i += 4) {
                        INT_LE.set(b, i, (int) INT_LE.get(b, i) + (int) INT_LE.get(b, i - stride));
                    }
                } else {
                    for (int i = p + stride; i < end; i += 4) {
                        INT_BE.set(b, i, (int) INT_BE.get(b, i) + (int) INT_BE.get(b, i - stride));
                    }
                }
                break;
            default:
                if (littleEndian) {
                    for (int i = p + stride; i < end; i += 8) {
                        LONG_LE.set(b, i, (long) LONG_LE.get(b, i) + (long) LONG_LE.get(b, i - stride));
                    }
                } else {
                    for (int i = p + stride; i < end; i += 8) {
                        LONG_BE.set(b, i, (long) LONG_BE.get(b, i) + (long) LONG_BE.get(b, i - stride));
                    }
                }
                break;
        }
    }

    private void applyHorizontal(byte[] b, int p, int rowBytes) {
        int stride = samplesPerPixel * bytesPerSample;
        int first = p + stride;
        switch (bytesPerSample) {
            case 1:
                for (int i = p + rowBytes - 1; i >= first; i--) {
                    b[i] -= b[i - stride];
                }
                break;
            case 2:
                if (littleEndian) {
                    for (int i = p + rowBytes - 2; i >= first; i -= 2) {
                        SHORT_LE.set(b, i, (short) ((short) SHORT_LE.get(b, i) - (short) SHORT_LE.get(b, i - stride)));
                    }
                } else {
                    for (int i = p + rowBytes - 2; i >= first; i -= 2) {
                        SHORT_BE.set(b, i, (short) ((short) SHORT_BE.get(b, i) - (short) SHORT_BE.get(b, i - stride)));
                    }
                }
                break;
            case 4:
                if (littleEndian) {
                    for (int i = p + rowBytes - 4; i >= first; i -= 4) {
                        INT_LE.set(b, i, (int) INT_LE.get(b, i) - (int) INT_LE.get(b, i - stride));
                    }
                } else {
                    for (int i = p + rowBytes - 4; i >= first; i -= 4) {
                        INT_BE.set(b, i, (int) INT_BE.get(b, i) - (int) INT_BE.get(b, i - stride));
                    }
                }
                break;
            default:
                if (littleEndian) {
                    for (int i = p + rowBytes - 8; i >= first; i -= 8) {
                        LONG_LE.set(b, i, (long) LONG_LE.get(b, i) - (long) LONG_LE.get(b, i - stride));
                    }
                } else {
                    for (int i = p + rowBytes - 8; i >= first; i -= 8) {
                        LONG_BE.set(b, i, (long) LONG_BE.get(b, i) - (long) LONG_BE.get(b, i - stride));
                    }
                }
                break;
        }
    }

    // ---- predictor 3: byte planes (most significant first) + byte differencing with stride samplesPerPixel ----

    private void undoFloatingPoint(byte[] b, int p, int rowBytes) {
        if (samplesPerPixel == 1 && bytesPerSample == 4) {
            undoFloat32(b, p, rowBytes);
            return;
        }
        byte[] planes = rowBuffer(rowBytes);
        // byte sums with stride samplesPerPixel, from the segment into the row buffer
        int stride = samplesPerPixel;
        for (int c = 0; c < stride && c < rowBytes; c++) {
            byte acc = 0;
            for (int i = c; i < rowBytes; i += stride) {
                acc += b[p + i];
                planes[i] = acc;
            }
        }
        // plane k holds byte k (most significant first) of every sample; gather each sample and store it whole
        if (bytesPerSample == 2) {
            int n = rowBytes >>> 1;
            if (littleEndian) {
                for (int s = 0, o = p; s < n; s++, o += 2) {
                    SHORT_LE.set(b, o, gather2(planes, n, s));
                }
            } else {
                for (int s = 0, o = p; s < n; s++, o += 2) {
                    SHORT_BE.set(b, o, gather2(planes, n, s));
                }
            }
        } else if (bytesPerSample == 4) {
            int n = rowBytes >>> 2;
            if (littleEndian) {
                for (int s = 0, o = p; s < n; s++, o += 4) {
                    INT_LE.set(b, o, gather4(planes, n, s));
                }
            } else {
                for (int s = 0, o = p; s < n; s++, o += 4) {
                    INT_BE.set(b, o, gather4(planes, n, s));
                }
            }
        } else {
            int n = rowBytes >>> 3;
            if (littleEndian) {
                for (int s = 0, o = p; s < n; s++, o += 8) {
                    LONG_LE.set(b, o, gather8(planes, n, s));
                }
            } else {
                for (int s = 0, o = p; s < n; s++, o += 8) {
                    LONG_BE.set(b, o, gather8(planes, n, s));
                }
            }
        }
    }

    private static short gather2(byte[] planes, int n, int s) {
        return (short) ((planes[s] & 0xFF) << 8 | (planes[n + s] & 0xFF));
    }

    private static int gather4(byte[] planes, int n, int s) {
        return (planes[s] & 0xFF) << 24
                | (planes[n + s] & 0xFF) << 16
                | (planes[2 * n + s] & 0xFF) << 8
                | (planes[3 * n + s] & 0xFF);
    }

    private static long gather8(byte[] planes, int n, int s) {
        long hi = gather4(planes, n, s);
        long lo = gather4(planes, n, 4 * n + s) & 0xFFFF_FFFFL;
        return hi << 32 | lo;
    }

    /**
     * {@link #undoFloatingPoint} for one 4-byte float per pixel, the common case, in one pass over the samples: the
     * running byte sum continues from plane to plane, so each plane's sum starts from the total of the planes before
     * it (a cheap reduction), and the four sums then advance side by side, one sample at a time, without a
     * prefix-summed copy of the row and without a store-to-load chain through memory.
     */
    private void undoFloat32(byte[] b, int p, int rowBytes) {
        int n = rowBytes >>> 2;
        byte[] planes = rowBuffer(rowBytes);
        System.arraycopy(b, p, planes, 0, rowBytes);
        int a0 = 0;
        int a1 = byteSum(planes, 0, n);
        int a2 = a1 + byteSum(planes, n, 2 * n);
        int a3 = a2 + byteSum(planes, 2 * n, 3 * n);
        int hi = littleEndian ? 3 : 0;
        int lo = 3 - hi;
        int midHi = littleEndian ? 2 : 1;
        int midLo = 3 - midHi;
        for (int s = 0, o = p; s < n; s++, o += 4) {
            a0 += planes[s];
            a1 += planes[n + s];
            a2 += planes[2 * n + s];
            a3 += planes[3 * n + s];
            b[o + hi] = (byte) a0;
            b[o + midHi] = (byte) a1;
            b[o + midLo] = (byte) a2;
            b[o + lo] = (byte) a3;
        }
    }

    private static int byteSum(byte[] a, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i];
        }
        return sum;
    }

    /** {@link #applyFloatingPoint} for one 4-byte float per pixel: split each sample once, then one differencing pass. */
    private void applyFloat32(byte[] b, int p, int rowBytes) {
        int n = rowBytes >>> 2;
        byte[] planes = rowBuffer(rowBytes);
        VarHandle view = littleEndian ? INT_LE : INT_BE;
        for (int s = 0, o = p; s < n; s++, o += 4) {
            int v = (int) view.get(b, o);
            planes[s] = (byte) (v >>> 24);
            planes[n + s] = (byte) (v >>> 16);
            planes[2 * n + s] = (byte) (v >>> 8);
            planes[3 * n + s] = (byte) v;
        }
        if (rowBytes > 0) {
            b[p] = planes[0];
        }
        for (int i = 1; i < rowBytes; i++) {
            b[p + i] = (byte) (planes[i] - planes[i - 1]);
        }
    }

    private void applyFloatingPoint(byte[] b, int p, int rowBytes) {
        if (samplesPerPixel == 1 && bytesPerSample == 4) {
            applyFloat32(b, p, rowBytes);
            return;
        }
        byte[] planes = rowBuffer(rowBytes);
        int bps = bytesPerSample;
        int samples = rowBytes / bps;
        for (int k = 0; k < bps; k++) {
            int srcByte = littleEndian ? bps - 1 - k : k;
            int planeStart = k * samples;
            for (int s = 0, o = p + srcByte; s < samples; s++, o += bps) {
                planes[planeStart + s] = b[o];
            }
        }
        int stride = samplesPerPixel;
        for (int i = rowBytes - 1; i >= stride; i--) {
            b[p + i] = (byte) (planes[i] - planes[i - stride]);
        }
        System.arraycopy(planes, 0, b, p, Math.min(stride, rowBytes));
    }

    private byte[] rowBuffer(int rowBytes) {
        if (row.length < rowBytes) {
            row = new byte[rowBytes];
        }
        return row;
    }

    private static VarHandle view(Class<?> arrayClass, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayClass, order);
    }
}
