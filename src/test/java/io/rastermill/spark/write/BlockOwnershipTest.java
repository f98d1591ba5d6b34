package io.rastermill.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.spark.layer.ZOrderPartitioner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which partition holds all the tiles under an overview block, for Z-order range partitions. */
class BlockOwnershipTest {
    // 8 x 8 tiles in four partitions of 16 Z indexes: the four 4 x 4 quadrants
    private final BlockOwnership quadrants = new BlockOwnership(new ZOrderPartitioner(new long[] {16, 32, 48}));

    @Test
    void aPartitionOwnsTheAlignedBlocksInsideItsRange() {
        assertEquals(0, quadrants.owner(0, new SpatialKey(3, 3)));
        assertEquals(1, quadrants.owner(0, new SpatialKey(4, 0)), "Z index 16: col 4 is bit 4");
        assertEquals(2, quadrants.owner(1, new SpatialKey(1, 3)), "tiles (2..3, 6..7): rows 4..7, cols 0..3");
        assertEquals(3, quadrants.owner(2, new SpatialKey(1, 1)), "tiles (4..7, 4..7)");
        assertEquals(-1, quadrants.owner(3, new SpatialKey(0, 0)), "the whole raster spans all four");
    }

    @Test
    void unevenRangesOwnOnlyWhatTheyHoldWhole() {
        BlockOwnership uneven = new BlockOwnership(new ZOrderPartitioner(new long[] {6}));
        assertEquals(0, uneven.owner(1, new SpatialKey(0, 0)), "Z 0..3");
        assertEquals(-1, uneven.owner(1, new SpatialKey(1, 0)), "Z 4..7 straddles the bound 6");
        assertEquals(1, uneven.owner(1, new SpatialKey(0, 1)), "Z 8..11");
    }

    @Test
    void theDriverMergesFourQuartersPerBlockNoPartitionHolds() {
        List<LevelShape> levels = List.of(
                new LevelShape(800, 800, 8, 8),
                new LevelShape(400, 400, 4, 4),
                new LevelShape(200, 200, 2, 2),
                new LevelShape(100, 100, 1, 1));
        assertEquals(4 * 10, quadrants.driverMergeBytes(levels, 10), "only the top block");
        assertEquals(4, levels.get(0).childrenUnder(3, 3));
        assertEquals(2, new LevelShape(700, 800, 7, 8).childrenUnder(3, 3), "one column past the edge");
        assertEquals(1, new LevelShape(100, 100, 1, 1).childrenUnder(0, 0));
    }
}
