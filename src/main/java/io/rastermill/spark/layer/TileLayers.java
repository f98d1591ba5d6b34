package io.rastermill.spark.layer;

import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.ZOrder;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.RastermillConf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/** Where layers come from: GeoTIFFs (one, many, directories, globs) or an existing pair RDD. */
public final class TileLayers {
    /** Default tile size: GDAL's COG block size, so windows line up with typical files' internal tiles. */
    public static final int DEFAULT_TILE_SIZE = 512;
    /** Default pixels per partition: big enough to amortise task start-up, small enough for a 1 GiB executor. */
    public static final long DEFAULT_PARTITION_PIXELS = 32L << 20;

    private TileLayers() {}

    /** Options for reading GeoTIFFs into a layer. */
    public record ReadOptions(int tileSize, int band, long partitionPixels) {
        public static ReadOptions defaults() {
            return new ReadOptions(DEFAULT_TILE_SIZE, 0, DEFAULT_PARTITION_PIXELS);
        }

        public ReadOptions withTileSize(int size) {
            return new ReadOptions(size, band, partitionPixels);
        }

        /** The band to read, 0-based. */
        public ReadOptions withBand(int b) {
            return new ReadOptions(tileSize, b, partitionPixels);
        }

        public ReadOptions withPartitionPixels(long pixels) {
            return new ReadOptions(tileSize, band, pixels);
        }
    }

    public static TileLayer readGeoTiff(SparkSession spark, String pathOrGlob) throws IOException {
        return readGeoTiffs(spark, List.of(pathOrGlob), ReadOptions.defaults());
    }

    /**
     * A layer from GeoTIFFs: paths, directories or globs on any Hadoop file system, mosaicked onto one
     * grid. The driver reads headers only; each task reads its tiles' windows by byte range.
     */
    public static TileLayer readGeoTiffs(SparkSession spark, List<String> pathsOrGlobs, ReadOptions options)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        List<String> files = GeoTiffMosaic.expand(pathsOrGlobs, conf);
        GeoTiffMosaic mosaic = GeoTiffMosaic.plan(
                files,
                options.band(),
                options.tileSize(),
                conf,
                RastermillConf.blockCacheBytes(spark.sparkContext().getConf()));
        List<SpatialKey> keys = mosaic.keys();
        Partitioner partitioner = partitionerFor(keys, options, jsc.defaultParallelism());
        JavaPairRDD<SpatialKey, Boolean> keyRdd = keyRdd(jsc, keys, partitioner);
        return new TileLayer(
                mosaic.metadata(),
                mosaic.grid(),
                new LayerBase.FromFiles(
                        mosaic,
                        keyRdd,
                        partitioner,
                        IoMetrics.bytesRead(spark.sparkContext()),
                        IoMetrics.segmentsDecoded(spark.sparkContext())),
                new FocalChain(List.of()));
    }

    /**
     * The GeoTIFFs that paths, directories (their .tif/.tiff files) and globs name, sorted; a pattern that matches
     * nothing is an error naming it.
     */
    public static List<String> listGeoTiffs(List<String> pathsOrGlobs, Configuration conf) throws IOException {
        return GeoTiffMosaic.expand(pathsOrGlobs, conf);
    }

    /** Z-order ranges holding about {@code partitionPixels} each, and at least one partition per core. */
    public static Partitioner partitionerFor(List<SpatialKey> keys, ReadOptions options, int parallelism) {
        long tilePixels = (long) options.tileSize() * options.tileSize();
        int perPartition = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.partitionPixels() / tilePixels));
        perPartition = Math.min(perPartition, Math.max(1, (keys.size() + parallelism - 1) / parallelism));
        long[] z = keys.stream().mapToLong(ZOrder::index).sorted().toArray();
        return ZOrderPartitioner.forSortedIndexes(z, perPartition);
    }

    /**
     * The keys as a pair RDD laid out by {@code partitioner}, for tasks that make each key's tile themselves (read,
     * warp, composite) with {@code mapPartitionsToPair(task, true)}: the value carries nothing.
     */
    public static JavaPairRDD<SpatialKey, Boolean> keyRdd(
            JavaSparkContext jsc, List<SpatialKey> keys, Partitioner partitioner) {
        List<Tuple2<SpatialKey, Boolean>> pairs = new ArrayList<>(keys.size());
        for (SpatialKey k : keys) {
            pairs.add(new Tuple2<>(k, Boolean.TRUE));
        }
        return jsc.parallelizePairs(pairs, Math.max(1, Math.min(pairs.size(), partitioner.numPartitions())))
                .partitionBy(partitioner);
    }

    /**
     * A layer over tiles you computed yourself (layout-sized, keyed by {@link SpatialKey}). Without a
     * partitioner the tiles are repartitioned once by Z-order ranges.
     */
    public static TileLayer fromRdd(JavaPairRDD<SpatialKey, Tile> rdd, TileLayerMetadata metadata) {
        RasterGrid grid = RasterGrid.of(metadata);
        Partitioner p = rdd.partitioner().orNull();
        JavaPairRDD<SpatialKey, Tile> partitioned = rdd;
        if (p == null) {
            List<SpatialKey> keys = rdd.keys().collect();
            p = partitionerFor(
                    keys,
                    ReadOptions.defaults().withTileSize(grid.tileCols()),
                    rdd.context().defaultParallelism());
            partitioned = rdd.partitionBy(p);
        }
        return new TileLayer(metadata, grid, new LayerBase.FromRdd(partitioned, grid, p), new FocalChain(List.of()));
    }

    /**
     * The in-raster part of the layout tile at {@code key} of a layer that {@code metadata} describes (edge tiles
     * cropped as {@link TileLayer#innerTiles} crops them), or null for a key wholly outside the raster. For tiles kept
     * under other keys, such as a space-time layer's.
     */
    public static Tile innerTile(TileLayerMetadata metadata, SpatialKey key, Tile tile) {
        RasterGrid grid = RasterGrid.of(metadata);
        return grid.isInside(key) ? grid.inner(key, tile) : null;
    }

    /**
     * The size of the in-raster part of the layout tile at {@code key}, {@code {cols, rows}}, as {@link #innerTile}
     * crops it ({@code {0, 0}} for a key wholly outside the raster).
     */
    public static int[] innerSize(TileLayerMetadata metadata, SpatialKey key) {
        RasterGrid grid = RasterGrid.of(metadata);
        return grid.isInside(key) ? new int[] {grid.innerCols(key), grid.innerRows(key)} : new int[] {0, 0};
    }
}
