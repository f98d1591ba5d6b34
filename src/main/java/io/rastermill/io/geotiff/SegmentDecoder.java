package io.rastermill.io.geotiff;

import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.CorruptSegmentException;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.codec.SegmentDecompressor;
import io.rastermill.io.codec.UnsupportedCodecException;
import io.rastermill.io.tiff.TiffDirectory;
import io.rastermill.io.tiff.TiffFormatException;
import io.rastermill.io.tiff.TiffSegment;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the stored bytes of one segment into its decoded samples: decompression, then the
 * predictor, into one reusable buffer. One instance serves one thread at a time (the reader pools
 * them); it keeps its decompressors (an {@code Inflater}, a zstd context) and predictor row
 * buffers between segments so decoding allocates almost nothing.
 */
final class SegmentDecoder implements AutoCloseable {
    private final Map<Compression, SegmentDecompressor> decompressors = new EnumMap<>(Compression.class);
    private final Map<Integer, Predictor> predictors = new HashMap<>();
    private byte[] buffer = new byte[0];
    /** The fetched (still compressed) bytes of the segments being read; kept between reads up to a bound. */
    private byte[] stored = new byte[0];
    /** The largest fetch buffer kept between reads; a larger batch's buffer is dropped after it. */
    static final int MAX_KEPT_STORED_BYTES = 16 << 20;
    /** The largest decoded segment read: 1 GiB, far above any real tile or strip (GDAL's own limits are lower). */
    static final long MAX_SEGMENT_BYTES = 1L << 30;

    /** Bytes in one decoded row of the segment. */
    static int rowBytes(TiffSegment seg, int samplesInSegment, int bits) {
        return (int) (((long) seg.storedWidth() * samplesInSegment * bits + 7) / 8);
    }

    /** The buffer to fetch stored bytes into (see {@link #keepStored}); its contents are stale. */
    byte[] storedBuffer() {
        return stored;
    }

    /** Keeps {@code fetched} as the next {@link #storedBuffer()} unless it is larger than the bound. */
    void keepStored(byte[] fetched) {
        if (fetched.length <= MAX_KEPT_STORED_BYTES) {
            stored = fetched;
        }
    }

    /**
     * Decodes {@code stored[off, off + length)} (the segment's bytes from the file) and returns the
     * buffer holding the decoded rows; valid until the next call.
     */
    byte[] decode(
            TiffDirectory dir,
            int level,
            Compression compression,
            ByteOrder order,
            TiffSegment seg,
            int samplesInSegment,
            int bits,
            byte[] stored,
            int off,
            int length)
            throws TiffFormatException {
        long decoded = ((long) seg.storedWidth() * samplesInSegment * bits + 7) / 8 * seg.storedHeight();
        // Sizes from the file are checked before the buffer is allocated: a forged tile size in a tiny file
        // would otherwise make the reader allocate gigabytes.
        long max = Math.min(compression.maxDecodedBytes(length), MAX_SEGMENT_BYTES);
        if (decoded > max) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    "segment " + seg.index() + " (offset "
                            + seg.offset() + ", " + seg.byteCount() + " bytes): " + seg.storedWidth() + "x"
                            + seg.storedHeight()
                            + " samples need " + decoded + " decoded bytes, more than "
                            + (decoded > MAX_SEGMENT_BYTES
                                    ? "a segment may hold (" + MAX_SEGMENT_BYTES + ")"
                                    : compression.name() + " can encode in " + length + " bytes"));
        }
        int expected = (int) decoded;
        if (buffer.length < expected) {
            buffer = new byte[expected];
        }
        try {
            SegmentDecompressor d = decompressors.get(compression);
            if (d == null) {
                d = compression.newDecompressor();
                decompressors.put(compression, d);
            }
            d.decompress(stored, off, length, buffer, 0, expected);
            if (dir.predictor() != Predictor.NONE) {
                Predictor p = predictors.get(level);
                if (p == null) {
                    p = Predictor.of(dir.predictor(), bits, samplesInSegment, order);
                    predictors.put(level, p);
                }
                p.decode(buffer, 0, seg.storedWidth(), seg.storedHeight());
            }
        } catch (CorruptSegmentException | UnsupportedCodecException e) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    "segment " + seg.index() + " (offset " + seg.offset() + ", " + seg.byteCount() + " bytes): "
                            + e.getMessage());
        }
        return buffer;
    }

    @Override
    public void close() {
        for (SegmentDecompressor d : decompressors.values()) {
            try {
                d.close();
            } catch (Exception ignored) {
                // releasing native resources; nothing to report
            }
        }
        decompressors.clear();
    }
}
