package io.rastermill.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.geotiff.BigTiffMode;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteException;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.GeoTiffWriter;
import io.rastermill.io.geotiff.OverviewResampling;
import io.rastermill.io.geotiff.RasterDescription;
import io.rastermill.io.sample.SyntheticDem;
import io.rastermill.spark.LocalSparkSession;
import io.rastermill.spark.TaskOutOfMemoryException;
import io.rastermill.spark.layer.TileFunction;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The Spark writer against the single-JVM {@link GeoTiffWriter}: the same tiles and options give the
 * same file byte for byte (with overviews, COG and plain, sparse layers), and the commit is atomic
 * under task failures. Runs on {@code local[2,4]} so that Spark retries a failed task.
 */
class LayerGeoTiffWriterTest {
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;
    static final CellType FLOAT_ND = CellType.parse("float32ud-9999.0");

    @RegisterExtension
    static final LocalSparkSession SPARK =
            new LocalSparkSession().with("spark.master", "local[2,4]").fewShufflePartitions();

    @TempDir
    Path dir;

    /** A seeded float32 raster with NoData cells (about 5 %), row-major. */
    static float[] raster(long seed) {
        Random r = new Random(seed);
        float[] cells = new float[WIDTH * HEIGHT];
        for (int i = 0; i < cells.length; i++) {
            int x = i % WIDTH;
            int y = i / WIDTH;
            cells[i] = r.nextInt(20) == 0 ? -9999f : (float) (Math.sin(x / 37.0) * 100 + y * 0.25 + r.nextGaussian());
        }
        return cells;
    }

    /** The layout tile {@code (col, row)}: raster cells, NoData padding past the edge. */
    static Tile tile(float[] cells, int size, int col, int row) {
        float[] t = new float[size * size];
        Arrays.fill(t, -9999f);
        for (int y = 0; y < size && row * size + y < HEIGHT; y++) {
            for (int x = 0; x < size && col * size + x < WIDTH; x++) {
                t[y * size + x] = cells[(row * size + y) * WIDTH + col * size + x];
            }
        }
        return ArrayTile.wrap(FLOAT_ND, size, size, t);
    }

    /** A layer of the seeded raster with tiles of {@code size}, without the keys in {@code drop}. */
    static TileLayer layer(float[] cells, int size, Set<SpatialKey> drop) {
        return layerOn(SPARK.session(), cells, size, drop);
    }

    static TileLayer layerOn(SparkSession spark, float[] cells, int size, Set<SpatialKey> drop) {
        Extent extent = new Extent(500_000, 4_000_000 - HEIGHT * 10.0, 500_000 + WIDTH * 10.0, 4_000_000);
        LayoutDefinition layout = LayoutDefinition.fromGrid(RasterExtent.of(extent, WIDTH, HEIGHT), size, size);
        TileLayerMetadata md = TileLayerMetadata.of(FLOAT_ND, layout, extent, Crs.epsg(32633));
        List<Tuple2<SpatialKey, Tile>> tiles = new ArrayList<>();
        for (int r = 0; r < (HEIGHT + size - 1) / size; r++) {
            for (int c = 0; c < (WIDTH + size - 1) / size; c++) {
                SpatialKey k = new SpatialKey(c, r);
                if (!drop.contains(k)) {
                    tiles.add(new Tuple2<>(k, tile(cells, size, c, r)));
                }
            }
        }
        JavaPairRDD<SpatialKey, Tile> rdd =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelizePairs(tiles, 4);
        return TileLayers.fromRdd(rdd, md);
    }

    /** What the single-JVM writer makes of the same tiles: edge blocks cropped, missing ones NoData. */
    static Path reference(float[] cells, RasterDescription d, GeoTiffWriteOptions o, Set<SpatialKey> drop, Path file)
            throws IOException {
        int s = o.blockSize();
        double[] nan = new double[s * s];
        Arrays.fill(nan, Double.NaN);
        try (GeoTiffWriter w = GeoTiffWriter.create(file.toString(), d, o)) {
            for (int r = 0; r < w.blocksDown(); r++) {
                for (int c = 0; c < w.blocksAcross(); c++) {
                    Tile t = drop.contains(new SpatialKey(c, r))
                            ? ArrayTile.fromDoubleLane(FLOAT_ND, s, s, nan)
                            : tile(cells, s, c, r)
                                    .crop(0, 0, Math.min(s, WIDTH - c * s) - 1, Math.min(s, HEIGHT - r * s) - 1);
                    w.writeBlock(c, r, MultibandTile.of(t));
                }
            }
            w.finish();
        }
        return file;
    }

