package io.rastermill.io.codec;

import java.io.IOException;

/**
 * A compressed segment (strip or tile) could not be decoded: garbage, truncation, or output that does not match the
 * expected size. The message names the codec and the cause; callers add the file and the segment index.
 */
public final class CorruptSegmentException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String codec;

    public CorruptSegmentException(String codec, String cause) {
        super(codec + ": " + cause);
        this.codec = codec;
    }

    public CorruptSegmentException(String codec, String cause, Throwable underlying) {
        super(codec + ": " + cause, underlying);
        this.codec = codec;
    }

    /** The codec that rejected the segment, e.g. {@code "LZW"}. */
    public String codec() {
        return codec;
    }
}
