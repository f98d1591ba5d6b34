package io.rastermill.spark.sql;

import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.core.zonal.ZoneSpec;
import io.rastermill.core.zonal.ZoneTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * {@code rm_agg_zonal(values, zones)}: statistics of the value cells per zone id of the zone tile on the
 * same cells, with the core's {@link ZoneTable} (as {@code ZonalStatistics.byZoneRaster}): NoData zone
 * cells are in no zone, a zone with only NoData values is kept with no data cells. The result is a
 * struct whose {@code zones} array holds one struct per zone, sorted by id ({@code inline(...)} makes
 * them rows). A row with a NULL tile is skipped.
 */
final class ZonalAggregator extends Aggregator<Tuple2<byte[], byte[]>, ZoneTable, Row> {
    static final StructType ZONE = StatisticsRows.fields(new StructType().add("zone", DataTypes.IntegerType, false));
    static final StructType SCHEMA = new StructType().add("zones", DataTypes.createArrayType(ZONE, false), false);

    @Override
    public ZoneTable zero() {
        return new ZoneTable(ZoneSpec.statistics());
    }

    @Override
    public ZoneTable reduce(ZoneTable table, Tuple2<byte[], byte[]> in) {
        if (in._1() == null || in._2() == null) {
            return table;
        }
        Tile zones = TileBytes.decode(in._2());
        if (zones.cellType().isFloatingPoint()) {
            throw new IllegalArgumentException("rm_agg_zonal: zones must be an integer tile, got "
                    + zones.cellType().name());
        }
        return table.addZoned(TileBytes.decode(in._1()), zones);
    }

    @Override
    public ZoneTable merge(ZoneTable a, ZoneTable b) {
        return a.merge(b);
    }

    @Override
    public Row finish(ZoneTable table) {
        List<Row> zones = new ArrayList<>(table.size());
        for (Map.Entry<Integer, ZoneAccumulator> e : table.zones().entrySet()) {
            zones.add(RowFactory.create(StatisticsRows.values(e.getValue().finish(), e.getKey())));
        }
        return RowFactory.create((Object) zones.toArray(new Row[0]));
    }

    @Override
    public Encoder<ZoneTable> bufferEncoder() {
        return Encoders.javaSerialization(ZoneTable.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(SCHEMA);
    }
}
