package io.rastermill.io.png;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes 8-bit RGBA pixels as a PNG: grey + alpha (colour type 4) when asked and the pixels are grey, else RGBA
 * (colour type 6). Each row takes the PNG filter (none, sub, up, average, Paeth) with the smallest sum of absolute
 * differences, the usual heuristic, then the image is deflated at the given level.
 *
 * <p>Static and thread-safe (all state is per call).
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {}

    /**
     * The PNG of {@code rgba} ({@code width × height} pixels, R G B A bytes, row-major).
     *
     * @param grey write grey + alpha (the R channel stands for the grey level); only when R = G = B everywhere
     */
    public static byte[] encode(byte[] rgba, int width, int height, boolean grey, int level) {
        if (width < 1 || height < 1 || rgba.length != 4 * width * height) {
            throw new IllegalArgumentException("PNG: " + rgba.length + " bytes for " + width + "x" + height + " RGBA");
        }
        int channels = grey ? 2 : 4;
        int stride = width * channels;
        byte[] raw = new byte[height * (stride + 1)];
        byte[] prev = new byte[stride];
        byte[] row = new byte[stride];
        byte[] best = new byte[stride];
        byte[] trial = new byte[stride];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int s = 4 * (y * width + x);
                if (grey) {
                    row[2 * x] = rgba[s];
                    row[2 * x + 1] = rgba[s + 3];
                } else {
                    System.arraycopy(rgba, s, row, 4 * x, 4);
                }
            }
            long bestCost = Long.MAX_VALUE;
            int bestFilter = 0;
            for (int f = 0; f < 5; f++) {
                long cost = filter(f, row, prev, channels, trial);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestFilter = f;
                    System.arraycopy(trial, 0, best, 0, stride);
                }
            }
            int o = y * (stride + 1);
            raw[o] = (byte) bestFilter;
            System.arraycopy(best, 0, raw, o + 1, stride);
            byte[] t = prev;
            prev = row;
            row = t;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = (byte) (grey ? 4 : 6);
        chunk(out, "IHDR", ihdr, ihdr.length);
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[Math.max(1024, raw.length / 2)];
            ByteArrayOutputStream z = new ByteArrayOutputStream(buf.length);
            while (!deflater.finished()) {
                int k = deflater.deflate(buf);
                z.write(buf, 0, k);
            }
            byte[] idat = z.toByteArray();
            chunk(out, "IDAT", idat, idat.length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** Row {@code row} filtered with PNG filter {@code f} into {@code out}; returns the sum of |signed bytes|. */
    private static long filter(int f, byte[] row, byte[] prev, int bpp, byte[] out) {
        long cost = 0;
        for (int i = 0; i < row.length; i++) {
            int a = i >= bpp ? row[i - bpp] & 0xff : 0;
            int b = prev[i] & 0xff;
            int c = i >= bpp ? prev[i - bpp] & 0xff : 0;
            int predictor = switch (f) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                default -> paeth(a, b, c);
            };
            byte v = (byte) ((row[i] & 0xff) - predictor);
            out[i] = v;
            cost += Math.abs(v);
        }
        return cost;
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
