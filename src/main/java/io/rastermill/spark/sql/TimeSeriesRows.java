package io.rastermill.spark.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;

/** Reading the time-series aggregates' input rows: the tile and its time, whatever Java type Spark hands over. */
final class TimeSeriesRows {
    private TimeSeriesRows() {}

    /**
     * The time in column {@code i}: a {@code Timestamp} or an {@code Instant} (with
     * {@code spark.sql.datetime.java8API.enabled}); a {@code LocalDateTime} (TIMESTAMP_NTZ) is taken as UTC.
     *
     * @throws IllegalArgumentException naming the function and the time column if it is NULL
     */
    static Instant time(Row in, int i, String function) {
        Object v = in.get(i);
        if (v == null) {
            throw new IllegalArgumentException(function + ": the time column (argument " + (i + 1)
                    + ") is NULL for a tile; every tile needs its time");
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) v;
    }
}
