package io.rastermill.core.layout;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.Extent;

/** Chooses the layout for data of a given extent and resolution, and moves between pyramid levels. */
public interface LayoutScheme {

    /** The level and layout for data covering {@code extent} at {@code cellSize}. */
    LayoutLevel levelFor(Extent extent, CellSize cellSize);

    /** The next coarser level. */
    LayoutLevel zoomOut(LayoutLevel level);

    /** The next finer level. */
    LayoutLevel zoomIn(LayoutLevel level);
}
