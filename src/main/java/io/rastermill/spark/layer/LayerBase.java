package io.rastermill.spark.layer;

import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.IoMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Where a layer's tiles come from, and how a tile gets its halo: re-read with the window from the
 * files (no shuffle), or exchanged as edge strips between neighbouring tiles.
 */
abstract sealed class LayerBase permits LayerBase.FromFiles, LayerBase.FromRdd {

    abstract JavaPairRDD<SpatialKey, Tile> tiles();

    abstract JavaPairRDD<SpatialKey, BufferedTile> halo(int radius);

    abstract Partitioner partitioner();

    /** Tiles read from GeoTIFFs by byte range; halos are read with the window. */
    static final class FromFiles extends LayerBase {
        private final GeoTiffMosaic mosaic;
        /** The keys to read, already partitioned by Z-order ranges (a tiny shuffle of keys only). */
        private final JavaPairRDD<SpatialKey, Boolean> keys;

        private final Partitioner partitioner;

        /** Bytes the tasks fetch from the files ({@link io.rastermill.spark.IoMetrics#BYTES_READ}). */
        private final LongAccumulator bytesRead;
        /** Segments the tasks decode ({@link io.rastermill.spark.IoMetrics#SEGMENTS_DECODED}). */
        private final LongAccumulator segmentsDecoded;

        FromFiles(
                GeoTiffMosaic mosaic,
                JavaPairRDD<SpatialKey, Boolean> keys,
                Partitioner partitioner,
                LongAccumulator bytesRead,
                LongAccumulator segmentsDecoded) {
            this.segmentsDecoded = segmentsDecoded;
            this.mosaic = mosaic;
            this.keys = keys;
            this.partitioner = partitioner;
            this.bytesRead = bytesRead;
        }

        @Override
        JavaPairRDD<SpatialKey, Tile> tiles() {
            GeoTiffMosaic m = mosaic;
            LongAccumulator bytes = bytesRead;
            LongAccumulator decoded = segmentsDecoded;
            return keys.mapPartitionsToPair(
                    it -> read(new GeoTiffMosaic[] {m}, it, (readers, k) -> m.readTile(k, readers[0]), bytes, decoded),
                    true);
        }

        /**
         * The tiles of this layer and of {@code others} (layers from files with the same keys and partitioner),
         * key by key in one pass: element {@code i} of each array is layer {@code i}'s tile (this one first).
         * Each task reads the same key of every layer together, so combining them needs no join or grouping
         * that would hold a partition's tiles in memory.
         */
        JavaPairRDD<SpatialKey, Tile[]> tilesWith(List<FromFiles> others) {
            GeoTiffMosaic[] m = new GeoTiffMosaic[others.size() + 1];
            m[0] = mosaic;
            for (int i = 0; i < others.size(); i++) {
                m[i + 1] = others.get(i).mosaic;
            }
            LongAccumulator bytes = bytesRead;
            LongAccumulator decoded = segmentsDecoded;
            return keys.mapPartitionsToPair(
                    it -> read(
                            m,
                            it,
                            (readers, k) -> {
                                Tile[] tiles = new Tile[m.length];
                                for (int i = 0; i < m.length; i++) {
                                    tiles[i] = m[i].readTile(k, readers[i]);
                                }
                                return tiles;
                            },
                            bytes,
                            decoded),
                    true);
        }

        /** Whether {@code other} reads the same keys into the same partitions (so {@link #tilesWith} applies). */
        boolean sameKeys(FromFiles other) {
            return partitioner.equals(other.partitioner) && mosaic.keys().equals(other.mosaic.keys());
        }

        @Override
        JavaPairRDD<SpatialKey, BufferedTile> halo(int radius) {
            GeoTiffMosaic m = mosaic;
            LongAccumulator bytes = bytesRead;
            LongAccumulator decoded = segmentsDecoded;
            return keys.mapPartitionsToPair(
                    it -> read(
                            new GeoTiffMosaic[] {m},
                            it,
                            (readers, k) -> m.readHalo(k, radius, readers[0]),
                            bytes,
                            decoded),
                    true);
        }

        @Override
        Partitioner partitioner() {
            return partitioner;
        }

        /** Reads one key's value; {@code readers[i]} reads the task's mosaic {@code i}. */
        interface WindowRead<V> {
            V read(GeoTiffReaders[] readers, SpatialKey key) throws IOException;
        }

        /** Reads lazily, one key at a time; the task's readers close when the task ends. */
        private static <V> Iterator<Tuple2<SpatialKey, V>> read(
                GeoTiffMosaic[] mosaics,
                Iterator<Tuple2<SpatialKey, Boolean>> keys,
                WindowRead<V> window,
                LongAccumulator bytesRead,
                LongAccumulator segmentsDecoded) {
            GeoTiffReaders[] readers = new GeoTiffReaders[mosaics.length];
            for (int i = 0; i < mosaics.length; i++) {
                readers[i] = mosaics[i].openReaders().closedWithTask();
            }
            IoMetrics.RunningTotal read = new IoMetrics.RunningTotal(bytesRead);
            IoMetrics.RunningTotal decoded = new IoMetrics.RunningTotal(segmentsDecoded);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return keys.hasNext();
                }

                @Override
                public Tuple2<SpatialKey, V> next() {
                    SpatialKey k = keys.next()._1();
                    try {
                        V v = window.read(readers, k);
                        long bytes = 0;
                        long segments = 0;
                        for (GeoTiffReaders r : readers) {
                            bytes += r.bytesRead();
                            segments += r.segmentsDecoded();
                        }
                        read.update(bytes);
                        decoded.update(segments);
                        return new Tuple2<>(k, v);
                    } catch (TileReadException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading tile " + k + ": " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    /** Tiles computed by earlier stages; halos come from a strip exchange. */
    static final class FromRdd extends LayerBase {
        private final JavaPairRDD<SpatialKey, Tile> rdd;
        private final RasterGrid grid;
        private final Partitioner partitioner;

        FromRdd(JavaPairRDD<SpatialKey, Tile> rdd, RasterGrid grid, Partitioner partitioner) {
            this.rdd = rdd;
            this.grid = grid;
            this.partitioner = partitioner;
        }

        @Override
        JavaPairRDD<SpatialKey, Tile> tiles() {
            return rdd;
        }

        @Override
        JavaPairRDD<SpatialKey, BufferedTile> halo(int radius) {
            return HaloExchange.exchange(rdd, grid, radius, partitioner);
        }

        @Override
        Partitioner partitioner() {
            return partitioner;
        }
    }
}
