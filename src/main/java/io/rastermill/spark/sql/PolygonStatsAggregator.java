package io.rastermill.spark.sql;

import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.core.zonal.ZoneSpec;
import io.rastermill.spark.zonal.ZonalStatistics;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code rm_agg_polygon_stats(tile, col, row, polygon, grid, all_touched)} and
 * {@code rm_agg_polygon_percentiles[_over](..., percentiles[, min, max])}: the cells of a polygon (WKT in the raster's
 * CRS) over a group's tiles, grouped by polygon, with the numbers {@code zonal --polygons} gives for it: cells whose
 * centre is inside, or every cell it touches ({@code gdal_rasterize -at}), on the whole grid ({@link TileGrid}).
 * NoData cells inside count as {@code nodata_cells}; a polygon covering no cell has no data. Percentiles are
 * nearest-rank, exact for integer tiles; float tiles are binned as zonal bins them, in
 * {@value ZonalStatistics.Options#DEFAULT_FLOAT_BINS} bins over the polygon's own [min, max], which the
 * {@code _over} form takes from {@code rm_agg_polygon_stats}. Rows with a NULL tile, polygon or grid are skipped.
 */
final class PolygonStatsAggregator extends Aggregator<Row, PolygonCells, Row> {
    private static final StructType STATS_INPUT = new StructType()
            .add("tile", DataTypes.BinaryType, true)
            .add("col", DataTypes.IntegerType, true)
            .add("row", DataTypes.IntegerType, true)
            .add("polygon", DataTypes.StringType, true)
            .add("grid", TileGrid.SCHEMA, true)
            .add("all_touched", DataTypes.BooleanType, true);
    private static final int PERCENTILES = STATS_INPUT.size();

    private final boolean percentiles;
    private final boolean ranged;

    private PolygonStatsAggregator(boolean percentiles, boolean ranged) {
        this.percentiles = percentiles;
        this.ranged = ranged;
    }

    /** {@code rm_agg_polygon_stats}. */
    static PolygonStatsAggregator statistics() {
        return new PolygonStatsAggregator(false, false);
    }

    /** {@code rm_agg_polygon_percentiles}, or ranged, {@code rm_agg_polygon_percentiles_over}. */
    static PolygonStatsAggregator percentiles(boolean ranged) {
        return new PolygonStatsAggregator(true, ranged);
    }

    private String function() {
        return percentiles ? "rm_agg_polygon_percentiles" + (ranged ? "_over" : "") : "rm_agg_polygon_stats";
    }

    StructType inputSchema() {
        if (!percentiles) {
            return STATS_INPUT;
        }
        StructType s = STATS_INPUT.add("percentiles", DataTypes.createArrayType(DataTypes.DoubleType, true), true);
        return ranged ? s.add("min", DataTypes.DoubleType, true).add("max", DataTypes.DoubleType, true) : s;
    }

    @Override
    public PolygonCells zero() {
        return new PolygonCells();
    }

    @Override
    public PolygonCells reduce(PolygonCells buf, Row in) {
        if (percentiles && buf.percents == null) {
            buf.percents = BandHistogramAggregator.percents(
                    function(), in.isNullAt(PERCENTILES) ? null : in.getList(PERCENTILES));
        }
        for (int i = 0; i < 5; i++) {
            if (in.isNullAt(i)) {
                return buf;
            }
        }
        boolean allTouched = !in.isNullAt(5) && in.getBoolean(5);
        try {
            return buf.add(
                    (byte[]) in.get(0),
                    in.getInt(1),
                    in.getInt(2),
                    in.getString(3),
                    TileGrid.of(in.getStruct(4)),
                    allTouched,
                    kind(in));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function() + ": " + e.getMessage(), e);
        }
    }

    /** Statistics only; or exact percentiles of integer cells, binned ones of float cells over the row's range. */
    private PolygonCells.Kind kind(Row in) {
        if (!percentiles) {
            return floating -> ZoneSpec.statistics();
        }
        boolean range = ranged && !in.isNullAt(PERCENTILES + 1) && !in.isNullAt(PERCENTILES + 2);
        double min = range ? in.getDouble(PERCENTILES + 1) : Double.NaN;
        double max = range ? in.getDouble(PERCENTILES + 2) : Double.NaN;
        return floating -> {
            if (!floating) {
                return ZoneSpec.exactPercentiles();
            }
            if (!range && ranged) {
                return ZoneSpec.statistics(); // NULL min and max: no data cells, checked at finish
            }
            if (!range) {
                throw new IllegalArgumentException("float tiles are binned over the polygon's range, as zonal bins"
                        + " them; call rm_agg_polygon_percentiles_over(tile, col, row, polygon, grid, all_touched,"
                        + " percentiles, min, max) with rm_agg_polygon_stats' min and max of the polygon");
            }
            return ZoneSpec.binnedPercentiles(
                    new ZoneSpec.ZoneRanges(new int[] {0}, new double[] {min}, new double[] {max}),
                    ZonalStatistics.Options.DEFAULT_FLOAT_BINS);
        };
    }

    @Override
    public PolygonCells merge(PolygonCells a, PolygonCells b) {
        if (a.percents == null) {
            a.percents = b.percents;
        }
        return a.merge(b);
    }

    @Override
    public Row finish(PolygonCells buf) {
        if (!percentiles) {
            return StatisticsRows.row(buf.statistics());
        }
        ZoneAccumulator acc = buf.cells();
        if (acc == null || acc.finish().dataCells() == 0) {
            return RowFactory.create(null, null);
        }
        if (!acc.hasPercentiles()) {
            throw new IllegalArgumentException(function() + ": min and max are NULL for a polygon with data cells;"
                    + " give rm_agg_polygon_stats' min and max of the same polygon");
        }
        if (acc.outOfRangeCount() > 0) {
            throw new IllegalArgumentException(function() + ": " + acc.outOfRangeCount() + " values lie outside the"
                    + " range given; give rm_agg_polygon_stats' min and max of the same polygon");
        }
        Double[] values = new Double[buf.percents.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = acc.percentile(buf.percents[i] / 100);
        }
        return RowFactory.create(values, acc.percentileError());
    }

    @Override
    public Encoder<PolygonCells> bufferEncoder() {
        return Encoders.javaSerialization(PolygonCells.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(percentiles ? BandHistogramAggregator.PERCENTILES : StatisticsRows.SCHEMA);
    }
}
