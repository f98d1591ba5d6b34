package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void tagValuesFollowTheTiffRegistry() throws Exception {
        assertEquals(Compression.NONE, Compression.forTag(1));
        assertEquals(Compression.LZW, Compression.forTag(5));
        assertEquals(Compression.DEFLATE, Compression.forTag(8));
        assertEquals(Compression.ADOBE_DEFLATE, Compression.forTag(32946));
        assertEquals(Compression.PACKBITS, Compression.forTag(32773));
        assertEquals(Compression.ZSTD, Compression.forTag(50000));
        assertEquals(Compression.JPEG, Compression.forTag(7));
        assertEquals(Compression.LERC, Compression.forTag(34887));
        assertEquals(Compression.WEBP, Compression.forTag(50001));
    }

    @Test
    void supportedSchemesHaveCodecs() throws Exception {
        for (Compression c : Compression.values()) {
            if (c.isSupported()) {
                try (SegmentDecompressor d = c.newDecompressor();
                        SegmentCompressor e = c.newCompressor()) {
                    assertEquals(d.name(), e.name());
                }
            }
        }
        assertTrue(Compression.ADOBE_DEFLATE.isSupported());
    }

    @Test
    void unsupportedSchemeIsNamed() throws Exception {
        Compression jpeg = Compression.forTag(7);
        assertFalse(jpeg.isSupported());
        UnsupportedCodecException e = assertThrows(UnsupportedCodecException.class, jpeg::newDecompressor);
        assertEquals("unsupported compression JPEG (7)", e.getMessage());
        assertThrows(UnsupportedCodecException.class, () -> Compression.JPEG2000.newCompressor());
    }

    @Test
    void unknownTagNamesTheValue() {
        UnsupportedCodecException e = assertThrows(UnsupportedCodecException.class, () -> Compression.forTag(12345));
        assertEquals("unknown compression tag value 12345", e.getMessage());
    }
}
