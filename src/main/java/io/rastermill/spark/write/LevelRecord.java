package io.rastermill.spark.write;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import java.io.Serializable;

/**
 * What a level task emits: either where its part file's blocks of {@link #level} went ({@link #partFile} set:
 * {@code placed} = [block index, offset, length]...) or a quarter of block {@link #parent} of {@link #level}
 * ({@link #quadrant}, {@link #piece}). A plain class with a no-argument constructor so
 * Kryo's field serializer can persist it.
 */
final class LevelRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    String partFile;
    int level;
    long[] placed;
    SpatialKey parent;
    int quadrant;
    MultibandTile piece;

    LevelRecord() {}

    static LevelRecord placed(String partFile, int level, long[] placed) {
        LevelRecord r = new LevelRecord();
        r.partFile = partFile;
        r.level = level;
        r.placed = placed;
        return r;
    }

    static LevelRecord piece(int level, SpatialKey parent, int quadrant, MultibandTile piece) {
        LevelRecord r = new LevelRecord();
        r.level = level;
        r.parent = parent;
        r.quadrant = quadrant;
        r.piece = piece;
        return r;
    }

    boolean isPlacement() {
        return partFile != null;
    }
}
