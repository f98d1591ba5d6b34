package io.rastermill.spark.warp;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.warp.WarpGrid;
import java.io.Serializable;

/**
 * One source of a warp as its header describes it.
 *
 * @param uri       path or Hadoop URI
 * @param grid      its grid and CRS (the file's, or the one the user assigned)
 * @param bandCount bands
 * @param cellType  the file's cell type, its NoData included
 */
public record WarpSource(String uri, WarpGrid grid, int bandCount, CellType cellType) implements Serializable {}
