package io.rastermill.core.geom;

import java.io.Serializable;

/**
 * A pixel position in a grid: column from the west edge, row from the north edge, both zero-based.
 *
 * <p>Values returned by {@code mapToGrid} may lie outside the grid (negative, or {@code >= cols/rows}): no clamping.
 *
 * @param col column, growing eastward
 * @param row row, growing southward
 */
public record GridCell(long col, long row) implements Serializable {}
