package io.rastermill.io.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Copies one band's samples out of a decoded TIFF segment (strip or tile, after decompression and
 * predictor) into the storage array of an output window, converting from the file's byte order.
 * The sample kind is dispatched once per call; the loops run over primitive arrays.
 *
 * <p>Segment layout: rows of {@code rowBytes} bytes; a row holds {@code samplesPerPixel} samples per
 * pixel (chunky) or one (planar segment). 1-bit rows are padded to a whole byte and packed
 * MSB-first, as TIFF stores them; the output is packed LSB-first, as our bit tiles are.
 * Rows of one sample per pixel are copied in bulk through a {@link ByteBuffer} view, whose bulk get is a
 * (byte-swapping) memory copy: the per-sample {@link VarHandle} loop is not inlined by C1, the launcher's
 * JIT, and cost ~20x more per sample there (a quarter of a UInt16 NDVI's decode). Stateless and thread-safe.
 */
final class SegmentCopier {
    private static final VarHandle SHORT_LE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private SegmentCopier() {}

    /** Where the samples come from: a decoded segment and its geometry. */
    record Source(byte[] segment, ByteOrder order, int rowBytes, int samplesPerPixel, int sampleIndex) {}

    /**
     * Copies the {@code w × h} samples at segment pixel ({@code srcX}, {@code srcY}) to output pixel
     * ({@code dstX}, {@code dstY}) of a window {@code dstWidth} pixels wide whose storage is {@code dst}
     * ({@code byte[]} for 1/8-bit, {@code short[]}, {@code int[]}, {@code float[]}, {@code double[]}
     * for UInt32 and float64).
     */
    static void copy(
            SampleKind kind,
            Source src,
            int srcX,
            int srcY,
            int w,
            int h,
            Object dst,
            int dstWidth,
            int dstX,
            int dstY) {
        byte[] seg = src.segment();
        int spp = src.samplesPerPixel();
        int s = src.sampleIndex();
        boolean le = src.order() == ByteOrder.LITTLE_ENDIAN;
        int bytes = kind.bytes();
        if (spp == 1 && bytes > 1 && kind != SampleKind.UINT32 && src.rowBytes() % bytes == 0) {
            copyRows(kind, src, srcX, srcY, w, h, dst, dstWidth, dstX, dstY);
            return;
        }
        for (int r = 0; r < h; r++) {
            int rowStart = (srcY + r) * src.rowBytes();
            int out = (dstY + r) * dstWidth + dstX;
            int in = rowStart + (srcX * spp + s) * bytes;
            int step = spp * bytes;
            switch (kind) {
                case BIT -> {
                    byte[] d = (byte[]) dst;
                    int bit = srcX * spp + s;
                    for (int c = 0; c < w; c++, bit += spp, out++) {
                        int v = (seg[rowStart + (bit >> 3)] >> (7 - (bit & 7))) & 1;
                        if (v != 0) {
                            d[out >> 3] |= (byte) (1 << (out & 7));
                        } else {
                            d[out >> 3] &= (byte) ~(1 << (out & 7));
                        }
                    }
                }
                case INT8, UINT8 -> {
                    byte[] d = (byte[]) dst;
                    if (spp == 1) {
                        System.arraycopy(seg, in, d, out, w);
                    } else {
                        for (int c = 0; c < w; c++, in += step) {
                            d[out + c] = seg[in];
                        }
                    }
                }
                case INT16, UINT16 -> {
                    short[] d = (short[]) dst;
                    VarHandle vh = le ? SHORT_LE : SHORT_BE;
                    for (int c = 0; c < w; c++, in += step) {
                        d[out + c] = (short) vh.get(seg, in);
                    }
                }
                case INT32 -> {
                    int[] d = (int[]) dst;
                    VarHandle vh = le ? INT_LE : INT_BE;
                    for (int c = 0; c < w; c++, in += step) {
                        d[out + c] = (int) vh.get(seg, in);
                    }
                }
                case UINT32 -> {
                    double[] d = (double[]) dst;
                    VarHandle vh = le ? INT_LE : INT_BE;
                    for (int c = 0; c < w; c++, in += step) {
                        d[out + c] = Integer.toUnsignedLong((int) vh.get(seg, in));
                    }
                }
                case FLOAT32 -> {
                    float[] d = (float[]) dst;
                    VarHandle vh = le ? FLOAT_LE : FLOAT_BE;
                    for (int c = 0; c < w; c++, in += step) {
                        d[out + c] = (float) vh.get(seg, in);
                    }
                }
                case FLOAT64 -> {
                    double[] d = (double[]) dst;
                    VarHandle vh = le ? DOUBLE_LE : DOUBLE_BE;
                    for (int c = 0; c < w; c++, in += step) {
                        d[out + c] = (double) vh.get(seg, in);
                    }
                }
            }
        }
    }

    /**
     * The rows of a segment of one sample per pixel whose rows start at whole samples, each an absolute bulk get
     * from one view of the segment (a view per row, by slicing, cost as much as the loop it replaces under C1).
     */
    private static void copyRows(
            SampleKind kind,
            Source src,
            int srcX,
            int srcY,
            int w,
            int h,
            Object dst,
            int dstWidth,
            int dstX,
            int dstY) {
        ByteBuffer seg = ByteBuffer.wrap(src.segment()).order(src.order());
        int rowSamples = src.rowBytes() / kind.bytes();
        switch (kind) {
            case INT16, UINT16 -> {
                ShortBuffer view = seg.asShortBuffer();
                for (int r = 0; r < h; r++) {
                    view.get((srcY + r) * rowSamples + srcX, (short[]) dst, (dstY + r) * dstWidth + dstX, w);
                }
            }
            case INT32 -> {
                IntBuffer view = seg.asIntBuffer();
                for (int r = 0; r < h; r++) {
                    view.get((srcY + r) * rowSamples + srcX, (int[]) dst, (dstY + r) * dstWidth + dstX, w);
                }
            }
            case FLOAT32 -> {
                FloatBuffer view = seg.asFloatBuffer();
                for (int r = 0; r < h; r++) {
                    view.get((srcY + r) * rowSamples + srcX, (float[]) dst, (dstY + r) * dstWidth + dstX, w);
                }
            }
            case FLOAT64 -> {
                DoubleBuffer view = seg.asDoubleBuffer();
                for (int r = 0; r < h; r++) {
                    view.get((srcY + r) * rowSamples + srcX, (double[]) dst, (dstY + r) * dstWidth + dstX, w);
                }
            }
            default -> throw new IllegalStateException("no bulk copy of " + kind);
        }
    }
}
