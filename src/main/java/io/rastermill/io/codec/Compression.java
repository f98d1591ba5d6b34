package io.rastermill.io.codec;

/**
 * TIFF Compression tag (259) values: the ones Rastermill decodes and encodes, and known ones it does not, so that
 * callers can report {@code "unsupported compression JPEG (7)"} instead of an anonymous number.
 */
public enum Compression {
    NONE(1, true),
    CCITT_RLE(2, false),
    CCITT_T4(3, false),
    CCITT_T6(4, false),
    LZW(5, true),
    OJPEG(6, false),
    JPEG(7, false),
    /** Deflate, the official tag value. */
    DEFLATE(8, true),
    NEXT(32766, false),
    CCITT_RLEW(32771, false),
    PACKBITS(32773, true),
    THUNDERSCAN(32809, false),
    /** Deflate, the value Adobe used before 8 was registered; same stream format. */
    ADOBE_DEFLATE(32946, true),
    JBIG(34661, false),
    SGILOG(34676, false),
    SGILOG24(34677, false),
    JPEG2000(34712, false),
    LERC(34887, false),
    /** Lossy JPEG as written in DNG. */
    JPEG_DNG_LOSSY(34892, false),
    LZMA(34925, false),
    ZSTD(50000, true),
    WEBP(50001, false),
    JPEGXL(50002, false);

    /** zlib's default level. */
    public static final int DEFAULT_DEFLATE_LEVEL = 6;
    /** GDAL's default ZSTD level. */
    public static final int DEFAULT_ZSTD_LEVEL = 9;

    private final int tag;
    private final boolean supported;

    Compression(int tag, boolean supported) {
        this.tag = tag;
        this.supported = supported;
    }

    /** The TIFF tag value. */
    public int tag() {
        return tag;
    }

    /** Whether {@link #newDecompressor()} and {@link #newCompressor(int)} work for this scheme. */
    public boolean isSupported() {
        return supported;
    }

    /**
     * The scheme of a TIFF Compression tag value, supported or not.
     *
     * @throws UnsupportedCodecException for a value that is not a known TIFF compression
     */
    public static Compression forTag(int tag) throws UnsupportedCodecException {
        for (Compression c : values()) {
            if (c.tag == tag) {
                return c;
            }
        }
        throw new UnsupportedCodecException("unknown compression tag value " + tag);
    }

    /** Decoded bytes any segment may claim regardless of its stored size (headers, tiny segments of small images). */
    public static final long DECODE_SLACK = 64 * 1024;

    /**
     * The most bytes {@code storedBytes} of this scheme can decode to, plus {@link #DECODE_SLACK}: Deflate at
     * most 1032 bytes per stored byte (258-byte matches in about 2 bits), LZW under 4096 (one 9..12-bit code
     * per string of at most 4096 bytes), PackBits 64 (a 2-byte run of 128), ZSTD 32768 (an RLE block of 128 KiB
     * in 4 bytes), NONE 1. A segment whose image layout needs more is forged: readers refuse it before
     * allocating its buffer, so a tiny file cannot make them allocate gigabytes. {@code Long.MAX_VALUE} for
     * unsupported schemes (nothing decodes them).
     */
    public long maxDecodedBytes(long storedBytes) {
        long ratio = switch (this) {
            case NONE -> 1;
            case PACKBITS -> 64;
            case DEFLATE, ADOBE_DEFLATE -> 1032;
            case LZW -> 4096;
            case ZSTD -> 32768;
            default -> 0;
        };
        if (ratio == 0 || storedBytes > (Long.MAX_VALUE - DECODE_SLACK) / ratio) {
            return Long.MAX_VALUE;
        }
        return storedBytes * ratio + DECODE_SLACK;
    }

    /** {@code "JPEG (7)"}. */
    public String describe() {
        return name() + " (" + tag + ")";
    }

    /**
     * A new decoder for this scheme; not thread-safe, one per thread. Deflate uses libdeflate when
     * {@link NativeDeflate} is available and selected ({@code -Drastermill.deflate=java|native|auto}).
     *
     * @throws UnsupportedCodecException if this scheme is not supported
     */
    public SegmentDecompressor newDecompressor() throws UnsupportedCodecException {
        switch (this) {
            case NONE:
                return UncompressedCodec.INSTANCE;
            case LZW:
                return new LzwDecompressor();
            case DEFLATE:
            case ADOBE_DEFLATE:
                return NativeDeflate.selected() ? new NativeDeflateDecompressor() : new DeflateDecompressor();
            case PACKBITS:
                return new PackBitsDecompressor();
            case ZSTD:
                try {
                    return new ZstdDecompressor();
                } catch (LinkageError e) {
                    throw zstdMissing(e);
                }
            default:
                throw unsupported();
        }
    }

    /**
     * A new encoder for this scheme at its default level; not thread-safe, one per thread.
     *
     * @throws UnsupportedCodecException if this scheme is not supported
     */
    public SegmentCompressor newCompressor() throws UnsupportedCodecException {
        switch (this) {
            case DEFLATE:
            case ADOBE_DEFLATE:
                return newCompressor(DEFAULT_DEFLATE_LEVEL);
            case ZSTD:
                return newCompressor(DEFAULT_ZSTD_LEVEL);
            default:
                return newCompressor(0);
        }
    }

    /**
     * A new encoder for this scheme; {@code level} applies to Deflate (0–9) and ZSTD (1–22) and is ignored otherwise.
     *
     * @throws UnsupportedCodecException if this scheme is not supported
     */
    public SegmentCompressor newCompressor(int level) throws UnsupportedCodecException {
        switch (this) {
            case NONE:
                return UncompressedCodec.INSTANCE;
            case LZW:
                return new LzwCompressor();
            case DEFLATE:
            case ADOBE_DEFLATE:
                DeflateCompressor.requireLevel(level);
                return NativeDeflate.selected() ? new NativeDeflateCompressor(level) : new DeflateCompressor(level);
            case PACKBITS:
                return new PackBitsCompressor();
            case ZSTD:
                try {
                    return new ZstdCompressor(level);
                } catch (LinkageError e) {
                    throw zstdMissing(e);
                }
            default:
                throw unsupported();
        }
    }

    private static UnsupportedCodecException zstdMissing(LinkageError e) {
        UnsupportedCodecException u = new UnsupportedCodecException(
                "ZSTD (50000) needs com.github.luben:zstd-jni on the classpath (Spark provides it): " + e);
        u.initCause(e);
        return u;
    }

    private UnsupportedCodecException unsupported() {
        return new UnsupportedCodecException("unsupported compression " + describe());
    }
}
