package io.rastermill.core.focal;

import io.rastermill.core.tile.Tile;

/**
 * A focal computation: maps a {@link BufferedTile} whose halo is at least {@link #halo()} to a
 * tile of its centre's size. Implementations are immutable and thread-safe.
 */
public interface FocalKernel {
    /** The halo the kernel needs around each target cell. */
    int halo();

    /** The result for the centre of {@code input}. */
    Tile apply(BufferedTile input);
}
