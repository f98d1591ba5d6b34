package io.rastermill.spark.sql;

import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.zonal.PolygonRasterizer;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.core.zonal.ZoneSpec;
import io.rastermill.core.zonal.ZoneTable;
import java.io.Serializable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The buffer of {@code rm_agg_polygon_stats} and {@code rm_agg_polygon_percentiles}: the cells of one polygon over the
 * tiles of a group in one zone accumulator, the polygon rasterised per tile by {@link PolygonRasterizer} on the whole
 * grid, as {@code zonal --polygons} does. The accumulator's kind (statistics, exact or binned percentiles) is chosen
 * at the first tile the polygon covers, by its cell type. The parsed polygon is kept between rows (a group is usually
 * one polygon), never serialized.
 * Public only because Spark's serialization encoder takes public classes; its members are the package's.
 */
public final class PolygonCells implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int ZONE = 0;

    /** The call's percentiles (0..100), for the percentile forms; null until the first row. */
    double[] percents;
    /** Null until the polygon covers a cell. */
    private ZoneTable table;

    private transient String wkt;
    private transient TileGrid grid;
    private transient PolygonRasterizer polygon;
    private transient PolygonRasterizer.Scratch scratch;
    private transient int[] cells;

    /**
     * Adds the cells of {@code tile} (tile {@code (col, row)} of {@code grid}, in-raster cells only) that belong to
     * the polygon {@code wkt}; the tile is decoded only when the polygon's envelope reaches it.
     */
    PolygonCells add(byte[] tile, int col, int row, String wkt, TileGrid grid, boolean allTouched, Kind kind) {
        PolygonRasterizer p = rasterizer(wkt, grid);
        long x0 = (long) col * grid.tileCols();
        long y0 = (long) row * grid.tileRows();
        if (col < 0 || row < 0 || !p.mayIntersect(x0, y0, grid.tileCols(), grid.tileRows())) {
            return this;
        }
        Tile t = TileBytes.decode(tile);
        if (t.cols() > grid.tileCols() || t.rows() > grid.tileRows()) {
            throw new IllegalArgumentException("tile (" + col + ", " + row + ") is " + t.cols()
                    + "x" + t.rows() + " cells, larger than the grid's " + grid.tileCols() + "x" + grid.tileRows()
                    + " tiles");
        }
        int size = t.cols() * t.rows();
        if (cells == null || cells.length < size) {
            cells = new int[size];
        }
        if (scratch == null) {
            scratch = new PolygonRasterizer.Scratch();
        }
        int n = p.cells(x0, y0, t.cols(), t.rows(), allTouched, cells, scratch);
        if (n > 0) {
            if (table == null) {
                table = new ZoneTable(kind.forCells(t.cellType().isFloatingPoint()));
            }
            if (t.cellType().isFloatingPoint()) {
                table.addCells(ZONE, t.toDoubleLane(), cells, n);
            } else {
                table.addCells(ZONE, t.toIntLane(), cells, n);
            }
        }
        return this;
    }

    private PolygonRasterizer rasterizer(String text, TileGrid g) {
        if (polygon != null && g.equals(grid) && text.equals(wkt)) {
            return polygon;
        }
        Geometry geometry;
        try {
            geometry = new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not WKT: " + abbreviated(text) + " (" + e.getMessage() + ")", e);
        }
        try {
            polygon = new PolygonRasterizer(geometry, g.xmin(), g.ymax(), g.cellWidth(), g.cellHeight());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(abbreviated(text) + ": " + e.getMessage(), e);
        }
        wkt = text;
        grid = g;
        return polygon;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
    }

    PolygonCells merge(PolygonCells other) {
        if (other.table != null) {
            table = table == null ? new ZoneTable(other.table.spec()).merge(other.table) : table.merge(other.table);
        }
        return this;
    }

    /** The polygon's accumulator, or null when it covers no cell. */
    ZoneAccumulator cells() {
        return table == null ? null : table.zones().get(ZONE);
    }

    /** The statistics of the polygon's cells; no cells: none, with no data. */
    Statistics statistics() {
        ZoneAccumulator acc = cells();
        return (acc == null ? ZoneAccumulator.statistics() : acc).finish();
    }

    /** What the accumulator keeps, by the values' lane: chosen when the polygon first covers cells. */
    @FunctionalInterface
    interface Kind {
        ZoneSpec forCells(boolean floating);
    }
}
