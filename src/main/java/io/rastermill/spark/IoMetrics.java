package io.rastermill.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Named accumulators for the bytes Rastermill's tasks read from input files and write to output files.
 * Every layer read and every write registers its own; they show in the Spark UI under these names, and a
 * progress display sums the updates of finished tasks by name (a retried task counts again, so the figures
 * are the I/O done, not the file sizes).
 */
public final class IoMetrics {
    /** Name of the accumulators of bytes read from input files (compressed, as fetched). */
    public static final String BYTES_READ = "rastermill bytes read";
    /** Name of the accumulators of bytes written to output files (encoded blocks). */
    public static final String BYTES_WRITTEN = "rastermill bytes written";
    /**
     * Name of the accumulators of segments (tiles or strips) decoded from input files: a halo read decodes its
     * neighbours' segments too, unless the task's decoded-segment cache still holds them, so this against the file's
     * segment count says how often each was decoded.
     */
    public static final String SEGMENTS_DECODED = "rastermill segments decoded";

    private IoMetrics() {}

    /** A new accumulator of bytes read, registered with {@code sc}. */
    public static LongAccumulator bytesRead(SparkContext sc) {
        return sc.longAccumulator(BYTES_READ);
    }

    /** A new accumulator of segments decoded, registered with {@code sc}. */
    public static LongAccumulator segmentsDecoded(SparkContext sc) {
        return sc.longAccumulator(SEGMENTS_DECODED);
    }

    /** A new accumulator of bytes written, registered with {@code sc}. */
    public static LongAccumulator bytesWritten(SparkContext sc) {
        return sc.longAccumulator(BYTES_WRITTEN);
    }

    /**
     * Adds to an accumulator what a running total (such as a task's readers' bytes read so far) has grown by since the
     * last update, so that the accumulator follows a task tile by tile rather than only at its end. A null accumulator
     * counts nothing. Confined to its task's thread.
     */
    public static final class RunningTotal {
        private final LongAccumulator accumulator;
        private long counted;

        public RunningTotal(LongAccumulator accumulator) {
            this.accumulator = accumulator;
        }

        /** Adds {@code total}'s growth since the last update. */
        public void update(long total) {
            if (accumulator != null) {
                accumulator.add(total - counted);
                counted = total;
            }
        }
    }
}
