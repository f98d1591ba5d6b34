package io.rastermill.io.codec;

import java.util.Objects;

/** Compression NONE (1): a length-checked copy. Stateless, shared. */
final class UncompressedCodec implements SegmentDecompressor, SegmentCompressor {
    static final UncompressedCodec INSTANCE = new UncompressedCodec();

    private UncompressedCodec() {}

    @Override
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int expectedLen)
            throws CorruptSegmentException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
        if (srcLen < expectedLen) {
            throw new CorruptSegmentException(name(), "segment has " + srcLen + " bytes, expected " + expectedLen);
        }
        System.arraycopy(src, srcOff, dst, dstOff, expectedLen);
        return expectedLen;
    }

    @Override
    public int maxCompressedLength(int srcLen) {
        return srcLen;
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, srcLen, dst.length);
        System.arraycopy(src, srcOff, dst, dstOff, srcLen);
        return srcLen;
    }

    @Override
    public String name() {
        return "None";
    }

    @Override
    public void close() {
        // stateless
    }
}
