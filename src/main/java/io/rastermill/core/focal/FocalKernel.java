package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/**
 * A focal computation — the one name for the idea in the core and the Spark layer: maps a
 * {@link BufferedTile} whose halo is at least {@link #halo()} to a tile of its centre's size.
 * Implementations are immutable, thread-safe and serializable (the Spark layer ships them to
 * executors). The built-in ops ({@link FocalOps}) are kernels; so is your own, built with
 * <ul>
 * <li>{@link #perCell}: a function of one cell's window, over primitive arrays, called once per cell;</li>
 * <li>{@link #perTile}: a function that fills a tile's results from its {@link FocalWindow} in its own loops
 *     (no call per cell: the fastest form, the one the built-in ops use);</li>
 * <li>{@link #of}: a function of the raw buffered tile, for anything else.</li>
 * </ul>
 */
public interface FocalKernel extends Serializable {
    /** The halo the kernel needs around each target cell. */
    int halo();

    /** The cell type of every result tile. */
    CellType resultCellType();

    /** The result for the centre of {@code input}. */
    Tile apply(BufferedTile input);

    /** A function of a whole buffered tile; its result is converted to the kernel's cell type if it differs. */
    @FunctionalInterface
    interface TileBody extends Serializable {
        Tile apply(BufferedTile input) throws Exception;
    }

    /**
     * Fills {@code out} (row-major, {@code window.cols() × window.rows()}, NaN = NoData) from the
     * window: once per tile.
     */
    @FunctionalInterface
    interface WindowBody extends Serializable {
        void apply(FocalWindow window, double[] out) throws Exception;
    }

    /**
     * The result of one cell (NaN = NoData) from the window, the cell's index in
     * {@code window.values()} and a scratch buffer of {@code neighbourhood.size()} slots that is reused
     * from cell to cell (e.g. for {@link FocalWindow#gather}).
     */
    @FunctionalInterface
    interface CellBody extends Serializable {
        double apply(FocalWindow window, int index, double[] scratch);
    }

    /** A kernel from a function of the whole buffered tile, of halo {@code halo}. */
    static FocalKernel of(int halo, CellType resultType, TileBody body) {
        return new FunctionKernels.OfTile(halo, resultType, body);
    }

    /** A kernel over {@code neighbourhood} that computes a tile's results in one call. */
    static FocalKernel perTile(Neighbourhood neighbourhood, CellType resultType, WindowBody body) {
        return new FunctionKernels.OfWindow(neighbourhood, resultType, body);
    }

    /** A kernel over {@code neighbourhood} that computes each cell's result in one call (NoData centres included). */
    static FocalKernel perCell(Neighbourhood neighbourhood, CellType resultType, CellBody body) {
        return perTile(neighbourhood, resultType, new FunctionKernels.EachCell(body));
    }
}
