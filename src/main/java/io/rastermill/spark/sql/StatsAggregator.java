package io.rastermill.spark.sql;

import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.tile.TileBytes;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * {@code rm_agg_stats(tile)}: the statistics of every data cell of a group's tiles, merged as
 * {@code layer.reduce(new CellStatistics())} merges them (Chan et al.'s pairwise update), so the mean
 * and standard deviation are exact, not means of tile means. NULL tiles are skipped.
 */
final class StatsAggregator extends Aggregator<byte[], CellStatistics, Row> {
    @Override
    public CellStatistics zero() {
        return new CellStatistics();
    }

    @Override
    public CellStatistics reduce(CellStatistics acc, byte[] tile) {
        return tile == null ? acc : acc.add(TileBytes.decode(tile));
    }

    @Override
    public CellStatistics merge(CellStatistics a, CellStatistics b) {
        return a.merge(b);
    }

    @Override
    public Row finish(CellStatistics acc) {
        return StatisticsRows.row(acc.finish());
    }

    @Override
    public Encoder<CellStatistics> bufferEncoder() {
        return Encoders.javaSerialization(CellStatistics.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(StatisticsRows.SCHEMA);
    }
}
