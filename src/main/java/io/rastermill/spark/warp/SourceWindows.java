package io.rastermill.spark.warp;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.warp.SourceWindow;
import java.io.IOException;
import java.util.OptionalDouble;

/** Reads the source cells a {@link io.rastermill.core.warp.BlockWarp} asked for: the executor step every warp shares. */
public final class SourceWindows {
    private SourceWindows() {}

    /**
     * The cells {@code need} of band {@code band} (0-based) of source {@code source} (an index into {@code readers}'
     * sources), in the double lane (NoData as NaN, {@code sourceNoData} replacing the file's when present).
     *
     * @param forWhat what the window is for (a tile), named in the error
     * @throws IllegalStateException naming the source, the window and {@code forWhat} when it cannot be read
     */
    public static SourceWindow read(
            SourceReaders readers, int source, GridBounds need, int band, OptionalDouble sourceNoData, String forWhat) {
        Tile cells;
        try {
            cells = readers.read(source, need, new int[] {band}).band(0);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "warp: reading window " + need + " of "
                            + readers.source(source).uri() + " for " + forWhat + ": " + e.getMessage(),
                    e);
        }
        if (sourceNoData.isPresent()) {
            cells = cells.interpretAs(cells.cellType().withNoData(sourceNoData));
        }
        return new SourceWindow(
                cells.toDoubleLane(), (int) need.colMin(), (int) need.rowMin(), cells.cols(), cells.rows());
    }
}
