package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/** Combines the two tiles with the same key from two layers on one layout. */
@FunctionalInterface
public interface TileCombiner extends Serializable {
    Tile apply(Tile left, Tile right) throws Exception;
}
