package io.rastermill.spark.layerstore;

import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.io.layerstore.KeyIndex;
import io.rastermill.io.layerstore.LayerId;
import io.rastermill.io.layerstore.LayerStoreException;
import java.io.Serializable;
import java.util.Comparator;

/**
 * What spatial and space-time layers do differently with their keys; everything else (the write protocol, the
 * backends' files, the read path and its errors) is the same code for both.
 */
final class LayerKeys<K> implements Serializable {
    static final LayerKeys<SpatialKey> SPATIAL = new LayerKeys<>(
            true, LayerKeys::spatialIndex, (SpatialKey key) -> key, Comparator.<SpatialKey>naturalOrder());
    static final LayerKeys<SpaceTimeKey> SPACE_TIME = new LayerKeys<>(
            false, LayerKeys::spaceTimeIndex, SpaceTimeKey::spatialKey, Comparator.<SpaceTimeKey>naturalOrder());

    /** The key index value of a key (shipped to tasks, so serializable). */
    interface Index<K> extends Serializable {
        long of(LayerId id, KeyIndex ki, K key);
    }

    /** The spatial part of a key (shipped to tasks, so serializable). */
    interface Space<K> extends Serializable {
        SpatialKey of(K key);
    }

    private final boolean oneToOne;
    private final Index<K> index;
    private final Space<K> space;
    private final Comparator<K> order;

    private LayerKeys(boolean oneToOne, Index<K> index, Space<K> space, Comparator<K> order) {
        this.oneToOne = oneToOne;
        this.index = index;
        this.space = space;
        this.order = order;
    }

    /**
     * The key index value that names the key's tile file or MapFile record.
     *
     * @throws LayerStoreException if the key lies outside the index's bounds (no reader would look for it)
     */
    long index(LayerId id, KeyIndex ki, K key) {
        return index.of(id, ki, key);
    }

    /**
     * Whether every key has an index of its own (the spatial curves): then each tile is a file or record of its own
     * and a writer needs no shuffle to gather them, and a stored layer can be overwritten or updated tile by tile.
     * The space-time Z index bins instants, so several tiles share one index.
     */
    boolean oneToOne() {
        return oneToOne;
    }

    SpatialKey spatialKey(K key) {
        return space.of(key);
    }

    /** The order of the pairs within one record: the same tiles always encode to the same bytes. */
    Comparator<K> order() {
        return order;
    }

    private static long spatialIndex(LayerId id, KeyIndex ki, SpatialKey key) {
        if (!ki.keyBounds().includes(key)) {
            throw new LayerStoreException(
                    id + ": tile " + key + " lies outside the layer's key index bounds " + ki.keyBounds());
        }
        return ki.toIndex(key);
    }

    private static long spaceTimeIndex(LayerId id, KeyIndex ki, SpaceTimeKey key) {
        KeyIndex.ZSpaceTime st = (KeyIndex.ZSpaceTime) ki;
        if (!st.keyBounds().includes(key.spatialKey()) || !st.time().includes(key.instant())) {
            throw new LayerStoreException(
                    id + ": tile " + key + " lies outside the layer's bounds " + st.keyBounds() + ", " + st.time());
        }
        return st.toIndex(key);
    }
}
