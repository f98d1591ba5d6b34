package io.rastermill.io.png;

import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.SegmentCompressor;
import io.rastermill.io.codec.UnsupportedCodecException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes 8-bit RGBA pixels as a PNG: grey + alpha (colour type 4) when asked and the pixels are grey, else RGBA
 * (colour type 6). Each row takes the PNG filter (none, sub, up, average, Paeth) with the smallest sum of absolute
 * differences, the usual heuristic, then the image is deflated (a zlib stream, as IDAT holds it) by a
 * {@link SegmentCompressor}: libdeflate when its native library is there, else {@link java.util.zip.Deflater}.
 *
 * <p>Static and thread-safe (all state is per call; a compressor passed in is the caller's, one per thread).
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {}

    /**
     * The PNG of {@code rgba} ({@code width × height} pixels, R G B A bytes, row-major), deflated at {@code level}
     * by a compressor made for this call.
     *
     * @param grey write grey + alpha (the R channel stands for the grey level); only when R = G = B everywhere
     */
    public static byte[] encode(byte[] rgba, int width, int height, boolean grey, int level) {
        try (SegmentCompressor deflate = Compression.DEFLATE.newCompressor(level)) {
            return encode(rgba, width, height, grey, deflate);
        } catch (UnsupportedCodecException e) {
            throw new IllegalStateException("PNG: no Deflate codec: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #encode(byte[], int, int, boolean, int)} with a Deflate compressor the caller reuses over many
     * images (a native one costs an allocation of its tables per instance).
     */
    public static byte[] encode(byte[] rgba, int width, int height, boolean grey, SegmentCompressor deflate) {
        if (width < 1 || height < 1 || rgba.length != 4 * width * height) {
            throw new IllegalArgumentException("PNG: " + rgba.length + " bytes for " + width + "x" + height + " RGBA");
        }
        int channels = grey ? 2 : 4;
        int stride = width * channels;
        byte[] raw = new byte[height * (stride + 1)];
        byte[] prev = new byte[stride];
        byte[] row = new byte[stride];
        for (int y = 0; y < height; y++) {
            if (grey) {
                for (int x = 0, s = 4 * y * width; x < width; x++, s += 4) {
                    row[2 * x] = rgba[s];
                    row[2 * x + 1] = rgba[s + 3];
                }
            } else {
                System.arraycopy(rgba, 4 * y * width, row, 0, stride);
            }
            int o = y * (stride + 1);
            int f = bestFilter(row, prev, channels);
            raw[o] = (byte) f;
            filter(f, row, prev, channels, raw, o + 1);
            byte[] t = prev;
            prev = row;
            row = t;
        }
        byte[] idat = new byte[deflate.maxCompressedLength(raw.length)];
        int idatLength = deflate.compress(raw, 0, raw.length, idat, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(idatLength + 64);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = (byte) (grey ? 4 : 6);
        chunk(out, "IHDR", ihdr, ihdr.length);
        chunk(out, "IDAT", idat, idatLength);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /**
     * The filter (0 none, 1 sub, 2 up, 3 average, 4 Paeth) whose output has the smallest sum of |signed bytes|,
     * the lowest number on a tie: the five sums in one pass over the row, without writing any filtered bytes.
     */
    static int bestFilter(byte[] row, byte[] prev, int bpp) {
        long none = 0;
        long sub = 0;
        long up = 0;
        long avg = 0;
        long paeth = 0;
        int first = Math.min(bpp, row.length);
        for (int i = 0; i < first; i++) { // no left neighbour: sub = none, Paeth = up
            int x = row[i] & 0xff;
            int b = prev[i] & 0xff;
            int n = Math.abs((byte) x);
            int u = Math.abs((byte) (x - b));
            none += n;
            sub += n;
            up += u;
            avg += Math.abs((byte) (x - (b >>> 1)));
            paeth += u;
        }
        for (int i = first; i < row.length; i++) {
            int x = row[i] & 0xff;
            int a = row[i - bpp] & 0xff;
            int b = prev[i] & 0xff;
            int c = prev[i - bpp] & 0xff;
            none += Math.abs((byte) x);
            sub += Math.abs((byte) (x - a));
            up += Math.abs((byte) (x - b));
            avg += Math.abs((byte) (x - ((a + b) >>> 1)));
            paeth += Math.abs((byte) (x - paeth(a, b, c)));
        }
        int best = 0;
        long cost = none;
        if (sub < cost) {
            best = 1;
            cost = sub;
        }
        if (up < cost) {
            best = 2;
            cost = up;
        }
        if (avg < cost) {
            best = 3;
            cost = avg;
        }
        return paeth < cost ? 4 : best;
    }

    /** Row {@code row} filtered with PNG filter {@code f} into {@code out} from {@code at}. */
    private static void filter(int f, byte[] row, byte[] prev, int bpp, byte[] out, int at) {
        int first = Math.min(bpp, row.length);
        switch (f) {
            case 0 -> System.arraycopy(row, 0, out, at, row.length);
            case 1 -> {
                System.arraycopy(row, 0, out, at, first);
                for (int i = first; i < row.length; i++) {
                    out[at + i] = (byte) (row[i] - row[i - bpp]);
                }
            }
            case 2 -> {
                for (int i = 0; i < row.length; i++) {
                    out[at + i] = (byte) (row[i] - prev[i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < first; i++) {
                    out[at + i] = (byte) ((row[i] & 0xff) - ((prev[i] & 0xff) >>> 1));
                }
                for (int i = first; i < row.length; i++) {
                    out[at + i] = (byte) ((row[i] & 0xff) - (((row[i - bpp] & 0xff) + (prev[i] & 0xff)) >>> 1));
                }
            }
            default -> {
                for (int i = 0; i < first; i++) {
                    out[at + i] = (byte) (row[i] - prev[i]);
                }
                for (int i = first; i < row.length; i++) {
                    out[at + i] =
                            (byte) ((row[i] & 0xff) - paeth(row[i - bpp] & 0xff, prev[i] & 0xff, prev[i - bpp] & 0xff));
                }
            }
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
