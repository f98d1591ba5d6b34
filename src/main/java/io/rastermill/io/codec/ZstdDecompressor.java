package io.rastermill.io.codec;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Objects;

/**
 * ZSTD (50000) through zstd-jni with one reused context. The output is bounded by {@code expectedLen}: a frame that
 * claims or produces more is rejected without allocating for it. Not thread-safe.
 */
final class ZstdDecompressor implements SegmentDecompressor {
    private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        int written;
        try {
            written = ctx.decompressByteArray(dst, dstOff, expectedLen, src, srcOff, srcLen);
        } catch (ZstdException e) {
            throw new CorruptSegmentException(name(), "invalid frame: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // zstd-jni signals some errors with plain runtime exceptions (older versions).
            throw new CorruptSegmentException(name(), "invalid frame: " + e, e);
        }
        if (written != expectedLen) {
            throw new CorruptSegmentException(
                    name(), "frame decoded to " + written + " bytes, expected " + expectedLen);
        }
        return written;
    }

    @Override
    public String name() {
        return "ZSTD";
    }

    @Override
    public void close() {
        ctx.close();
    }
}
