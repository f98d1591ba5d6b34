package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;

import java.io.Serializable;

/**
 * A focal computation: maps a {@link BufferedTile} whose halo is at least {@link #halo()} to a
 * tile of its centre's size. Implementations are immutable, thread-safe and serializable (the Spark
 * layer ships them to executors).
 */
public interface FocalKernel extends Serializable {
    /** The halo the kernel needs around each target cell. */
    int halo();

    /** The cell type of every result tile. */
    CellType resultCellType();

    /** The result for the centre of {@code input}. */
    Tile apply(BufferedTile input);
}
