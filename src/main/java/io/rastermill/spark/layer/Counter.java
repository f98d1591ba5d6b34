package io.rastermill.spark.layer;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.util.LongAccumulator;

/**
 * A named count that per-tile functions add to on the executors and the driver reads after an action
 * (a Spark long accumulator; it shows in the Spark UI under its name). Made by {@link TileCounters}.
 *
 * <p>Counts made inside transformations are exact only if every task runs once: a retried or
 * speculative task, or a layer computed twice (not persisted), counts again.
 */
public final class Counter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final LongAccumulator acc;

    Counter(String name, LongAccumulator acc) {
        this.name = Objects.requireNonNull(name, "name");
        this.acc = Objects.requireNonNull(acc, "acc");
    }

    /** Adds {@code n} (on an executor or the driver). */
    public void add(long n) {
        acc.add(n);
    }

    /** Adds 1. */
    public void increment() {
        acc.add(1);
    }

    /** The sum of every finished task's additions: read it on the driver, after an action. */
    public long value() {
        return acc.value();
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name() + " = " + value();
    }
}
