package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;

import java.io.Serializable;

/**
 * A tile's in-raster cells with {@code halo} cells of context on every side, as the Spark layer hands
 * them to focal kernels. {@code outside*} says whether that side's halo lies beyond the raster (its
 * cells are then NoData fillers, not data); halo cells inside the raster hold the neighbours' cells.
 */
record HaloTile(Tile tile, int halo, boolean outsideNorth, boolean outsideSouth, boolean outsideWest,
                boolean outsideEast) implements Serializable {

    int innerCols() {
        return tile.cols() - 2 * halo;
    }

    int innerRows() {
        return tile.rows() - 2 * halo;
    }
}
