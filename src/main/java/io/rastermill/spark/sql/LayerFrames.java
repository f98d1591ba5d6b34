package io.rastermill.spark.sql;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.focal.BufferedTileBytes;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * A layer as a {@code Dataset<Row>} and back: one row per tile with the key columns {@code col} and
 * {@code row} and the tile in {@code tile}, a binary column in the compact {@link TileBytes} form.
 * Rows hold the in-raster cells (edge tiles are cropped, not padded), so SQL statistics are exact.
 * {@link RastermillSql} registers SQL functions that take and return such tiles, so a layer can be
 * queried from {@code %sql}. The metadata stays with the caller: a DataFrame has no place for it.
 */
public final class LayerFrames {
    public static final String COL = "col";
    public static final String ROW = "row";
    public static final String TILE = "tile";
    /** The column of {@link #toBufferedDataFrame}: a tile with its halo in the {@link BufferedTileBytes} form. */
    public static final String BUFFERED = "buffered";
    /** The time column of a space-time layer's frame ({@link #toDataFrame(SparkSession, SpaceTimeLayer)}). */
    public static final String INSTANT = "instant";

    public static final StructType SCHEMA = new StructType()
            .add(COL, DataTypes.IntegerType, false)
            .add(ROW, DataTypes.IntegerType, false)
            .add(TILE, DataTypes.BinaryType, false);
    public static final StructType BUFFERED_SCHEMA = new StructType()
            .add(COL, DataTypes.IntegerType, false)
            .add(ROW, DataTypes.IntegerType, false)
            .add(BUFFERED, DataTypes.BinaryType, false);
    public static final StructType SPACE_TIME_SCHEMA = new StructType()
            .add(COL, DataTypes.IntegerType, false)
            .add(ROW, DataTypes.IntegerType, false)
            .add(INSTANT, DataTypes.TimestampType, false)
            .add(TILE, DataTypes.BinaryType, false);

    private LayerFrames() {}

