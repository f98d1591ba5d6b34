package io.rastermill.spark.layer;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/** A per-tile computation that also sees the tile's key (and so, with the metadata, its extent). */
@FunctionalInterface
public interface KeyedTileFunction extends Serializable {
    Tile apply(SpatialKey key, Tile tile) throws Exception;
}
