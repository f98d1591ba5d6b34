package io.rastermill.spark.sql;

import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.temporal.TemporalReducer.Kind;
import io.rastermill.core.tile.TileBytes;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code rm_composite(tile, reducer)}, {@code rm_composite_timed(tile, time, reducer)} and
 * {@code rm_composite_as(tile, reducer, celltype)}: a group's tiles (one
 * spatial key's scenes) reduced per cell across time by the core's {@link TemporalReducer}, as {@code Composite} and
 * {@code LayerComposite} reduce them: NoData never counts, a cell without observations is NoData (0 for count), the
 * result has the reducer's default cell type, or {@code celltype} (rounded and clamped into an integer type, as
 * {@code Composite} with a chosen type). The untimed forms takes the reducers whose result does not depend on the
 * order; first and last need the time, and trend has its own aggregate ({@link TrendAggregator}). Untimed tiles are
 * reduced in arrival order, so a mean of non-integer values may differ from the timed one in the last bit. NULL tiles
 * are skipped; a group without tiles gives NULL.
 */
final class CompositeAggregator extends Aggregator<Row, DatedTiles, byte[]> {
    private final boolean timed;
    private final boolean typed;
    private final String function;

    private CompositeAggregator(boolean timed, boolean typed, String function) {
        this.timed = timed;
        this.typed = typed;
        this.function = function;
    }

    /** {@code rm_composite(tile, reducer)}. */
    static CompositeAggregator untimed() {
        return new CompositeAggregator(false, false, "rm_composite");
    }

    /** {@code rm_composite_timed(tile, time, reducer)}. */
    static CompositeAggregator timed() {
        return new CompositeAggregator(true, false, "rm_composite_timed");
    }

    /** {@code rm_composite_as(tile, reducer, celltype)}. */
    static CompositeAggregator typed() {
        return new CompositeAggregator(false, true, "rm_composite_as");
    }

    /** The input columns: tile, (time,) reducer(, celltype). */
    StructType inputSchema() {
        StructType s = new StructType().add("tile", DataTypes.BinaryType, true);
        if (timed) {
            s = s.add("time", DataTypes.TimestampType, true);
        }
        s = s.add("reducer", DataTypes.StringType, true);
        return typed ? s.add("celltype", DataTypes.StringType, true) : s;
    }

    @Override
    public DatedTiles zero() {
        return new DatedTiles();
    }

    @Override
    public DatedTiles reduce(DatedTiles buf, Row in) {
        buf.reducer(function, in.getString(timed ? 2 : 1), this::check);
        if (typed) {
            buf.cellType(function, in.getString(2));
        }
        byte[] tile = (byte[]) in.get(0);
        if (tile != null) {
            buf.add(tile, timed ? TimeSeriesRows.time(in, 1, function) : null);
        }
        return buf;
    }

    private void check(TemporalReducer r) {
        if (r.kind() == Kind.TREND) {
            throw new IllegalArgumentException(function + ": trend has four bands; use rm_trend(tile, time)");
        }
        if (!timed && (r.kind() == Kind.FIRST || r.kind() == Kind.LAST)) {
            throw new IllegalArgumentException(function + ": '" + r + "' needs the time column;"
                    + " use rm_composite_timed(tile, time, '" + r + "')");
        }
    }

    @Override
    public DatedTiles merge(DatedTiles a, DatedTiles b) {
        return a.merge(b);
    }

    @Override
    public byte[] finish(DatedTiles buf) {
        return buf.isEmpty() ? null : TileBytes.encode(buf.reduce(buf.reducer(), function)[0]);
    }

    @Override
    public Encoder<DatedTiles> bufferEncoder() {
        return Encoders.javaSerialization(DatedTiles.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }
}
