package io.rastermill.spark.write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where the blocks of one part file went, per level: (block index, offset, length) triples. Not thread-safe. */
final class Placements {
    private final long[][] placed;
    private final int[] length;

    Placements(int levels) {
        placed = new long[levels][];
        length = new int[levels];
    }

    void add(int level, long block, long offset, int bytes) {
        long[] p = placed[level];
        int n = length[level];
        if (p == null || n + 3 > p.length) {
            placed[level] = p = p == null ? new long[3 * 64] : Arrays.copyOf(p, p.length * 2);
        }
        p[n] = block;
        p[n + 1] = offset;
        p[n + 2] = bytes;
        length[level] = n + 3;
    }

    /** One placement record per level with blocks in the part file {@code name}. */
    List<LevelRecord> records(String name) {
        List<LevelRecord> records = new ArrayList<>();
        for (int l = 0; l < placed.length; l++) {
            if (length[l] > 0) {
                records.add(LevelRecord.placed(name, l, Arrays.copyOf(placed[l], length[l])));
            }
        }
        return records;
    }
}
