package io.rastermill.spark.write;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.io.bytes.WriteLeftovers;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import io.rastermill.io.geotiff.GeoTiffWriteException;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.OverviewBlockReducer;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.spark.IoMetrics;
import io.rastermill.spark.JobGroup;
import io.rastermill.spark.RunningTasks;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.ZOrderPartitioner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Writes a {@link TileLayer} (one band) or a list of layers on one grid (one band each) to ONE tiled
 * GeoTIFF or COG, encoding on the executors; the file is byte for byte what {@link
 * io.rastermill.io.geotiff.GeoTiffWriter} writes from the same blocks and options.
 *
 * <pre>{@code
 * LayerGeoTiffWriter.write(layer, "s3a://bucket/dem.tif",
 *         GeoTiffWriteOptions.builder().blockSize(layer.metadata().layout().tileCols()).build());
 * }</pre>
 *
 * <h2>How</h2>
 * <ol>
 *   <li>Level 0: each task encodes its partition's tiles (edge tiles cropped to the raster, as a
 *       single-JVM writer gets them) and appends them to one part file in a hidden directory beside the
 *       target, {@code .<name>.rastermill-<uuid>.parts/L0/part-<partition>-<attempt>-<taskAttemptId>};
 *       only (block, offset, length) per tile reach the driver. Only results of successful attempts are
 *       used; files of failed attempts are deleted by the attempt or with the directory.</li>
 *   <li>Overviews, in the same tasks, when the layer is partitioned by Z-order ranges (layers read from files
 *       are): the tiles under an overview block of level {@code k} are an aligned Z range of {@code 4^k} keys, so
 *       a partition holding such a range whole reduces it on the spot ({@link PyramidBuilder}: each block's
 *       quarter of its parent, {@link OverviewBlockReducer#quarter}, the writer's own reduction, assembled with
 *       {@link OverviewBlockReducer#assemble} once all are in) and writes those overview blocks into its part file.
 *       The quarters of the few top blocks no partition holds whole go to the driver with the placements, and the
 *       driver builds those blocks into a part file of its own ({@link BlockOwnership}). One Spark job, no
 *       shuffle of tiles, the source read once.</li>
 *   <li>Otherwise (another partitioner, or more top blocks than the driver should hold), level by level: while
 *       encoding a block of level {@code k} the task also reduces it to its quarter of the parent; the quarters
 *       are grouped by parent key and assembled into level {@code k + 1}, which is encoded the same way. A level
 *       is never cached whole (only the task output, a quarter of its size, is persisted
 *       {@code MEMORY_AND_DISK_SER} until the next level is built) and each shuffle moves a quarter of a level.</li>
 *   <li>Blocks without a tile (a sparse mosaic) and overview blocks without any child are the NoData
 *       block, encoded once on the driver.</li>
 *   <li>The driver plans the layout from the lengths and streams the head and every block, in file
 *       order, from the part files into a temporary file beside the target ({@link GeoTiffAssembler}),
 *       checks the length, renames it onto the target and deletes the parts directory. On failure it
 *       cancels the job, waits for running tasks to stop, deletes the temporary file and the parts and
 *       throws a {@link GeoTiffWriteException} naming the target.</li>
 * </ol>
 *
 * <h2>Block size</h2>
 * The block size is the layer's tile size: a layer whose tiles are not square or not
 * {@code options.blockSize()} is refused (re-tiling would cost a full shuffle; read the layer with
 * {@code ReadOptions.withTileSize(blockSize)} instead).
 *
 * <h2>Thread-safety</h2>
 * Stateless; each call runs its own Spark jobs (in their own job group) from the calling thread.
 */
public final class LayerGeoTiffWriter {
    private LayerGeoTiffWriter() {}

    /**
     * What was written.
     *
     * @param levels       levels, the full resolution included
     * @param bytes        the file's length
     * @param partFiles    part files the successful tasks wrote (all levels)
     * @param noDataBlocks blocks (all levels) written as the shared NoData block because no tile was there
     * @param sparkMillis  time in the Spark jobs (computing the layer, encoding, overviews)
     * @param levelMillis  of which: the level-0 job (it includes computing the layer and, for a layer partitioned
     *                     by Z-order ranges, the overview blocks each partition holds whole) and the driver's merge
     *                     of the other overview blocks; or, for other layers, a job per level
     * @param assemblyMillis time the driver spent streaming part files into the final file
     */
    public record Result(
            String target,
            int width,
            int height,
            int bandCount,
            int levels,
            boolean bigTiff,
            long bytes,
            int partFiles,
            int noDataBlocks,
            long sparkMillis,
            List<Long> levelMillis,
            long assemblyMillis) {}

    /**
     * The file's description for a layer: its raster size and cell type, the transform of the layout's
     * upper-left corner and cell size, and the CRS if it has an EPSG code. The layout's cell size is
     * derived from its extent; for a layer read from one GeoTIFF, {@code GeoTiffTranslate.describe} of the
     * file's header keeps its georeferencing bit for bit (as {@link SparkGeoTiffTranslate} does).
     */
    public static RasterDescription describe(TileLayer layer) {
        return describe(List.of(layer));
    }

    /** {@link #describe(TileLayer)} with one band per layer. */
    public static RasterDescription describe(List<TileLayer> bands) {
        TileLayer first = bands.get(0);
        LayoutDefinition layout = first.metadata().layout();
        RasterDescription d = new RasterDescription(
                        Math.toIntExact(first.cols()),
                        Math.toIntExact(first.rows()),
                        bands.size(),
                        first.metadata().cellType(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        false)
                .withTransform(new GeoTransform(
                        layout.extent().xmin(),
                        layout.cellSize().width(),
                        0,
                        layout.extent().ymax(),
                        0,
                        -layout.cellSize().height()));
        if (first.metadata().crs() != null && first.metadata().crs().epsgCode().isPresent()) {
            d = d.withCrs(first.metadata().crs());
        }
        return d;
    }

    /** Writes a one-band layer, described by {@link #describe(TileLayer)}. */
    public static Result write(TileLayer layer, String target, GeoTiffWriteOptions options) throws IOException {
        return write(List.of(layer), describe(layer), target, options);
    }

    /**
     * Writes {@code bands} (band {@code b} of the file from layer {@code b}) as described.
     *
     * @throws IllegalArgumentException if the layers are not on one grid and layout, their tiles are not
     *                                  {@code options.blockSize()} squares, or the description's size,
     *                                  band count or data type does not match them
     * @throws GeoTiffWriteException    naming the target if writing failed (nothing is left behind)
     */
    public static Result write(
            List<TileLayer> bands, RasterDescription description, String target, GeoTiffWriteOptions options)
            throws IOException {
        Objects.requireNonNull(target, "target");
        check(bands, description, target, options);
        TileLayer first = bands.get(0);
        SparkContext sc = first.rdd().context();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        Configuration conf = jsc.hadoopConfiguration();
        List<GeoTiffAssembler.Level> levels = GeoTiffAssembler.levels(description, options);
        boolean bigTiff = GeoTiffAssembler.bigTiff(target, description, options, levels);
        GeoTiffAssembler.Target file = GeoTiffAssembler.Target.resolve(target, conf);
        GeoTiffAssembler.warnAboutLeftovers(file);
        String id = UUID.randomUUID().toString();
        Path parts = WriteLeftovers.partsDir(file.path());
        WriteSpec spec = new WriteSpec(target, parts.toString(), description, options, conf);
        byte[] noData = noDataBlock(description, options);

        String group = "rastermill-write-" + id;
        JobGroup jobGroup = JobGroup.enter(sc, group, "rastermill: write " + target, true);
        boolean ok = false;
        try {
            List<String> names = new ArrayList<>();
            List<PartReader.LevelIndex> index = new ArrayList<>();
            for (GeoTiffAssembler.Level g : levels) {
                index.add(new PartReader.LevelIndex(g.blocks()));
            }
            long started = System.nanoTime();
            JavaPairRDD<SpatialKey, MultibandTile> blocks = levelZero(bands, description, options.blockSize());
            LongAccumulator written = IoMetrics.bytesWritten(sc);
            List<Long> levelMillis = new ArrayList<>();
            BlockOwnership ownership = ownership(bands, description, options, levels);
            if (ownership != null) {
                // one job: level 0 and the overview blocks each partition holds whole; the driver merges the rest
                sc.setJobDescription("rastermill: write " + target + ", level 0 and overviews");
                List<LevelRecord> records = blocks.mapPartitions(new LevelTask(spec, 0, levels, ownership, written))
                        .collect();
                levelMillis.add((System.nanoTime() - started) / 1_000_000);
                long mergeStart = System.nanoTime();
                List<LevelRecord> pieces = new ArrayList<>();
                for (LevelRecord r : records) {
                    if (r.isPlacement()) {
                        place(index, levels, names, r.partFile, r.level, r.placed, target);
                    } else {
                        pieces.add(r);
                    }
                }
                mergeOnDriver(pieces, spec, levels, index, names, file, parts, written);
                levelMillis.add((System.nanoTime() - mergeStart) / 1_000_000);
            } else {
                List<JavaRDD<LevelRecord>> persisted = new ArrayList<>();
                try {
                    for (int k = 0; k < levels.size(); k++) {
                        long levelStart = System.nanoTime();
                        boolean more = k + 1 < levels.size();
                        sc.setJobDescription(
                                "rastermill: write " + target + ", level " + k + " of " + (levels.size() - 1));
                        JavaRDD<LevelRecord> records =
                                blocks.mapPartitions(new LevelTask(spec, k, levels, null, written));
                        if (more) {
                            records = records.persist(
                                    StorageLevel.MEMORY_AND_DISK_SER()); // read by collect and by the next level
                            persisted.add(records);
                        }
                        for (LevelRecord p :
                                records.filter(LevelRecord::isPlacement).collect()) {
                            place(index, levels, names, p.partFile, p.level, p.placed, target);
                        }
                        levelMillis.add((System.nanoTime() - levelStart) / 1_000_000);
                        if (persisted.size() > 1) {
                            persisted
                                    .remove(0)
                                    .unpersist(false); // level k is written: level k - 1's records are no longer needed
                        }
                        if (more) {
                            blocks = parents(records, spec, levels.get(k + 1));
                        }
                    }
                } finally {
                    for (JavaRDD<LevelRecord> r : persisted) {
                        r.unpersist(false);
                    }
                }
            }
            int missing = 0;
            List<int[]> lengths = new ArrayList<>();
            for (PartReader.LevelIndex li : index) {
                for (int b = 0; b < li.part.length; b++) {
                    if (li.part[b] < 0) {
                        li.length[b] = noData.length;
                        missing++;
                    }
                }
                lengths.add(li.length);
            }
            long sparkNanos = System.nanoTime() - started;
            long bytes;
            try (PartReader reader = new PartReader(file.fs(), parts, names, index, noData)) {
                bytes = GeoTiffAssembler.assemble(file, description, options, bigTiff, levels, lengths, reader);
            }
            ok = true;
            return new Result(
                    target,
                    description.width(),
                    description.height(),
                    description.bandCount(),
                    levels.size(),
                    bigTiff,
                    bytes,
                    names.size(),
                    missing,
                    sparkNanos / 1_000_000,
                    List.copyOf(levelMillis),
                    (System.nanoTime() - started - sparkNanos) / 1_000_000);
        } catch (GeoTiffWriteException e) {
            throw e;
        } catch (Exception e) {
            throw new GeoTiffWriteException(
                    target, "the Spark write failed, nothing was written: " + firstLine(e.getMessage()), e);
        } finally {
            if (!ok) {
                jsc.cancelJobGroup(group);
                RunningTasks.awaitNoneInGroup(jsc.statusTracker(), group, 60_000);
            }
            jobGroup.close();
            try {
                file.fs().delete(parts, true);
            } catch (IOException e) {
                if (ok) {
                    throw new GeoTiffWriteException(
                            target,
                            "written, but the part files in " + parts + " could not be deleted: " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private static void check(List<TileLayer> bands, RasterDescription d, String target, GeoTiffWriteOptions o) {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(d, "description");
        Objects.requireNonNull(o, "options");
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(target + ": no layers to write");
        }
        if (d.bandCount() != bands.size()) {
            throw new IllegalArgumentException(target + ": the description has " + d.bandCount() + " bands but "
                    + bands.size() + " layers were given");
        }
        o.checkFor(d.cellType());
        TileLayer first = bands.get(0);
        LayoutDefinition layout = first.metadata().layout();
        if (layout.tileCols() != o.blockSize() || layout.tileRows() != o.blockSize()) {
            throw new IllegalArgumentException(target + ": the layer's tiles are " + layout.tileCols() + "x"
                    + layout.tileRows() + " but the block size is " + o.blockSize()
                    + "; the block size must be the tile size (read the layer with ReadOptions.withTileSize("
                    + o.blockSize() + ") or write with blockSize(" + layout.tileCols() + "))");
        }
        if (first.cols() != d.width() || first.rows() != d.height()) {
            throw new IllegalArgumentException(target + ": the layer is " + first.cols() + "x" + first.rows()
                    + " cells but the description says " + d.width() + "x" + d.height());
        }
        for (int b = 0; b < bands.size(); b++) {
            TileLayer l = bands.get(b);
            if (!l.metadata().layout().equals(layout) || l.cols() != first.cols() || l.rows() != first.rows()) {
                throw new IllegalArgumentException(
                        target + ": layer " + b + " is not on the grid and layout of layer 0");
            }
            CellType ct = l.metadata().cellType();
            if (ct.dataType() != d.cellType().dataType()) {
                throw new IllegalArgumentException(target + ": layer " + b + " is " + ct.name() + " but the file is "
                        + d.cellType().name() + " (convert the layer first)");
            }
        }
    }

    /** The most the driver may hold of quarter blocks no partition holds whole (counted at 8 bytes a cell). */
    static final long DRIVER_MERGE_BYTES = 128L << 20;

    /**
     * Which level-0 partition holds each overview block's tiles, when the layer is partitioned by Z-order ranges and
     * the blocks no partition holds whole are few enough for the driver to merge; else null: the overviews are built
     * level by level, each a Spark job shuffling quarter blocks.
     */
    static BlockOwnership ownership(
            List<TileLayer> bands, RasterDescription d, GeoTiffWriteOptions o, List<GeoTiffAssembler.Level> levels) {
        if (levels.size() < 2) {
            return null;
        }
        Partitioner p = bands.size() == 1
                ? bands.get(0).rdd().partitioner().orNull()
                : bands.get(0).partitioner();
        if (!(p instanceof ZOrderPartitioner z)) {
            return null;
        }
        BlockOwnership ownership = new BlockOwnership(z);
        long half = o.blockSize() / 2;
        long quarterBytes = half * half * 8 * d.bandCount();
        return ownership.driverMergeBytes(LevelShape.of(levels), quarterBytes) <= DRIVER_MERGE_BYTES ? ownership : null;
    }

    /**
     * Builds the overview blocks no partition held whole from the quarters the tasks emitted, on the driver, into
     * one more part file ({@code driver/part-0}).
     */
    private static void mergeOnDriver(
            List<LevelRecord> pieces,
            WriteSpec spec,
            List<GeoTiffAssembler.Level> levels,
            List<PartReader.LevelIndex> index,
            List<String> names,
            GeoTiffAssembler.Target file,
            Path parts,
            LongAccumulator written)
            throws IOException {
        if (pieces.isEmpty()) {
            return;
        }
        String name = "driver/part-0";
        List<LevelShape> shapes = LevelShape.of(levels);
        Placements placed = new Placements(levels.size());
        try (FSDataOutputStream out = file.fs().create(new Path(parts, name), false);
                GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(spec.description(), spec.options())) {
            PyramidBuilder pyramid = new PyramidBuilder(
                    spec,
                    shapes,
                    encoder,
                    (l, k) -> true,
                    (l, k, bytes, length) -> {
                        placed.add(l, (long) k.row() * shapes.get(l).across() + k.col(), out.getPos(), length);
                        out.write(bytes, 0, length);
                        written.add(length);
                    },
                    (l, parent, q, quarter) -> {
                        throw new IllegalStateException("the driver owns every block");
                    });
            for (LevelRecord r : pieces) {
                pyramid.addQuarter(r.level, r.parent, r.quadrant, r.piece);
            }
            pyramid.finish();
        }
        for (LevelRecord r : placed.records(name)) {
            place(index, levels, names, name, r.level, r.placed, spec.location);
        }
    }

    /** Records where a part file's blocks of one level are; a block placed twice is an error. */
    private static void place(
            List<PartReader.LevelIndex> index,
            List<GeoTiffAssembler.Level> levels,
            List<String> names,
            String partFile,
            int level,
            long[] v,
            String target)
            throws GeoTiffWriteException {
        int part = names.indexOf(partFile);
        if (part < 0) {
            part = names.size();
            names.add(partFile);
        }
        PartReader.LevelIndex li = index.get(level);
        GeoTiffAssembler.Level g = levels.get(level);
        for (int i = 0; i < v.length; i += 3) {
            int b = (int) v[i];
            if (li.part[b] >= 0) {
                throw new GeoTiffWriteException(
                        target,
                        "block (" + b % g.across() + ", " + b / g.across() + ") of level " + level
                                + " appears more than once in the layer");
            }
            li.part[b] = part;
            li.offset[b] = v[i + 1];
            li.length[b] = (int) v[i + 2];
        }
    }

    /** Level 0: the layers' in-raster tiles as blocks, edge tiles cropped to the raster. */
    static JavaPairRDD<SpatialKey, MultibandTile> levelZero(List<TileLayer> bands, RasterDescription d, int size) {
        int width = d.width();
        int height = d.height();
        int across = (width + size - 1) / size;
        int down = (height + size - 1) / size;
        CellType ct = d.cellType();
        if (bands.size() == 1) {
            return bands.get(0)
                    .rdd()
                    .filter(kv -> inside(kv._1(), across, down))
                    .mapToPair(
                            kv -> new Tuple2<>(kv._1(), MultibandTile.of(crop(kv._2(), kv._1(), size, width, height))));
        }
        int n = bands.size();
        JavaPairRDD<SpatialKey, Tuple2<Integer, Tile>> tagged = null;
        for (int b = 0; b < n; b++) {
            int band = b;
            JavaPairRDD<SpatialKey, Tuple2<Integer, Tile>> t = bands.get(b)
                    .rdd()
                    .filter(kv -> inside(kv._1(), across, down))
                    .mapToPair(kv ->
                            new Tuple2<>(kv._1(), new Tuple2<>(band, crop(kv._2(), kv._1(), size, width, height))));
            tagged = tagged == null ? t : tagged.union(t);
        }
        return tagged.groupByKey(bands.get(0).partitioner()).mapToPair(kv -> {
            Tile[] tiles = new Tile[n];
            for (Tuple2<Integer, Tile> bt : kv._2()) {
                tiles[bt._1()] = bt._2();
            }
            SpatialKey k = kv._1();
            for (int b = 0; b < n; b++) {
                if (tiles[b] == null) {
                    tiles[b] = TileBuilder.noData(
                                    ct, Math.min(size, width - k.col() * size), Math.min(size, height - k.row() * size))
                            .build();
                }
            }
            return new Tuple2<>(k, MultibandTile.of(tiles));
        });
    }

    private static boolean inside(SpatialKey k, int across, int down) {
        return k.col() >= 0 && k.col() < across && k.row() >= 0 && k.row() < down;
    }

    private static Tile crop(Tile t, SpatialKey k, int size, int width, int height) {
        int w = Math.min(size, width - k.col() * size);
        int h = Math.min(size, height - k.row() * size);
        return w == t.cols() && h == t.rows() ? t : t.crop(0, 0, w - 1, h - 1);
    }

    /** Level {@code k + 1} from the quarters level {@code k}'s tasks emitted: grouped by parent, assembled. */
    static JavaPairRDD<SpatialKey, MultibandTile> parents(
            JavaRDD<LevelRecord> records, WriteSpec spec, GeoTiffAssembler.Level parent) {
        int partitions = Math.max(1, Math.min(records.getNumPartitions(), parent.blocks()));
        return records.filter(r -> !r.isPlacement())
                .mapToPair(r -> new Tuple2<>(r.parent, new Tuple2<>(r.quadrant, r.piece)))
                .groupByKey(new HashPartitioner(partitions))
                .mapPartitionsToPair(
                        it -> {
                            OverviewBlockReducer reducer = new OverviewBlockReducer(spec.description(), spec.options());
                            return new Iterator<Tuple2<SpatialKey, MultibandTile>>() {
                                @Override
                                public boolean hasNext() {
                                    return it.hasNext();
                                }

                                @Override
                                public Tuple2<SpatialKey, MultibandTile> next() {
                                    Tuple2<SpatialKey, Iterable<Tuple2<Integer, MultibandTile>>> kv = it.next();
                                    MultibandTile[] quarters = new MultibandTile[4];
                                    for (Tuple2<Integer, MultibandTile> q : kv._2()) {
                                        quarters[q._1()] = q._2();
                                    }
                                    return new Tuple2<>(kv._1(), reducer.assemble(quarters));
                                }
                            };
                        },
                        true);
    }

    /** The block written where there is no tile: what the overview reduction makes of no data at all. */
    static byte[] noDataBlock(RasterDescription d, GeoTiffWriteOptions o) {
        int s = o.blockSize();
        double[] lane = new double[s * s];
        Arrays.fill(lane, Double.NaN);
        Tile[] tiles = new Tile[d.bandCount()];
        for (int b = 0; b < tiles.length; b++) {
            tiles[b] = ArrayTile.fromDoubleLane(d.cellType(), s, s, lane);
        }
        try (GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(d, o)) {
            return encoder.encode(MultibandTile.of(tiles));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
