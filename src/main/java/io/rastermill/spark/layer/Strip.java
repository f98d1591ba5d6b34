package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/**
 * Cells a tile sends to a neighbour for its halo: where they go in the neighbour's buffered tile
 * (col, row) and the cells. Only these strips cross the network in a halo exchange, never whole tiles.
 */
public record Strip(int col, int row, Tile cells) implements Serializable {}
