package io.rastermill.spark.sql;

import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.TileLayerMetadata;
import java.io.Serializable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where a frame's tiles lie, as the SQL struct {@code grid} that polygon functions take: the layout's north-west
 * corner, cell size and tile size. Tile {@code (col, row)} starts at cell {@code (col·tile_cols, row·tile_rows)} of
 * the grid, so polygons are rasterised on the whole grid as {@code zonal --polygons} does, whatever the tiling.
 */
record TileGrid(double xmin, double ymax, double cellWidth, double cellHeight, int tileCols, int tileRows)
        implements Serializable {
    static final StructType SCHEMA = new StructType()
            .add("xmin", DataTypes.DoubleType, false)
            .add("ymax", DataTypes.DoubleType, false)
            .add("cell_width", DataTypes.DoubleType, false)
            .add("cell_height", DataTypes.DoubleType, false)
            .add("tile_cols", DataTypes.IntegerType, false)
            .add("tile_rows", DataTypes.IntegerType, false);

    TileGrid {
        if (!(cellWidth > 0) || !(cellHeight > 0) || tileCols < 1 || tileRows < 1) {
            throw new IllegalArgumentException("grid: cell size and tile size must be positive, got " + cellWidth + "x"
                    + cellHeight + " cells in " + tileCols + "x" + tileRows + " tiles");
        }
    }

    static TileGrid of(TileLayerMetadata metadata) {
        LayoutDefinition layout = metadata.layout();
        return new TileGrid(
                layout.extent().xmin(),
                layout.extent().ymax(),
                layout.cellSize().width(),
                layout.cellSize().height(),
                layout.tileCols(),
                layout.tileRows());
    }

    /** The grid from its SQL struct ({@link #SCHEMA}); NULL fields are an error. */
    static TileGrid of(Row r) {
        for (int i = 0; i < SCHEMA.size(); i++) {
            if (r.isNullAt(i)) {
                throw new IllegalArgumentException("grid: " + SCHEMA.fields()[i].name() + " is NULL");
            }
        }
        return new TileGrid(r.getDouble(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getInt(4), r.getInt(5));
    }

    /** The struct as a literal column. */
    Column literal() {
        return functions.struct(
                functions.lit(xmin).as("xmin"),
                functions.lit(ymax).as("ymax"),
                functions.lit(cellWidth).as("cell_width"),
                functions.lit(cellHeight).as("cell_height"),
                functions.lit(tileCols).as("tile_cols"),
                functions.lit(tileRows).as("tile_rows"));
    }
}