    public static Dataset<Row> toDataFrame(SparkSession spark, TileLayer layer) {
        // In-raster cells only: edge tiles are cropped, so SQL statistics never count layout padding.
        JavaRDD<Row> rows = layer.innerTiles()
                .map(kv -> RowFactory.create(kv._1().col(), kv._1().row(), TileBytes.encode(kv._2())));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * A space-time layer (or a scene series, {@code SceneSeries.read}) as one row per tile and instant: {@code col},
     * {@code row}, {@code instant} (a TIMESTAMP, UTC) and {@code tile}, edge tiles cropped as in the spatial frame.
     * The time-series aggregates ({@code rm_composite}, {@code rm_trend}, ...) reduce it grouped by {@code col, row}
     * into a frame that {@link #toLayer} turns back into a layer of {@code layer.metadata()}'s layout; grouped by
     * {@code col, row} and a time window, into one that {@link #toSpaceTimeLayer} turns back into a space-time layer.
     */
    public static Dataset<Row> toDataFrame(SparkSession spark, SpaceTimeLayer layer) {
        TileLayerMetadata md = layer.metadata();
        JavaRDD<Row> rows = layer.rdd()
                .map(kv -> {
                    Tile inner = TileLayers.innerTile(md, kv._1().spatialKey(), kv._2());
                    return inner == null
                            ? null
                            : RowFactory.create(
                                    kv._1().col(),
                                    kv._1().row(),
                                    Timestamp.from(Instant.ofEpochMilli(kv._1().instant())),
                                    TileBytes.encode(inner));
                })
                .filter(Objects::nonNull);
        return spark.createDataFrame(rows, SPACE_TIME_SCHEMA);
    }

    /**
     * One row per tile with {@code col}, {@code row} and {@code buffered}: the tile's in-raster cells with
     * {@code halo} cells of its neighbours around them (read with the window, or exchanged as strips, as
     * {@code layer.focal} does), sides beyond the raster flagged outside. The focal SQL functions
     * ({@code rm_focal}, {@code rm_slope}, ...) take this column and return the tile's own cells, as
     * {@link #toDataFrame} holds them.
     */
    public static Dataset<Row> toBufferedDataFrame(SparkSession spark, TileLayer layer, int halo) {
        JavaRDD<Row> rows = layer.buffered(halo)
                .map(kv -> RowFactory.create(kv._1().col(), kv._1().row(), BufferedTileBytes.encode(kv._2())));
        return spark.createDataFrame(rows, BUFFERED_SCHEMA);
    }

    /**
     * The {@code grid} argument of {@code rm_agg_polygon_stats} for frames of a layer with this metadata: its layout's
     * north-west corner, cell size and tile size as a literal struct column.
     */
    public static Column grid(TileLayerMetadata metadata) {
        return TileGrid.of(metadata).literal();
    }

    /** Edge tiles come back padded to the layout's tile size with NoData (0 for raw types). */
    private static Tile layoutSized(Tile t, int cols, int rows) {
        if (t.cols() == cols && t.rows() == rows) {
            return t;
        }
        if (t.cols() > cols || t.rows() > rows) {
            throw new IllegalArgumentException("a " + t.cols() + "x" + t.rows() + " tile does not fit the layout's "
                    + cols + "x" + rows + " tiles");
        }
        return TileBuilder.noData(t.cellType(), cols, rows).paste(t, 0, 0).build();
    }

    /**
     * Back to a layer. The frame needs the {@code col}, {@code row} and {@code tile} columns (other
     * columns are ignored); {@code metadata} describes the layout the tiles are on.
     *
     * @throws IllegalArgumentException naming the missing or mistyped column
     */
    public static TileLayer toLayer(Dataset<Row> frame, TileLayerMetadata metadata) {
        requireColumns(frame, SCHEMA);
        int tileCols = metadata.layout().tileCols();
        int tileRows = metadata.layout().tileRows();
        JavaPairRDD<SpatialKey, Tile> rdd = frame.select(COL, ROW, TILE)
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(
                        new SpatialKey(r.getInt(0), r.getInt(1)),
                        layoutSized(TileBytes.decode((byte[]) r.get(2)), tileCols, tileRows)));
        return TileLayers.fromRdd(rdd, metadata);
    }

    /**
     * Back to a space-time layer that {@code SpaceTimeLayerStore.write} stores: the frame needs {@code col},
     * {@code row} (INT), {@code instant} (TIMESTAMP) and {@code tile} (BINARY) columns (others are ignored), at most one
     * row per (col, row, instant), e.g. {@code rm_composite} results grouped by {@code col, row} and a month. Tiles are
     * {@code metadata}'s cell type, and either layout-sized or cropped at the raster's edge as {@link
     * #toDataFrame(SparkSession, SpaceTimeLayer)} gives them (padded back with NoData); the time bounds are the frame's
     * first and last instant. The columns, keys and time range are checked here (two small jobs over the key columns),
     * the tiles as they are decoded.
     *
     * @throws IllegalArgumentException naming a missing or mistyped column, a duplicate key, or (when the layer is
     *                                  evaluated) the key of a tile of another cell type or size
     */
    public static SpaceTimeLayer toSpaceTimeLayer(Dataset<Row> frame, TileLayerMetadata metadata) {
        requireColumns(frame, SPACE_TIME_SCHEMA);
        Dataset<Row> keys = frame.select(COL, ROW, INSTANT);
        Row span = keys.agg(functions.min(INSTANT), functions.max(INSTANT), functions.count(functions.lit(1)))
                .first();
        if (span.getLong(2) == 0) {
            throw new IllegalArgumentException("the frame has no rows: a space-time layer needs at least one tile");
        }
        if (span.isNullAt(0)) {
            throw new IllegalArgumentException("the frame's '" + INSTANT + "' column is NULL in every row");
        }
        List<Row> twice = keys.groupBy(COL, ROW, INSTANT)
                .count()
                .filter(functions.col("count").gt(1))
                .limit(1)
                .collectAsList();
        if (!twice.isEmpty()) {
            Row d = twice.get(0);
            throw new IllegalArgumentException("the frame has " + d.getLong(3) + " rows for the key "
                    + spaceTimeKey(d, 0, 1, 2) + "; a space-time layer holds one tile per (col, row, instant)");
        }
        TemporalBounds time = new TemporalBounds(epochMillis(span.get(0)), epochMillis(span.get(1)));
        CellType ct = metadata.cellType();
        int tileCols = metadata.layout().tileCols();
        int tileRows = metadata.layout().tileRows();
        JavaPairRDD<SpaceTimeKey, Tile> rdd = frame.select(COL, ROW, INSTANT, TILE)
                .javaRDD()
                .mapToPair(r -> {
                    SpaceTimeKey k = spaceTimeKey(r, 0, 1, 2);
                    if (r.isNullAt(3)) {
                        throw new IllegalArgumentException("tile " + k + " is NULL");
                    }
                    Tile t = TileBytes.decode((byte[]) r.get(3));
                    if (!t.cellType().equals(ct)) {
                        throw new IllegalArgumentException(
                                "tile " + k + " is " + t.cellType().name() + "; the layer's cell type is " + ct.name()
                                        + " (convert it, or give that type)");
                    }
                    int[] inner = TileLayers.innerSize(metadata, k.spatialKey());
                    boolean layoutSize = t.cols() == tileCols && t.rows() == tileRows;
                    if (!layoutSize && (t.cols() != inner[0] || t.rows() != inner[1])) {
                        throw new IllegalArgumentException("tile " + k + " is " + t.cols() + "x" + t.rows()
                                + "; the layout's tiles are " + tileCols + "x" + tileRows + ", its in-raster part "
                                + inner[0] + "x" + inner[1]);
                    }
                    return new Tuple2<>(k, layoutSized(t, tileCols, tileRows));
                });
        return new SpaceTimeLayer(rdd, metadata, time);
    }

    private static SpaceTimeKey spaceTimeKey(Row r, int col, int row, int instant) {
        if (r.isNullAt(col) || r.isNullAt(row) || r.isNullAt(instant)) {
            throw new IllegalArgumentException("a row has a NULL key: " + COL + " " + r.get(col) + ", " + ROW + " "
                    + r.get(row) + ", " + INSTANT + " " + r.get(instant));
        }
        return new SpaceTimeKey(r.getInt(col), r.getInt(row), epochMillis(r.get(instant)));
    }

    /** A TIMESTAMP value as Spark hands it: {@link Timestamp}, or {@link Instant} with the Java 8 time API on. */
    private static long epochMillis(Object timestamp) {
        return timestamp instanceof Instant i ? i.toEpochMilli() : ((Timestamp) timestamp).getTime();
    }

    /** Every column of {@code wanted} is in the frame with its type (nullability aside). */
    private static void requireColumns(Dataset<Row> frame, StructType wanted) {
        StructType have = frame.schema();
        for (StructField f : wanted.fields()) {
            if (!Arrays.asList(have.fieldNames()).contains(f.name())) {
                throw new IllegalArgumentException(
                        "the frame has no '" + f.name() + "' column; it has " + String.join(", ", frame.columns()));
            }
            DataType t = have.apply(f.name()).dataType();
            if (!t.equals(f.dataType())) {
                throw new IllegalArgumentException("the frame's '" + f.name() + "' column is " + t.sql()
                        + "; it must be " + f.dataType().sql());
            }
        }
    }
}
