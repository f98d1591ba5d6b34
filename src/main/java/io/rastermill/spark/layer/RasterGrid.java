package io.rastermill.spark.layer;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import java.io.Serializable;

/**
 * The pixel grid of a layer: the raster's size in cells, anchored at the layout's upper-left corner,
 * and the tile size. It tells which part of each layout tile lies inside the raster (edge tiles are
 * padded east and south, as GeoTrellis pads them) without any floating point.
 */
record RasterGrid(long cols, long rows, int tileCols, int tileRows, CellType cellType, CellSize cellSize)
        implements Serializable {

    static RasterGrid of(TileLayerMetadata md) {
        LayoutDefinition layout = md.layout();
        double cw = layout.cellSize().width();
        double ch = layout.cellSize().height();
        long cols = Math.round((md.extent().xmax() - layout.extent().xmin()) / cw);
        long rows = Math.round((layout.extent().ymax() - md.extent().ymin()) / ch);
        return new RasterGrid(cols, rows, layout.tileCols(), layout.tileRows(), md.cellType(), layout.cellSize());
    }

    long x0(SpatialKey k) {
        return (long) k.col() * tileCols;
    }

    long y0(SpatialKey k) {
        return (long) k.row() * tileRows;
    }

    /** Columns of the key's tile that lie inside the raster (0 if none). */
    int innerCols(SpatialKey k) {
        return (int) Math.max(0, Math.min(tileCols, cols - x0(k)));
    }

    int innerRows(SpatialKey k) {
        return (int) Math.max(0, Math.min(tileRows, rows - y0(k)));
    }

    boolean isInside(SpatialKey k) {
        return k.col() >= 0 && k.row() >= 0 && innerCols(k) > 0 && innerRows(k) > 0;
    }

    /** The in-raster part of a layout tile. */
    Tile inner(SpatialKey k, Tile t) {
        int w = innerCols(k);
        int h = innerRows(k);
        return w == t.cols() && h == t.rows() ? t : t.crop(0, 0, w - 1, h - 1);
    }

    /** A layout-sized tile holding {@code inner} in its upper-left part, NoData (0 if raw) elsewhere. */
    Tile pad(Tile inner) {
        if (inner.cols() == tileCols && inner.rows() == tileRows) {
            return inner;
        }
        return TileBuilder.noData(inner.cellType(), tileCols, tileRows)
                .paste(inner, 0, 0)
                .build();
    }

    /** Which halo sides of the key's tile lie beyond the raster. */
    BufferedTile.Sides outside(SpatialKey k) {
        return new BufferedTile.Sides(outsideNorth(k), outsideSouth(k), outsideWest(k), outsideEast(k));
    }

    /** The same grid holding cells of another type. */
    RasterGrid withCellType(CellType ct) {
        return new RasterGrid(cols, rows, tileCols, tileRows, ct, cellSize);
    }

    boolean outsideNorth(SpatialKey k) {
        return k.row() == 0;
    }

    boolean outsideSouth(SpatialKey k) {
        return y0(k) + innerRows(k) >= rows;
    }

    boolean outsideWest(SpatialKey k) {
        return k.col() == 0;
    }

    boolean outsideEast(SpatialKey k) {
        return x0(k) + innerCols(k) >= cols;
    }
}
