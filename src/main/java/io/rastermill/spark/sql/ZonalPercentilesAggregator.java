package io.rastermill.spark.sql;

import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.core.zonal.ZoneSpec;
import io.rastermill.core.zonal.ZoneTable;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code rm_agg_zonal_percentiles(values, zones, percentiles)} and its {@code _over} form: nearest-rank percentiles of
 * the value cells per zone id of the zone tiles, as {@code zonal VALUES ZONES --stats median,pNN}: exact for integer
 * values; float values binned in {@value ZonalStatistics.Options#DEFAULT_FLOAT_BINS} bins over each zone's own
 * [min, max], which the {@code _over} form takes from {@code rm_agg_zonal}'s zones over the same rows (zonal's first
 * pass). The result's {@code zones} array holds one struct per zone, sorted by id; a zone without data cells has NULL
 * percentiles. Rows with a NULL tile are skipped.
 */
final class ZonalPercentilesAggregator extends Aggregator<Row, ZoneCounts, Row> {
    static final StructType ZONE = new StructType()
            .add("zone", DataTypes.IntegerType, false)
            .add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("max_error", DataTypes.DoubleType, true);
    static final StructType SCHEMA = new StructType().add("zones", DataTypes.createArrayType(ZONE, false), false);

    private final boolean ranged;

    ZonalPercentilesAggregator(boolean ranged) {
        this.ranged = ranged;
    }

    private String function() {
        return ranged ? "rm_agg_zonal_percentiles_over" : "rm_agg_zonal_percentiles";
    }

    StructType inputSchema() {
        StructType s = new StructType()
                .add("values", DataTypes.BinaryType, true)
                .add("zones", DataTypes.BinaryType, true)
                .add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, true), true);
        return ranged ? s.add("ranges", DataTypes.createArrayType(ZonalAggregator.ZONE, true), true) : s;
    }

    @Override
    public ZoneCounts zero() {
        return new ZoneCounts();
    }

    @Override
    public ZoneCounts reduce(ZoneCounts buf, Row in) {
        if (buf.percents == null) {
            buf.percents = BandHistogramAggregator.percents(function(), in.isNullAt(2) ? null : in.getList(2));
        }
        if (in.isNullAt(0) || in.isNullAt(1)) {
            return buf;
        }
        Tile zones = TileBytes.decode((byte[]) in.get(1));
        if (zones.cellType().isFloatingPoint()) {
            throw new IllegalArgumentException(function() + ": zones must be an integer tile, got "
                    + zones.cellType().name());
        }
        Tile values = TileBytes.decode((byte[]) in.get(0));
        if (buf.table == null) {
            buf.table = new ZoneTable(spec(values, in));
        }
        buf.table.addZoned(values, zones);
        return buf;
    }

    /** Exact for integer values; binned over the zones' ranges (the {@code _over} form's last argument) for floats. */
    private ZoneSpec spec(Tile values, Row in) {
        if (!values.cellType().isFloatingPoint()) {
            return ZoneSpec.exactPercentiles();
        }
        if (!ranged || in.isNullAt(3)) {
            throw new IllegalArgumentException(function() + ": float values are binned over each zone's range, as"
                    + " zonal bins them; call rm_agg_zonal_percentiles_over(values, zones, percentiles, ranges) with"
                    + " rm_agg_zonal(values, zones).zones of the same rows");
        }
        TreeMap<Integer, double[]> byZone = new TreeMap<>();
        for (Object o : in.<Object>getList(3)) {
            Row z = (Row) o;
            // the statistics struct after the zone id: data_cells, nodata_cells, min, max, ...
            boolean data = !z.isNullAt(3) && !z.isNullAt(4);
            byZone.put(
                    z.getInt(0), new double[] {data ? z.getDouble(3) : Double.NaN, data ? z.getDouble(4) : Double.NaN});
        }
        int[] ids = new int[byZone.size()];
        double[] min = new double[ids.length];
        double[] max = new double[ids.length];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : byZone.entrySet()) {
            ids[i] = e.getKey();
            min[i] = e.getValue()[0];
            max[i] = e.getValue()[1];
            i++;
        }
        return ZoneSpec.binnedPercentiles(
                new ZoneSpec.ZoneRanges(ids, min, max), ZonalStatistics.Options.DEFAULT_FLOAT_BINS);
    }

    @Override
    public ZoneCounts merge(ZoneCounts a, ZoneCounts b) {
        return a.merge(b);
    }

    @Override
    public Row finish(ZoneCounts buf) {
        List<Row> zones = new ArrayList<>();
        if (buf.table != null) {
            for (Map.Entry<Integer, ZoneAccumulator> e : buf.table.zones().entrySet()) {
                ZoneAccumulator acc = e.getValue();
                if (acc.finish().dataCells() == 0) {
                    zones.add(RowFactory.create(e.getKey(), null, null));
                    continue;
                }
                if (acc.outOfRangeCount() > 0) {
                    throw new IllegalArgumentException(function() + ": zone " + e.getKey() + " has "
                            + acc.outOfRangeCount() + " values outside its range; give rm_agg_zonal's zones of the"
                            + " same rows");
                }
                Double[] values = new Double[buf.percents.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = acc.percentile(buf.percents[i] / 100);
                }
                zones.add(RowFactory.create(e.getKey(), values, acc.percentileError()));
            }
        }
        return RowFactory.create((Object) zones.toArray(new Row[0]));
    }

    @Override
    public Encoder<ZoneCounts> bufferEncoder() {
        return Encoders.javaSerialization(ZoneCounts.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(SCHEMA);
    }
}
