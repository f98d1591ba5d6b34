package io.rastermill.spark.sql;

import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code rm_trend(tile, time)}: the core's per-cell least-squares line through a group's dated tiles (value on days
 * since the group's earliest time), as the {@code trend} reducer of {@code Composite} and {@code LayerComposite}: a
 * struct of four Float32 tiles, slope per day, intercept at the earliest time, r² and the count of observations. NULL
 * tiles are skipped; a group without tiles gives NULL.
 */
final class TrendAggregator extends Aggregator<Row, DatedTiles, Row> {
    static final String FUNCTION = "rm_trend";
    static final StructType INPUT =
            new StructType().add("tile", DataTypes.BinaryType, true).add("time", DataTypes.TimestampType, true);
    private static final TemporalReducer TREND = TemporalReducer.of(TemporalReducer.Kind.TREND);

    static StructType schema() {
        StructType s = new StructType();
        for (String band : TREND.bandNames()) {
            s = s.add(band, DataTypes.BinaryType, false);
        }
        return s;
    }

    @Override
    public DatedTiles zero() {
        return new DatedTiles();
    }

    @Override
    public DatedTiles reduce(DatedTiles buf, Row in) {
        byte[] tile = (byte[]) in.get(0);
        if (tile != null) {
            buf.add(tile, TimeSeriesRows.time(in, 1, FUNCTION));
        }
        return buf;
    }

    @Override
    public DatedTiles merge(DatedTiles a, DatedTiles b) {
        return a.merge(b);
    }

    @Override
    public Row finish(DatedTiles buf) {
        if (buf.isEmpty()) {
            return null;
        }
        Tile[] bands = buf.reduce(TREND, FUNCTION);
        Object[] out = new Object[bands.length];
        for (int i = 0; i < bands.length; i++) {
            out[i] = TileBytes.encode(bands[i]);
        }
        return RowFactory.create(out);
    }

    @Override
    public Encoder<DatedTiles> bufferEncoder() {
        return Encoders.javaSerialization(DatedTiles.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(schema());
    }
}
