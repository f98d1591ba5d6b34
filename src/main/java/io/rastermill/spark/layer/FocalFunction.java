package io.rastermill.spark.layer;

import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.tile.Tile;

import java.io.Serializable;

/**
 * A user focal computation: from a tile buffered with its neighbours' cells ({@link BufferedTile}:
 * halo sides beyond the raster flagged outside) to the tile of its centre cells. Any
 * {@link io.rastermill.core.focal.FocalKernel} is one ({@code kernel::apply}).
 */
@FunctionalInterface
public interface FocalFunction extends Serializable {
    Tile apply(BufferedTile in) throws Exception;
}
