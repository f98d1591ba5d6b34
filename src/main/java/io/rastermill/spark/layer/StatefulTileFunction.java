package io.rastermill.spark.layer;

import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/**
 * A per-tile computation that uses what a {@link TaskSetup} loaded: {@code in} is a {@link Tile} for
 * {@link TileLayer#mapTiles(TaskSetup, StatefulTileFunction, io.rastermill.core.cell.CellType)}, a
 * {@link io.rastermill.core.focal.BufferedTile} for
 * {@link TileLayer#focal(int, TaskSetup, StatefulTileFunction, io.rastermill.core.cell.CellType)}.
 */
@FunctionalInterface
public interface StatefulTileFunction<S, T> extends Serializable {
    Tile apply(S state, T in) throws Exception;
}
