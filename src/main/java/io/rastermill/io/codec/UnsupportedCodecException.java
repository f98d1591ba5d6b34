package io.rastermill.io.codec;

import java.io.IOException;

/**
 * A compression scheme or predictor that Rastermill does not decode (or a tag value it does not know), e.g.
 * {@code "unsupported compression JPEG (7)"}.
 */
public final class UnsupportedCodecException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCodecException(String message) {
        super(message);
    }
}
