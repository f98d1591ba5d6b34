package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The age filter of {@link S3Uploads}, on uploads with known start times. */
class S3UploadsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final S3Uploads.Upload OLD = new S3Uploads.Upload("a/old.tif", "u1", NOW.minusSeconds(3 * 86400));
    private static final S3Uploads.Upload DAY = new S3Uploads.Upload("a/day.tif", "u2", NOW.minusSeconds(86400));
    private static final S3Uploads.Upload NEW = new S3Uploads.Upload("a/new.tif", "u3", NOW.minusSeconds(60));

    @Test
    void keepsUploadsStartedAtOrAfterTheCutoffAndTakesAllWithoutOne() {
        List<S3Uploads.Upload> all = List.of(OLD, DAY, NEW);
        assertEquals(List.of(OLD), S3Uploads.startedBefore(all, NOW.minusSeconds(86400)), "exactly 24 h old stays");
        assertEquals(List.of(OLD, DAY), S3Uploads.startedBefore(all, NOW.minusSeconds(3600)));
        assertEquals(List.of(), S3Uploads.startedBefore(all, NOW.minusSeconds(4 * 86400)));
        assertEquals(all, S3Uploads.startedBefore(all, null));
    }
}