    static GeoTiffWriteOptions.Builder options(int size) {
        return GeoTiffWriteOptions.builder()
                .blockSize(size)
                .compression(Compression.DEFLATE)
                .predictor(Predictor.FLOATING_POINT);
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private void assertSameAsSingleJvm(GeoTiffWriteOptions o, Set<SpatialKey> drop) throws IOException {
        float[] cells = raster(7);
        TileLayer layer = layer(cells, o.blockSize(), drop);
        Path out = Files.createDirectories(dir.resolve("spark")).resolve("out.tif");
        LayerGeoTiffWriter.Result result = LayerGeoTiffWriter.write(layer, out.toString(), o);
        Path ref = reference(
                cells,
                LayerGeoTiffWriter.describe(layer),
                o,
                drop,
                Files.createDirectories(dir.resolve("ref")).resolve("ref.tif"));
        assertArrayEquals(
                Files.readAllBytes(ref), Files.readAllBytes(out), "Spark-written file == GeoTiffWriter's, " + o);
        assertEquals(Files.size(out), result.bytes());
        assertEquals(List.of("out.tif"), listing(out.getParent()), "no temporary or part files left");
        assertTrue(result.levels() > 1, "with overviews");
        assertEquals(
                2,
                result.levelMillis().size(),
                "one Spark job (level 0 and the overviews its tasks hold whole) "
                        + "and the driver's merge, not a job per level");
    }

    @Test
    void aFocalLayerReadFromAFileBuildsItsOverviewsInTheLevelZeroTasks() throws IOException {
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(600).write(dem.toString(), 64);
        TileLayer slope = TileLayers.readGeoTiffs(
                        SPARK.session(),
                        List.of(dem.toString()),
                        TileLayers.ReadOptions.defaults().withTileSize(64))
                .focal(FocalOps.slopeKernel(SlopeParams.GDALDEM));
        LayerGeoTiffWriter.Result result = LayerGeoTiffWriter.write(
                slope, dir.resolve("slope.tif").toString(), options(64).build());
        assertEquals(5, result.levels(), "600 px in 64 blocks: 600, 300, 150, 75 and 38 px");
        assertEquals(2, result.levelMillis().size(), "the level-0 job and the driver's merge");
    }

    @Test
    void aLayerNotPartitionedByZOrderGetsItsOverviewsLevelByLevelWithTheSameBytes() throws IOException {
        GeoTiffWriteOptions o = options(64).build();
        float[] cells = raster(7);
        TileLayer z = layer(cells, 64, Set.of());
        TileLayer hashed = TileLayers.fromRdd(z.rdd().partitionBy(new HashPartitioner(3)), z.metadata());
        Path out = Files.createDirectories(dir.resolve("hash")).resolve("out.tif");
        LayerGeoTiffWriter.Result result = LayerGeoTiffWriter.write(hashed, out.toString(), o);
        assertEquals(result.levels(), result.levelMillis().size(), "a Spark job per level");
        Path ref = reference(
                cells,
                LayerGeoTiffWriter.describe(hashed),
                o,
                Set.of(),
                Files.createDirectories(dir.resolve("ref")).resolve("ref.tif"));
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out), "Spark-written file == GeoTiffWriter's");
    }

    @Test
    void cogWithOverviewsEqualsTheSingleJvmWriterByteForByte() throws IOException {
        assertSameAsSingleJvm(options(128).build(), Set.of());
    }

    @Test
    void plainTiffBigTiffBlock64EqualsTheSingleJvmWriter() throws IOException {
        assertSameAsSingleJvm(
                options(64)
                        .cog(false)
                        .bigTiff(BigTiffMode.YES)
                        .compression(Compression.ZSTD)
                        .predictor(Predictor.NONE)
                        .resampling(OverviewResampling.NEAREST)
                        .build(),
                Set.of());
    }

    @Test
    void missingKeysBecomeNoDataBlocks() throws IOException {
        Set<SpatialKey> drop =
                Set.of(new SpatialKey(1, 1), new SpatialKey(2, 1), new SpatialKey(7, 5), new SpatialKey(0, 0));
        GeoTiffWriteOptions o = options(64).resampling(OverviewResampling.MODE).build();
        assertSameAsSingleJvm(o, drop);
        try (GeoTiffReader r = GeoTiffReader.open(dir.resolve("spark/out.tif").toString())) {
            Tile gap = r.readBand(new GridBounds(64, 64, 191, 127), 0, 0);
            for (int y = 0; y < gap.rows(); y++) {
                for (int x = 0; x < gap.cols(); x++) {
                    assertTrue(gap.isNoData(x, y), "NoData where no tile was, at " + x + ", " + y);
                }
            }
            Tile present = r.readBand(new GridBounds(192, 64, 255, 127), 0, 0);
            float[] cells = raster(7);
            assertEquals(cells[64 * WIDTH + 192], (float) present.getDouble(0, 0));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheFileIsComplete() throws IOException {
        GeoTiffWriteOptions o = options(128).build();
        float[] cells = raster(7);
        String marker = Files.createDirectories(dir.resolve("markers"))
                .resolve("failed-once")
                .toString();
        TileLayer flaky = layer(cells, 128, Set.of()).mapTiles(t -> {
            try {
                Files.createFile(Path.of(marker));
            } catch (FileAlreadyExistsException e) {
                return t;
            }
            throw new IllegalStateException("injected failure, first attempt only");
        });
        Path out = Files.createDirectories(dir.resolve("spark")).resolve("out.tif");
        LayerGeoTiffWriter.write(flaky, out.toString(), o);
        assertTrue(Files.exists(Path.of(marker)), "the failure was injected");
        Path ref = reference(
                cells,
                LayerGeoTiffWriter.describe(flaky),
                o,
                Set.of(),
                Files.createDirectories(dir.resolve("ref")).resolve("ref.tif"));
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out));
        assertEquals(List.of("out.tif"), listing(out.getParent()), "no temporary or part files left");
    }

    @Test
    void aTaskThatAlwaysFailsLeavesNothingAndNamesTheTarget() throws IOException {
        GeoTiffWriteException e = failedWrite(t -> {
            throw new IllegalStateException("this tile always fails");
        });
        assertTrue(e.getMessage().startsWith(failedTarget().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("this tile always fails"), e.getMessage());
    }

    @Test
    void aTaskOutOfHeapFailsTheJobWithThePhaseNotTheJvm() throws IOException {
        // Spark exits an executor JVM (here: this test's) on an OutOfMemoryError in a task; the writer's task turns it
        // into an ordinary task failure that names the level and the target, so the command can say what to raise
        GeoTiffWriteException e = failedWrite(t -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertTrue(
                e.getMessage().contains(TaskOutOfMemoryException.PREFIX + "level 0 of " + failedTarget() + ", task "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("(Java heap space, heap of "
                                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)"),
                e.getMessage());
    }

    private Path failedTarget() {
        return dir.resolve("spark").resolve("out.tif");
    }

    /** The seeded layer through {@code fn}, written to {@link #failedTarget}: must fail and leave nothing; the error. */
    private GeoTiffWriteException failedWrite(TileFunction fn) throws IOException {
        Path out = failedTarget();
        Files.createDirectories(out.getParent());
        TileLayer layer = layer(raster(7), 128, Set.of()).mapTiles(fn);
        GeoTiffWriteException e = assertThrows(
                GeoTiffWriteException.class,
                () -> LayerGeoTiffWriter.write(
                        layer, out.toString(), options(128).build()));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(out.getParent()), "no temporary or part files left");
        return e;
    }

    @Test
    void aKeyTwiceInTheLayerIsAnErrorNamingTheBlock() throws IOException {
        TileLayer layer = layer(raster(7), 128, Set.of());
        JavaPairRDD<SpatialKey, Tile> twice =
                layer.rdd().union(layer.rdd().filter(kv -> kv._1().equals(new SpatialKey(3, 2))));
        TileLayer duplicated = TileLayers.fromRdd(twice, layer.metadata());
        Path out = Files.createDirectories(dir.resolve("spark")).resolve("out.tif");
        GeoTiffWriteException e = assertThrows(
                GeoTiffWriteException.class,
                () -> LayerGeoTiffWriter.write(
                        duplicated, out.toString(), options(128).build()));
        assertTrue(e.getMessage().contains("block (3, 2) of level 0 appears more than once"), e.getMessage());
        assertEquals(List.of(), listing(out.getParent()), "no temporary or part files left");
    }

    @Test
    void refusesABlockSizeOtherThanTheTileSize() throws IOException {
        TileLayer layer = layer(raster(7), 64, Set.of());
        Path out = dir.resolve("out.tif");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LayerGeoTiffWriter.write(
                        layer, out.toString(), options(128).build()));
        assertTrue(e.getMessage().contains("block size must be the tile size"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }
}
