package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/** A per-tile computation shipped to executors: a plain Java lambda over our tile API. */
@FunctionalInterface
public interface TileFunction extends Serializable {
    Tile apply(Tile tile) throws Exception;
}
