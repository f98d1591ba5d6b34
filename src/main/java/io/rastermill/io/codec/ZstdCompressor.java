package io.rastermill.io.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Objects;

/** ZSTD (50000) through zstd-jni with one reused context. Not thread-safe. */
final class ZstdCompressor implements SegmentCompressor {
    private final ZstdCompressCtx ctx = new ZstdCompressCtx();

    ZstdCompressor(int level) {
        if (level < 1 || level > 22) {
            throw new IllegalArgumentException("ZSTD level must be 1..22: " + level);
        }
        ctx.setLevel(level);
    }

    @Override
    public int maxCompressedLength(int srcLen) {
        return Math.toIntExact(Zstd.compressBound(srcLen));
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, maxCompressedLength(srcLen), dst.length);
        return ctx.compressByteArray(dst, dstOff, dst.length - dstOff, src, srcOff, srcLen);
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
