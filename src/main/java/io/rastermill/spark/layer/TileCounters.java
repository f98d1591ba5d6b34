package io.rastermill.spark.layer;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/** Makes {@link Counter}s that per-tile functions update on the executors and the driver reads. */
public final class TileCounters {
    private TileCounters() {}

    /** A new counter at 0, registered with {@code spark}'s context under {@code name}. */
    public static Counter counter(SparkSession spark, String name) {
        Objects.requireNonNull(name, "name");
        return new Counter(name, spark.sparkContext().longAccumulator(name));
    }
}
