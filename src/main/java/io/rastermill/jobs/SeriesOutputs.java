package io.rastermill.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of the outputs of a series (one GeoTIFF per scene of a space-time layer, one per composite window): the
 * output name given with a suffix before its extension, {@code out.tif} → {@code out_2024-06.tif}.
 */
final class SeriesOutputs {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SeriesOutputs() {}

    static String suffixed(String out, String suffix) {
        int slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
        int dot = out.lastIndexOf('.');
        if (dot <= slash + 1) {
            return out + "_" + suffix;
        }
        return out.substring(0, dot) + "_" + suffix + out.substring(dot);
    }

    /** A scene's suffix: its UTC instant to the second, {@code 20240601T103000Z}. */
    static String instant(long epochMillis) {
        return INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }
}
