package io.rastermill.spark.layer;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.ZOrder;
import java.util.Arrays;
import org.apache.spark.Partitioner;

/**
 * Partitions keys by ranges of their Z-order index, so a partition holds spatial neighbours and
 * halo exchanges stay mostly within a partition. Range bounds are chosen by the planner so each
 * partition holds about the same number of pixels.
 */
public final class ZOrderPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    /** Partition p holds indexes in [upper[p-1], upper[p]); the last partition is open-ended. */
    private final long[] upperBounds;

    /** @param upperBounds exclusive upper Z index of every partition but the last, ascending */
    public ZOrderPartitioner(long[] upperBounds) {
        for (int i = 1; i < upperBounds.length; i++) {
            if (upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("partition bounds must ascend: " + Arrays.toString(upperBounds));
            }
        }
        this.upperBounds = upperBounds.clone();
    }

    /** Bounds splitting {@code sortedIndexes} (ascending, distinct) into groups of at most {@code perPartition}. */
    public static ZOrderPartitioner forSortedIndexes(long[] sortedIndexes, int perPartition) {
        int parts = Math.max(1, (sortedIndexes.length + perPartition - 1) / perPartition);
        long[] bounds = new long[parts - 1];
        for (int p = 1; p < parts; p++) {
            bounds[p - 1] = sortedIndexes[p * perPartition];
        }
        return new ZOrderPartitioner(bounds);
    }

    @Override
    public int numPartitions() {
        return upperBounds.length + 1;
    }

    @Override
    public int getPartition(Object key) {
        return partitionOfIndex(ZOrder.index((SpatialKey) key));
    }

    /** The partition of a Z-order index (of a key, or of a corner of an aligned block of keys). */
    public int partitionOfIndex(long z) {
        int i = Arrays.binarySearch(upperBounds, z);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZOrderPartitioner p && Arrays.equals(p.upperBounds, upperBounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(upperBounds);
    }
}
