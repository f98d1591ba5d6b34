package io.rastermill.spark.write;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.ZOrder;
import io.rastermill.spark.layer.ZOrderPartitioner;
import java.io.Serializable;
import java.util.List;

/**
 * Which level-0 partition holds every tile under an overview block. The level-0 blocks are partitioned by Z-order
 * ranges, and the tiles under block {@code (c, r)} of level {@code j} are the aligned Z range
 * {@code [z·4^j, (z + 1)·4^j)} with {@code z} the block's own Z index: one partition holds them all iff it holds
 * both ends. Such a block can be reduced inside that partition's task; the others are merged on the driver.
 * Immutable.
 */
final class BlockOwnership implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ZOrderPartitioner partitioner;

    BlockOwnership(ZOrderPartitioner partitioner) {
        this.partitioner = partitioner;
    }

    /** The partition holding every tile under block {@code key} of {@code level}, or -1 if no one partition does. */
    int owner(int level, SpatialKey key) {
        long z = ZOrder.index(key);
        if (level == 0) {
            return partitioner.partitionOfIndex(z);
        }
        if (level > 30 || z >= 1L << (62 - 2 * level)) {
            return -1;
        }
        long first = z << (2 * level);
        long last = first + (1L << (2 * level)) - 1;
        int p = partitioner.partitionOfIndex(first);
        return p == partitioner.partitionOfIndex(last) ? p : -1;
    }

    /**
     * An upper bound of the bytes of quarter blocks the driver receives and holds: four per overview block no
     * partition holds whole.
     */
    long driverMergeBytes(List<LevelShape> levels, long quarterBytes) {
        long bytes = 0;
        for (int j = 1; j < levels.size(); j++) {
            LevelShape g = levels.get(j);
            for (int r = 0; r < g.down(); r++) {
                for (int c = 0; c < g.across(); c++) {
                    if (owner(j, new SpatialKey(c, r)) < 0) {
                        bytes += 4 * quarterBytes;
                    }
                }
            }
        }
        return bytes;
    }
}
