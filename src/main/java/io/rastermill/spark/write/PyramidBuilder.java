package io.rastermill.spark.write;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import io.rastermill.io.geotiff.OverviewBlockReducer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the blocks of one file and reduces them into their overview parents where it can: each block goes to the
 * block sink encoded, and its quarter of the parent ({@link OverviewBlockReducer#quarter}) either waits here, if
 * this builder is to see every block under that parent (the owner says so), or goes to the piece sink, to be merged
 * where all the parent's quarters meet. A parent whose quarters are all here is assembled
 * ({@link OverviewBlockReducer#assemble}) and handled like any block, up the pyramid. So a level-0 task holding a
 * 2<sup>k</sup>-aligned square of tiles writes k overview levels of it itself, and the driver, owning everything,
 * finishes the few top blocks from the pieces. Blocks come out exactly as the writer's level-by-level reduction
 * makes them (the same quarters, assembled the same way).
 *
 * <p>Not thread-safe: one per task, or the driver's own.
 */
final class PyramidBuilder {
    /** Where encoded blocks go. */
    interface BlockSink {
        /** The block's stored bytes are {@code bytes[0, length)}, valid only during the call (the encoder's buffer). */
        void block(int level, SpatialKey key, byte[] bytes, int length) throws IOException;
    }

    /** Where quarters of parents this builder does not own go. */
    interface PieceSink {
        void piece(int level, SpatialKey parent, int quadrant, MultibandTile quarter);
    }

    /** Whether every block under {@code key} of {@code level} comes to this builder. */
    interface Owner {
        boolean owns(int level, SpatialKey key);
    }

    private final String location;
    private final List<LevelShape> levels;
    private final GeoTiffBlockEncoder encoder;
    private final OverviewBlockReducer reducer;
    private final Owner owner;
    private final BlockSink blocks;
    private final PieceSink pieces;
    private final List<Map<SpatialKey, MultibandTile[]>> waiting = new ArrayList<>();

    /** Blocks of any of {@code levels} can be {@link #add}ed; overviews are built up to the last of them. */
    PyramidBuilder(
            WriteSpec spec,
            List<LevelShape> levels,
            GeoTiffBlockEncoder encoder,
            Owner owner,
            BlockSink blocks,
            PieceSink pieces) {
        this.location = spec.location;
        this.levels = levels;
        this.encoder = encoder;
        this.reducer = levels.size() > 1 ? new OverviewBlockReducer(spec.description(), spec.options()) : null;
        this.owner = owner;
        this.blocks = blocks;
        this.pieces = pieces;
        for (int j = 0; j < levels.size(); j++) {
            waiting.add(new HashMap<>());
        }
    }

    /** Encodes block {@code key} of {@code level}, and passes its quarter of the parent on. */
    void add(int level, SpatialKey key, MultibandTile block) throws IOException {
        int length;
        try {
            length = encoder.encodeInPlace(block);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    location + ": block " + key + " of level " + level + ": " + e.getMessage(), e);
        }
        blocks.block(level, key, encoder.encoded(), length);
        if (level + 1 >= levels.size()) {
            return;
        }
        LevelShape g = levels.get(level);
        SpatialKey parent = new SpatialKey(key.col() / 2, key.row() / 2);
        int quadrant = (key.row() & 1) * 2 + (key.col() & 1);
        MultibandTile quarter = reducer.quarter(key.col(), key.row(), block, g.width(), g.height());
        if (owner.owns(level + 1, parent)) {
            addQuarter(level + 1, parent, quadrant, quarter);
        } else {
            pieces.piece(level + 1, parent, quadrant, quarter);
        }
    }

    /** A quarter of block {@code parent} of {@code level} (owned); the block is built once all its quarters are in. */
    void addQuarter(int level, SpatialKey parent, int quadrant, MultibandTile quarter) throws IOException {
        Map<SpatialKey, MultibandTile[]> atLevel = waiting.get(level);
        MultibandTile[] quarters = atLevel.computeIfAbsent(parent, k -> new MultibandTile[4]);
        if (quarters[quadrant] != null) {
            throw new IllegalStateException(location + ": quarter " + quadrant + " of block " + parent + " of level "
                    + level + " arrived twice");
        }
        quarters[quadrant] = quarter;
        int present = 0;
        for (MultibandTile q : quarters) {
            present += q == null ? 0 : 1;
        }
        if (present == levels.get(level - 1).childrenUnder(parent.col(), parent.row())) {
            atLevel.remove(parent);
            add(level, parent, reducer.assemble(quarters));
        }
    }

    /**
     * Builds the parents still waiting for quarters that will not come (their blocks are missing from the layer:
     * NoData), lowest level first, so that each feeds the next.
     */
    void finish() throws IOException {
        for (int j = 1; j < levels.size(); j++) {
            Map<SpatialKey, MultibandTile[]> atLevel = waiting.get(j);
            List<SpatialKey> keys = new ArrayList<>(atLevel.keySet());
            keys.sort(Comparator.comparingInt(SpatialKey::row).thenComparingInt(SpatialKey::col));
            for (SpatialKey k : keys) {
                add(j, k, reducer.assemble(atLevel.remove(k)));
            }
        }
    }
}
