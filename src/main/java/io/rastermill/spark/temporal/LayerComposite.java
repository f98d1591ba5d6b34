package io.rastermill.spark.temporal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.temporal.SceneDates;
import io.rastermill.core.temporal.TemporalReducer;
import io.rastermill.core.temporal.TileSeries;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A space-time layer reduced per cell across time: the scenes of a layer are already on one grid, so each spatial key's
 * tiles are reduced in time order by the same {@link TemporalReducer}s as {@link Composite}.
 *
 * <p><b>How it runs.</b> The tiles are shuffled so that every instant of a spatial key lands in one partition, sorted
 * by (col, row, instant) ({@code repartitionAndSortWithinPartitions}); a task then streams through its sorted tiles
 * with one accumulator, emitting a key's result when the next key starts.
 *
 * <p><b>Memory per task</b>: the sorted shuffle output (spilled to disk by Spark as needed), one input tile and one
 * accumulator: for {@code c} cells, exact median and percentiles hold {@code c × s × 4} bytes for the {@code s} scenes
 * of the key (8 where a value is not exactly a float), every other reducer at most six {@code c}-cell arrays whatever
 * the number of scenes.
 */
public final class LayerComposite {
    private LayerComposite() {}

    /**
     * The layer's tiles reduced by {@code reducer} into {@code cellType}: layer {@code j} is reducer band {@code j}, on the
     * layer's own layout. Trend's days count from {@code origin} (epoch ms). A reducer of several bands persists its
     * reduced RDD ({@code MEMORY_AND_DISK}) so that its layers do not recompute it.
     */
    public static List<TileLayer> reduce(
            SpaceTimeLayer layer, TemporalReducer reducer, CellType cellType, long origin) {
        TileLayerMetadata md = layer.metadata().withCellType(cellType);
        int partitions = Math.max(1, layer.rdd().getNumPartitions());
        JavaPairRDD<SpatialKey, Tile[]> reduced = layer.rdd()
                .repartitionAndSortWithinPartitions(new BySpatialKey(partitions))
                .mapPartitionsToPair(it -> new Reducing(it, reducer, cellType, origin), true);
        if (reducer.bandCount() > 1) {
            reduced = reduced.persist(StorageLevel.MEMORY_AND_DISK());
        }
        List<TileLayer> out = new ArrayList<>();
        for (int j = 0; j < reducer.bandCount(); j++) {
            int band = j;
            out.add(TileLayers.fromRdd(reduced.mapValues(t -> t[band]), md));
        }
        return out;
    }

    /** Every instant of a spatial key to one partition. */
    static final class BySpatialKey extends Partitioner {
        private final int partitions;

        BySpatialKey(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        /**
         * By (col, row) of a {@link SpaceTimeKey}, and of a {@link SpatialKey}: the reduced layer keeps this partitioner
         * (each key is reduced where its instants met), so lookups by spatial key ({@code layer.window}) must land there.
         */
        @Override
        public int getPartition(Object key) {
            if (key instanceof SpatialKey k) {
                return Math.floorMod(31 * k.col() + k.row(), partitions);
            }
            SpaceTimeKey k = (SpaceTimeKey) key;
            return Math.floorMod(31 * k.col() + k.row(), partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BySpatialKey b && b.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** Streams a partition sorted by (col, row, instant) into one reduced tile set per spatial key. */
    private static final class Reducing implements Iterator<Tuple2<SpatialKey, Tile[]>> {
        private final Iterator<Tuple2<SpaceTimeKey, Tile>> in;
        private final TemporalReducer reducer;
        private final CellType cellType;
        private final Instant originInstant;
        private Tuple2<SpaceTimeKey, Tile> pending;

        Reducing(Iterator<Tuple2<SpaceTimeKey, Tile>> in, TemporalReducer reducer, CellType cellType, long origin) {
            this.in = in;
            this.reducer = reducer;
            this.cellType = cellType;
            this.originInstant = Instant.ofEpochMilli(origin);
            this.pending = in.hasNext() ? in.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Tuple2<SpatialKey, Tile[]> next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            SpatialKey key = pending._1().spatialKey();
            Tile first = pending._2();
            TileSeries series = new TileSeries(reducer, cellType, first.cols(), first.rows());
            while (pending != null && pending._1().spatialKey().equals(key)) {
                series.add(
                        pending._2(),
                        SceneDates.days(Instant.ofEpochMilli(pending._1().instant()), originInstant),
                        pending._1());
                pending = in.hasNext() ? in.next() : null;
            }
            Tile[] out = series.result();
            return new Tuple2<>(key, out);
        }
    }
}
