package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;

import java.io.Serializable;

/** A focal computation: from a tile with a halo to the tile of its inner cells. */
@FunctionalInterface
interface HaloKernel extends Serializable {
    Tile apply(HaloTile in) throws Exception;
}
