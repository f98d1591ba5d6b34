package io.rastermill.io.codec;

import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Deflate (8 and 32946): a zlib stream, decoded with one reused {@link Inflater}. Not thread-safe. */
final class DeflateDecompressor implements SegmentDecompressor {
    private final Inflater inflater = new Inflater();
    private final byte[] probe = new byte[1];

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        inflater.reset();
        inflater.setInput(src, srcOff, srcLen);
        int written = 0;
        try {
            while (written < expectedLen) {
                int n = inflater.inflate(dst, dstOff + written, expectedLen - written);
                written += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new CorruptSegmentException(
                                name(), "stream ended after " + written + " bytes, expected " + expectedLen);
                    }
                    if (inflater.needsDictionary()) {
                        throw new CorruptSegmentException(name(), "stream requires a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new CorruptSegmentException(
                                name(), "truncated stream: " + written + " of " + expectedLen + " bytes decoded");
                    }
                }
            }
            // Output full: the stream should end here (its Adler-32 is checked on the way); a missing trailer is
            // tolerated, more data is not.
            if (!inflater.finished() && inflater.inflate(probe, 0, 1) > 0) {
                throw new CorruptSegmentException(
                        name(), "stream continues past the expected " + expectedLen + " bytes");
            }
        } catch (DataFormatException e) {
            throw new CorruptSegmentException(name(), "invalid stream: " + e.getMessage(), e);
        }
        return written;
    }

    @Override
    public String name() {
        return "Deflate";
    }

    @Override
    public void close() {
        inflater.end();
    }
}
