package io.rastermill.spark.sql;

import io.rastermill.core.focal.BufferedTileBytes;
import io.rastermill.core.layout.SpatialKey;
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
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
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
     * into a frame that {@link #toLayer} turns back into a layer of {@code layer.metadata()}'s layout.
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
     * @throws IllegalArgumentException naming the missing column
     */
    public static TileLayer toLayer(Dataset<Row> frame, TileLayerMetadata metadata) {
        for (String c : new String[] {COL, ROW, TILE}) {
            if (!Arrays.asList(frame.columns()).contains(c)) {
                throw new IllegalArgumentException(
                        "the frame has no '" + c + "' column; it has " + String.join(", ", frame.columns()));
            }
        }
        int tileCols = metadata.layout().tileCols();
        int tileRows = metadata.layout().tileRows();
        JavaPairRDD<SpatialKey, Tile> rdd = frame.select(COL, ROW, TILE)
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(
                        new SpatialKey(r.getInt(0), r.getInt(1)),
                        layoutSized(TileBytes.decode((byte[]) r.get(2)), tileCols, tileRows)));
        return TileLayers.fromRdd(rdd, metadata);
    }
}
