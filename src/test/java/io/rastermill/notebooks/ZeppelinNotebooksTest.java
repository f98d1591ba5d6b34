package io.rastermill.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.stats.Summaries;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.LocalS3;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.sample.SyntheticDem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Zeppelin note in {@code notebooks/*.zpln} the way Zeppelin's Spark interpreter would,
 * one dynamic test per note, and checks that the outputs are sane.
 *
 * <p>Zeppelin itself is not available from the package registries this build uses, so its Spark
 * interpreter is emulated ({@link ZeppelinSparkInterpreter}): paragraphs run in order in one Scala
 * REPL session per note, bound to a local[2] SparkSession as {@code spark}, {@code sc},
 * {@code sqlContext} and a {@code z} stand-in ({@link ZeppelinContextStandIn}: {@code z.show(df)},
 * {@code z.put/get}); {@code %sql} goes through {@code spark.sql}; {@code %md} is skipped;
 * {@code %spark.conf} lines (before any code, as in Zeppelin) configure the session. The REPL is
 * Spark's {@code SparkILoop} (spark-repl_2.12 3.5.7, on the build's Spark 3.5.9) in the default
 * profile; under {@code -Pspark4} no spark-repl_2.13 4.x artifact resolves, so the Scala 2.13
 * compiler's {@code IMain} is driven directly with the same settings ({@code -Yrepl-class-based},
 * {@code -Yrepl-outdir} = {@code spark.repl.class.outputDir}), like Zeppelin's own 2.13 interpreter.
 *
 * <p>A paragraph that fails fails the test with the note, the paragraph's index and title, the
 * interpreter's output (the compiler error or the exception) and the code. Every {@code %table}
 * must have a header and rows of its width, and every inline {@code data:image/png} must decode and
 * not be blank; notes named in {@link #CHECKS} are checked further. Notes get their sample data in
 * {@code target/notebook-data/<note>} (system property {@code rastermill.notebook.data}, which the
 * notes read) at the small size {@value #SAMPLE_SIZE}² ({@code rastermill.notebook.size}).
 *
 * <p>A note whose {@code %spark.conf} sets {@code spark.hadoop.fs.s3a.endpoint} runs against a local S3 server
 * ({@link LocalS3}: S3Proxy on 127.0.0.1, a free port, a new bucket) started for it: the server's S3A settings
 * replace the note's values of the same keys (endpoint, credentials, ...), as a user edits that paragraph for their
 * bucket, and the note's folder on it is passed as {@code rastermill.notebook.s3} ({@code s3a://<bucket>/notebook}),
 * as {@code dataDir} is.
 */
class ZeppelinNotebooksTest {
    static final int SAMPLE_SIZE = 768;
    /** The setting that makes a note run against a local S3 server. */
    static final String S3_ENDPOINT = "spark.hadoop.fs.s3a.endpoint";

    /** A note's run: each paragraph with its result and parsed output. */
    record NoteRun(
            ZeppelinNote note,
            List<ZeppelinNote.Paragraph> paragraphs,
            List<ZeppelinSparkInterpreter.ParagraphResult> results,
            List<ParagraphOutput> outputs,
            List<String> s3Keys) {

        /** The output of the first paragraph whose title contains {@code title}. */
        ParagraphOutput output(String title) {
            for (int i = 0; i < paragraphs.size(); i++) {
                String t = paragraphs.get(i).title();
                if (t != null && t.contains(title)) {
                    return outputs.get(i);
                }
            }
            throw new AssertionError(note.file().getFileName() + ": no paragraph titled \"" + title + "\"");
        }

        /** The same run with the objects found in its S3 bucket after the last paragraph. */
        NoteRun withS3Keys(List<String> keys) {
            return new NoteRun(note, paragraphs, results, outputs, keys);
        }

        List<ParagraphOutput.Table> tables() {
            return outputs.stream().flatMap(o -> o.tables().stream()).toList();
        }
    }

    interface NoteCheck {
        void check(NoteRun run) throws Exception;
    }

    /** Note-specific checks, by file name; notes not listed get the generic checks only. */
    static final Map<String, NoteCheck> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("01-getting-started.zpln", ZeppelinNotebooksTest::checkGettingStarted);
        CHECKS.put("02-terrain-at-scale.zpln", ZeppelinNotebooksTest::checkTerrain);
        CHECKS.put("03-map-algebra-and-zonal-statistics.zpln", ZeppelinNotebooksTest::checkMapAlgebra);
        CHECKS.put("04-your-own-tile-function.zpln", ZeppelinNotebooksTest::checkOwnFunction);
        CHECKS.put("05-warp-mosaic.zpln", ZeppelinNotebooksTest::checkWarpMosaic);
        CHECKS.put("06-hydrology.zpln", ZeppelinNotebooksTest::checkHydrology);
        CHECKS.put("07-median-composite.zpln", ZeppelinNotebooksTest::checkMedianComposite);
        CHECKS.put("08-object-storage.zpln", ZeppelinNotebooksTest::checkObjectStorage);
    }

    /** The sample DEM's statistics computed cell by cell in plain Java (cells rounded to float32 as stored). */
    record DemFacts(long dataCells, long noDataCells, double min, double max, double mean) {
        static DemFacts of(int size) {
            io.rastermill.io.sample.SyntheticDem dem = new io.rastermill.io.sample.SyntheticDem(size);
            long n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    double z = (float) dem.z(c, r);
                    if (!Double.isNaN(z)) {
                        n++;
                        min = Math.min(min, z);
                        max = Math.max(max, z);
                        sum += z;
                    }
                }
            }
            return new DemFacts(n, (long) size * size - n, min, max, sum / n);
        }
    }

    static void checkGettingStarted(NoteRun run) throws IOException {
        DemFacts dem = DemFacts.of(SAMPLE_SIZE);
        assertTrue(
                run.output("metadata")
                        .text()
                        .contains(SAMPLE_SIZE + " x " + SAMPLE_SIZE + " cells, cell type float32ud-9999"),
                run.output("metadata").text());

        ParagraphOutput.Table stats = single(run.output("Statistics").tables());
        assertEquals(List.of("data_cells", "nodata_cells", "min", "max", "mean", "stddev"), stats.header());
        assertEquals(dem.dataCells(), (long) stats.number(0, "data_cells"));
        assertEquals(dem.noDataCells(), (long) stats.number(0, "nodata_cells"));
        assertEquals(dem.min(), stats.number(0, "min"), 0);
        assertEquals(dem.max(), stats.number(0, "max"), 0);
        assertEquals(dem.mean(), stats.number(0, "mean"), 1e-9 * dem.mean());

        ParagraphOutput.Table hist = single(run.output("Histogram").tables());
        assertEquals(List.of("from_m", "to_m", "cells"), hist.header());
        assertEquals(24, hist.rows().size());
        long cells = 0;
        for (int i = 0; i < hist.rows().size(); i++) {
            cells += (long) hist.number(i, "cells");
        }
        assertEquals(dem.dataCells(), cells, "the histogram counts every data cell once");
        assertEquals(Math.round(dem.min()), (long) hist.number(0, "from_m"));
        assertEquals(Math.round(dem.max()), (long) hist.number(23, "to_m"));

        List<BufferedImage> images = run.output("Hillshade").images();
        assertEquals(1, images.size(), "one inline quicklook");
        int step = (SAMPLE_SIZE + 511) / 512;
        assertEquals((SAMPLE_SIZE + step - 1) / step, images.get(0).getWidth());
        assertTrue(transparentPixels(images.get(0)) > 0, "the DEM's NoData holes are transparent in the quicklook");

        ParagraphOutput.Table top = single(run.output("ten highest").tables());
        assertEquals(List.of("col", "row", "data_cells", "nodata_cells", "min_m", "max_m", "mean_m"), top.header());
        int tilesAcross = (SAMPLE_SIZE + 511) / 512;
        assertEquals(Math.min(10, tilesAcross * tilesAcross), top.rows().size());
        assertEquals(Math.round(dem.max() * 10) / 10.0, top.number(0, "max_m"), 1e-9);
        ParagraphOutput.Table mean = single(run.output("mean, from SQL").tables());
        assertEquals(dem.mean(), mean.number(0, "mean_m"), 1e-9 * dem.mean());
        assertEquals(dem.noDataCells(), (long) mean.number(0, "nodata_cells"));
    }

    static void checkTerrain(NoteRun run) throws IOException {
        ParagraphOutput.Table seams = single(run.output("Seam-free").tables());
        assertEquals(List.of("layer", "max_abs_difference_at_tile_corner"), seams.header());
        assertEquals(3, seams.rows().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    0.0,
                    seams.number(i, "max_abs_difference_at_tile_corner"),
                    seams.rows().get(i).toString());
        }

        // the three layers' statistics against the kernels applied to the whole sample DEM in one piece
        io.rastermill.io.sample.SyntheticDem dem = new io.rastermill.io.sample.SyntheticDem(SAMPLE_SIZE);
        io.rastermill.core.tile.Tile whole = dem.window(0, 0, SAMPLE_SIZE, SAMPLE_SIZE);
        io.rastermill.core.geom.CellSize cell = new io.rastermill.core.geom.CellSize(
                io.rastermill.io.sample.SyntheticDem.CELL, io.rastermill.io.sample.SyntheticDem.CELL);
        List<io.rastermill.core.focal.FocalKernel> kernels = List.of(
                io.rastermill.core.focal.FocalOps.slopeKernel(
                        io.rastermill.core.focal.SlopeParams.GDALDEM.withComputeEdges(true)),
                io.rastermill.core.focal.FocalOps.aspectKernel(io.rastermill.core.focal.AspectParams.GDALDEM),
                io.rastermill.core.focal.FocalOps.terrainIndexKernel(new io.rastermill.core.focal.TerrainIndexParams(
                        io.rastermill.core.focal.TerrainIndexParams.Index.TPI, true)));
        ParagraphOutput.Table stats =
                single(run.output("Statistics of the three layers").tables());
        assertEquals(List.of("layer", "data_cells", "nodata_cells", "min", "max", "mean"), stats.header());
        for (int i = 0; i < 3; i++) {
            io.rastermill.core.stats.Statistics expected = io.rastermill.core.stats.Summaries.statistics(
                    io.rastermill.core.focal.FocalOps.applyWhole(kernels.get(i), whole, cell));
            String what = stats.rows().get(i).get(0);
            assertEquals(expected.dataCells(), (long) stats.number(i, "data_cells"), what);
            assertEquals(expected.min(), stats.number(i, "min"), 0, what);
            assertEquals(expected.max(), stats.number(i, "max"), 0, what);
            assertEquals(expected.mean(), stats.number(i, "mean"), 1e-9 * Math.max(1, Math.abs(expected.mean())), what);
        }

        List<BufferedImage> images = run.output("Quicklooks").images();
        assertEquals(2, images.size(), "slope and TPI quicklooks");

        ParagraphOutput.Table cog = single(run.output("COG").tables());
        assertEquals(SAMPLE_SIZE, (int) cog.number(0, "width"));
        assertEquals(SAMPLE_SIZE, (int) cog.number(0, "height"));
        String cellType = cog.rows().get(0).get(cog.column("cell_type"));
        assertTrue(cellType.startsWith("float32"), cellType);
        assertEquals(256, (int) cog.number(0, "block"));
        assertTrue(cog.number(0, "overviews") >= 1, "a COG of 768 cells in 256 blocks has overviews");
        try (io.rastermill.io.geotiff.GeoTiffReader r =
                io.rastermill.io.geotiff.GeoTiffReader.open(cog.rows().get(0).get(cog.column("file")))) {
            io.rastermill.core.tile.Tile written =
                    r.readBand(new io.rastermill.core.geom.GridBounds(250, 250, 261, 261), 0, 0);
            io.rastermill.core.tile.Tile expected = io.rastermill.core.focal.FocalOps.applyWhole(
                            kernels.get(0), whole, cell)
                    .crop(250, 250, 261, 261);
            assertEquals(expected, written.convert(expected.cellType()), "the slope COG's cells at a tile corner");
        }

        ParagraphOutput.Table stages = single(run.output("stages").tables());
        assertEquals(List.of("job", "stage", "name", "tasks"), stages.header());
        assertTrue(
                stages.rows().stream().map(r -> r.get(0)).distinct().count() >= 3,
                "a job per reduction: " + stages.rows());
        for (int i = 0; i < stages.rows().size(); i++) {
            assertTrue(stages.number(i, "tasks") >= 1, stages.rows().get(i).toString());
        }
        assertTrue(
                run.output("lineage").text().contains("RDD"),
                run.output("lineage").text());
    }

    /**
     * Note 8 against a local S3 server: the window read fetched a part of the object, not all of it; the slope COG
     * written to S3 is byte for byte the local one, and its statistics and cells are the slope kernel's over the
     * whole DEM; the layer read back from the S3 catalog has the DEM's cells; the objects are in the bucket, and no
     * hidden part prefix is left.
     */
    static void checkObjectStorage(NoteRun run) throws IOException {
        DemFacts dem = DemFacts.of(SAMPLE_SIZE);
        ParagraphOutput window = run.output("read one window");
        assertTrue(window.text().contains("the same cells as the local file: true"), window.text());
        ParagraphOutput.Table reads = single(window.tables());
        assertEquals(List.of("what", "requests", "bytes"), reads.header());
        double objectBytes = reads.number(2, "bytes");
        double fetched = reads.number(1, "bytes");
        assertTrue(reads.number(1, "requests") >= 1 && fetched > 0, "S3A's statistics saw the GETs: " + reads.rows());
        assertTrue(
                fetched < 0.5 * objectBytes,
                "the header and one window fetch a part of the object, not all of it: " + reads.rows());
        assertTrue(reads.number(0, "bytes") <= fetched, "S3A fetched at least what was asked: " + reads.rows());

        ParagraphOutput.Table cogs = single(run.output("Slope from S3 to S3").tables());
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    "true",
                    cogs.rows().get(i).get(cogs.column("identical_bytes")),
                    cogs.rows().toString());
        }
        assertTrue(cogs.rows().get(0).get(0).startsWith("s3a://"), cogs.rows().toString());
        assertTrue(cogs.number(0, "s3_bytes_fetched") > 0, cogs.rows().toString());

        Tile whole = new SyntheticDem(SAMPLE_SIZE).window(0, 0, SAMPLE_SIZE, SAMPLE_SIZE);
        FocalKernel slope = FocalOps.slopeKernel(SlopeParams.GDALDEM.withComputeEdges(true));
        Tile expected = FocalOps.applyWhole(slope, whole, new CellSize(SyntheticDem.CELL, SyntheticDem.CELL));
        Statistics facts = Summaries.statistics(expected);
        ParagraphOutput.Table stats =
                single(run.output("Statistics of the slope COG").tables());
        for (int i = 0; i < 2; i++) {
            String what = stats.rows().get(i).get(0);
            assertEquals(facts.dataCells(), (long) stats.number(i, "data_cells"), what);
            assertEquals(facts.min(), stats.number(i, "min"), 0, what);
            assertEquals(facts.max(), stats.number(i, "max"), 0, what);
            assertEquals(facts.mean(), stats.number(i, "mean"), 1e-9 * facts.mean(), what);
        }
        assertEquals(1, run.output("Quicklook of the slope COG").images().size());
        Path localCog = buildDir().resolve("notebook-data/08-object-storage/slope.tif");
        try (GeoTiffReader r = GeoTiffReader.open(localCog.toString())) {
            Tile written = r.readBand(new GridBounds(250, 250, 261, 261), 0, 0);
            assertEquals(
                    expected.crop(250, 250, 261, 261),
                    written.convert(expected.cellType()),
                    "the slope COG's cells where four tiles meet");
        }

        ParagraphOutput.Table objects =
                single(run.output("A layer catalog on S3").tables());
        List<String> names = objects.rows().stream().map(r -> r.get(0)).toList();
        assertTrue(names.stream().anyMatch(n -> n.contains("metadata.json")), "the layer's attribute: " + names);
        assertTrue(names.stream().anyMatch(n -> n.endsWith("_SUCCESS")), "the layer's tiles: " + names);
        ParagraphOutput.Table back = single(run.output("Read the layer back").tables());
        assertEquals(16L * 16, (long) back.number(0, "corner_cells_compared"));
        assertEquals(0L, (long) back.number(0, "corner_cells_differing"));
        assertEquals(dem.dataCells(), (long) back.number(0, "layer_data_cells"));
        assertEquals(dem.dataCells(), (long) back.number(0, "file_data_cells"));
        assertEquals(dem.mean(), back.number(0, "layer_mean"), 1e-9 * dem.mean());

        assertTrue(run.s3Keys().contains("notebook/dem.tif"), "the upload: " + run.s3Keys());
        assertTrue(run.s3Keys().contains("notebook/slope.tif"), "the COG: " + run.s3Keys());
        assertTrue(
                run.s3Keys().stream().anyMatch(k -> k.startsWith("notebook/catalog/")), "the catalog: " + run.s3Keys());
        assertTrue(
                run.s3Keys().stream().noneMatch(k -> k.contains(".rastermill-")),
                "no hidden part prefix or temporary object is left: " + run.s3Keys());
    }

    /** The note's lower-share index at one cell, computed directly from the synthetic DEM. */
    static double lowerShare(io.rastermill.io.sample.SyntheticDem dem, int col, int row, int radius) {
        double centre = (float) dem.z(col, row);
        if (Double.isNaN(centre)) {
            return Double.NaN;
        }
        int lower = 0;
        int n = 0;
        for (int y = Math.max(0, row - radius); y <= Math.min(dem.size() - 1, row + radius); y++) {
            for (int x = Math.max(0, col - radius); x <= Math.min(dem.size() - 1, col + radius); x++) {
                double v = (float) dem.z(x, y);
                if (!Double.isNaN(v)) {
                    n++;
                    lower += v < centre ? 1 : 0;
                }
            }
        }
        return (double) lower / n;
    }

    static void checkWarpMosaic(NoteRun run) throws IOException {
        ParagraphOutput.Table mosaic = single(run.output("Mosaic both").tables());
        assertTrue(
                mosaic.number(0, "data_cells") > 0.9 * SAMPLE_SIZE * SAMPLE_SIZE,
                mosaic.rows().toString());
        assertEquals(1, run.output("Quicklook").images().size());
        ParagraphOutput.Table back = single(run.output("Check: back").tables());
        assertTrue(
                back.number(0, "compared") > 0.5 * SAMPLE_SIZE * SAMPLE_SIZE,
                back.rows().toString());
        assertEquals(0L, (long) back.number(0, "differing"), back.rows().toString());
        assertTrue(
                back.number(1, "compared") > 0.2 * SAMPLE_SIZE * SAMPLE_SIZE,
                back.rows().toString());
        assertTrue(back.number(1, "mean_abs_difference_m") < 5, back.rows().toString());
    }

    /** The mask removes every cloud the plain median keeps; the trend's slope is the scenes' green-up, 3 per day. */
    static void checkMedianComposite(NoteRun run) {
        ParagraphOutput.Table medians = single(run.output("Median composites").tables());
        assertTrue(medians.number(0, "cloudy_cells") > 0, medians.rows().toString());
        assertEquals(
                0L, (long) medians.number(1, "cloudy_cells"), medians.rows().toString());
        assertTrue(
                medians.number(1, "data_cells") > 0.8 * SAMPLE_SIZE * SAMPLE_SIZE,
                medians.rows().toString());
        ParagraphOutput.Table sql =
                single(run.output("The same median through SQL").tables());
        assertEquals(List.of("tiles", "data_cells", "differing_cells"), sql.header());
        assertEquals(
                medians.number(1, "data_cells"),
                sql.number(0, "data_cells"),
                sql.rows().toString());
        assertEquals(0L, (long) sql.number(0, "differing_cells"), "rm_composite equals Composite: " + sql.rows());
        ParagraphOutput.Table trend = single(run.output("Per-cell trend").tables());
        assertEquals(3, trend.number(0, "min"), 1e-9, trend.rows().toString());
        assertEquals(3, trend.number(0, "max"), 1e-9, trend.rows().toString());
    }

    static void checkHydrology(NoteRun run) throws IOException {
        DemFacts facts = DemFacts.of(SAMPLE_SIZE);
        ParagraphOutput.Table drains = single(run.output("Every cell drains").tables());
        assertEquals(5, drains.rows().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(drains.number(i, "cells"), drains.number(i, "outlet_accumulation_plus_one"), "basin " + i);
        }
        assertTrue(drains.number(0, "cells") > 1000, "the largest basin drains a large area: " + drains.rows());
        ParagraphOutput.Table facts2 =
                single(run.output("Fill, flow directions").tables());
        assertEquals(facts.dataCells(), (long) facts2.number(2, "value"), "data cells");
        ParagraphOutput.Table steps = single(run.output("Fill, flow directions").tables());
        assertTrue(steps.number(0, "value") > 0, "the fill raised cells: " + steps.rows());
        assertEquals(1, run.output("Streams over a hillshade").images().size());
    }

    static void checkOwnFunction(NoteRun run) throws IOException {
        DemFacts facts = DemFacts.of(SAMPLE_SIZE);
        ParagraphOutput.Table whole = single(run.output("every tile").tables());
        assertEquals(facts.dataCells(), (long) whole.number(0, "data_cells"));
        assertTrue(
                whole.number(0, "min") >= 0 && whole.number(0, "max") <= 1,
                whole.rows().toString());

        ParagraphOutput.Table same = single(run.output("Same answer").tables());
        assertEquals(251L * 251, (long) same.number(0, "cells_compared"));
        assertEquals(0L, (long) same.number(0, "cells_differing"));
        assertEquals(1, run.output("Quicklook").images().size());

        ParagraphOutput.Table units = single(run.output("mapTiles").tables());
        double metres = units.number(0, "max");
        assertEquals(facts.max(), metres, 0);
        assertEquals(metres * 3.28084, units.number(1, "max"), 1e-4 * metres * 3.28084);

        // the COG the note wrote, at cells in the interior, at tile edges, at the raster's corners and in a hole
        io.rastermill.io.sample.SyntheticDem dem = new io.rastermill.io.sample.SyntheticDem(SAMPLE_SIZE);
        Path cog = buildDir().resolve("notebook-data/04-your-own-tile-function/lower-share.tif");
        try (io.rastermill.io.geotiff.GeoTiffReader r = io.rastermill.io.geotiff.GeoTiffReader.open(cog.toString())) {
            int last = SAMPLE_SIZE - 1;
            int[][] cells = {
                {0, 0},
                {last, last},
                {0, last},
                {300, 300},
                {511, 511},
                {512, 511},
                {511, 512},
                {515, 3},
                {(int) (0.3 * SAMPLE_SIZE), (int) (0.7 * SAMPLE_SIZE)}
            };
            for (int[] cr : cells) {
                double expected = (float) lowerShare(dem, cr[0], cr[1], 5);
                double actual = r.readBand(new io.rastermill.core.geom.GridBounds(cr[0], cr[1], cr[0], cr[1]), 0, 0)
                        .getDouble(0, 0);
                assertEquals(expected, actual, 0, "lower share at " + cr[0] + "," + cr[1]);
            }
        }

        // the landform classes, counted cell by cell with the note's breaks; the model loaded once (local mode: one
        // JVM)
        double[] breaks = {
            facts.min() + 0.25 * (facts.max() - facts.min()),
            facts.min() + 0.5 * (facts.max() - facts.min()),
            facts.min() + 0.75 * (facts.max() - facts.min())
        };
        long[] perClass = new long[breaks.length + 2];
        for (int r = 0; r < SAMPLE_SIZE; r++) {
            for (int c = 0; c < SAMPLE_SIZE; c++) {
                double z = (float) dem.z(c, r);
                if (!Double.isNaN(z)) {
                    int k = 0;
                    while (k < breaks.length && z >= breaks[k]) {
                        k++;
                    }
                    perClass[k + 1]++;
                }
            }
        }
        List<ParagraphOutput.Table> classified =
                run.output("Classify every tile").tables();
        assertEquals(2, classified.size());
        ParagraphOutput.Table classes = classified.get(0);
        assertEquals(List.of("class", "cells"), classes.header());
        assertEquals(4, classes.rows().size(), classes.rows().toString());
        for (int i = 0; i < 4; i++) {
            int cls = (int) classes.number(i, "class");
            assertEquals(perClass[cls], (long) classes.number(i, "cells"), "cells of class " + cls);
        }
        ParagraphOutput.Table counters = classified.get(1);
        assertEquals(1L, (long) counters.number(0, "model_loads"), "one model load per executor JVM");
        assertEquals(facts.dataCells(), (long) counters.number(0, "cells_classified"));
        assertTrue(counters.number(0, "tasks") > 1, "several tasks shared the model");
    }

    /**
     * Note 3 against the synthetic scene computed cell by cell: NDVI (float32, as the note stores it) over the
     * whole raster and per zone of the note's 4 x 3 grid of rectangles, whose edges fall between cell centres
     * (768 = 4 x 192 = 3 x 256), so every cell belongs to exactly one zone.
     */
    static void checkMapAlgebra(NoteRun run) {
        io.rastermill.io.sample.SyntheticScene scene = new io.rastermill.io.sample.SyntheticScene(SAMPLE_SIZE);
        int across = 4;
        int down = 3;
        long[] count = new long[across * down];
        double[] sum = new double[across * down];
        double[] min = new double[across * down];
        double[] max = new double[across * down];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long noData = 0;
        double[] values = new double[SAMPLE_SIZE * SAMPLE_SIZE];
        int valueCount = 0;
        for (int r = 0; r < SAMPLE_SIZE; r++) {
            for (int c = 0; c < SAMPLE_SIZE; c++) {
                double v = (float) scene.ndvi(c, r);
                if (Double.isNaN(v)) {
                    noData++;
                    continue;
                }
                values[valueCount++] = v;
                int z = (r * down / SAMPLE_SIZE) * across + c * across / SAMPLE_SIZE;
                count[z]++;
                sum[z] += v;
                min[z] = Math.min(min[z], v);
                max[z] = Math.max(max[z], v);
            }
        }
        long data = java.util.Arrays.stream(count).sum();
        double allMin = java.util.Arrays.stream(min).min().orElseThrow();
        double allMax = java.util.Arrays.stream(max).max().orElseThrow();
        assertTrue(
                allMin < 0 && allMax > 0.6,
                "the scene has water (NDVI < 0) and dense vegetation: " + allMin + ".." + allMax);

        ParagraphOutput.Table ndvi =
                single(run.output("NDVI with the expression language").tables());
        assertEquals(List.of("ndvi_by", "data_cells", "nodata_cells", "min", "max", "mean"), ndvi.header());
        assertEquals(data, (long) ndvi.number(0, "data_cells"));
        assertEquals(noData, (long) ndvi.number(0, "nodata_cells"));
        assertEquals(allMin, ndvi.number(0, "min"), 0);
        assertEquals(allMax, ndvi.number(0, "max"), 0);
        assertEquals(java.util.Arrays.stream(sum).sum() / data, ndvi.number(0, "mean"), 1e-9);

        assertTrue(
                run.output("syntax error").text().contains("unexpected ')' at column 8"),
                run.output("syntax error").text());

        ParagraphOutput.Table sql = single(run.output("NDVI in SQL").tables());
        int tiles = (SAMPLE_SIZE + 511) / 512;
        assertEquals(tiles * tiles, (long) sql.number(0, "tiles"));
        assertEquals(data, (long) sql.number(0, "data_cells"));
        assertEquals(0.0, sql.number(0, "max_tile_mean_difference"), 0);

        ParagraphOutput.Table rows = single(run.output("dense-vegetation").tables());
        assertEquals(List.of("row", "dense_share", "mean_ndvi"), rows.header());
        assertEquals(tiles, rows.rows().size());

        // the SQL percentiles are the binned ones of stats --percentiles: each within its max_error of the exact
        // nearest-rank percentile of the scene's cells
        double[] sorted = java.util.Arrays.copyOf(values, valueCount);
        java.util.Arrays.sort(sorted);
        ParagraphOutput.Table pct =
                single(run.output("Exact percentiles of NDVI in SQL").tables());
        assertEquals(List.of("p5", "p50", "p95", "max_error"), pct.header());
        double maxError = pct.number(0, "max_error");
        assertTrue(maxError > 0 && maxError <= (allMax - allMin) / (1 << 17) * 1.000001, "max_error " + maxError);
        for (int p : new int[] {5, 50, 95}) {
            double exact = sorted[(int) IntHistogram.nearestRank(p / 100.0, sorted.length) - 1];
            assertEquals(exact, pct.number(0, "p" + p), maxError, "p" + p);
        }

        ParagraphOutput.Table zonal =
                single(run.output("Zonal statistics of NDVI per polygon").tables());
        assertEquals(
                List.of(
                        "zone",
                        "data_cells",
                        "nodata_cells",
                        "mean_ndvi",
                        "min_ndvi",
                        "max_ndvi",
                        "median_ndvi",
                        "p90_ndvi"),
                zonal.header());
        assertEquals(across * down, zonal.rows().size());
        for (int i = 0; i < zonal.rows().size(); i++) {
            String name = zonal.rows().get(i).get(0);
            int z = (name.charAt(1) - '1') * across + (name.charAt(0) - 'A');
            assertEquals(count[z], (long) zonal.number(i, "data_cells"), name);
            assertEquals(sum[z] / count[z], zonal.number(i, "mean_ndvi"), 1e-9, name);
            assertEquals(min[z], zonal.number(i, "min_ndvi"), 0, name);
            assertEquals(max[z], zonal.number(i, "max_ndvi"), 0, name);
            double median = zonal.number(i, "median_ndvi");
            assertTrue(median >= min[z] && median <= max[z], name + " median " + median);
        }

        ParagraphOutput.Table chart = single(run.output("Mean NDVI per zone").tables());
        assertEquals(List.of("zone", "mean_ndvi", "p90_ndvi"), chart.header());
        assertEquals(across * down, chart.rows().size());
        assertTrue(
                run.output("Write the NDVI as a COG").text().contains("ndvi.tif"),
                run.output("Write the NDVI as a COG").text());
        Path cog = buildDir().resolve("notebook-data/03-map-algebra-and-zonal-statistics/ndvi.tif");
        try (io.rastermill.io.geotiff.GeoTiffReader r = io.rastermill.io.geotiff.GeoTiffReader.open(cog.toString())) {
            for (int[] cr : new int[][] {{0, 0}, {511, 512}, {SAMPLE_SIZE - 1, SAMPLE_SIZE - 1}, {400, 100}}) {
                double expected = (float) scene.ndvi(cr[0], cr[1]);
                double actual = r.readBand(new io.rastermill.core.geom.GridBounds(cr[0], cr[1], cr[0], cr[1]), 0, 0)
                        .getDouble(0, 0);
                assertEquals(expected, actual, 0, "NDVI COG at " + cr[0] + "," + cr[1]);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ParagraphOutput.Table single(List<ParagraphOutput.Table> tables) {
        assertEquals(1, tables.size(), "expected one %table, got " + tables.size());
        return tables.get(0);
    }

    static int transparentPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) >>> 24) == 0 ? 1 : 0;
            }
        }
        return n;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    static Path buildDir() {
        // surefire runs in the project directory; -Pspark4 builds into target/spark4
        Path classes = Path.of(ZeppelinNotebooksTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        return classes.getParent();
    }

    @TestFactory
    Stream<DynamicTest> notebooks() throws IOException {
        Path dir = projectDir().resolve("notebooks");
        List<Path> notes;
        try (Stream<Path> s = Files.list(dir)) {
            notes = s.filter(p -> p.getFileName().toString().endsWith(".zpln"))
                    .sorted()
                    .toList();
        }
        assertFalse(notes.isEmpty(), "no .zpln notes in " + dir);
        String only = System.getProperty("rastermill.notebooks", "");
        if (!only.isBlank()) {
            // -Drastermill.notebooks=02 runs only the notes whose file names contain "02" (for working on one note)
            return notes.stream()
                    .filter(n -> n.getFileName().toString().contains(only))
                    .map(n -> DynamicTest.dynamicTest(n.getFileName().toString(), () -> runAndCheck(n)));
        }
        Set<String> names = new HashSet<>();
        notes.forEach(n -> names.add(n.getFileName().toString()));
        for (String checked : CHECKS.keySet()) {
            assertTrue(names.contains(checked), "a checked note is missing: notebooks/" + checked);
        }
        return notes.stream().map(n -> DynamicTest.dynamicTest(n.getFileName().toString(), () -> runAndCheck(n)));
    }

    static void runAndCheck(Path file) throws Exception {
        NoteRun run = run(ZeppelinNote.read(file));
        String name = file.getFileName().toString();
        for (int i = 0; i < run.paragraphs().size(); i++) {
            genericChecks(name, run.paragraphs().get(i), run.outputs().get(i));
        }
        NoteCheck check = CHECKS.get(name);
        if (check != null) {
            check.check(run);
        }
    }

    static NoteRun run(ZeppelinNote note) throws IOException {
        String stem = note.file().getFileName().toString().replaceFirst("\\.zpln$", "");
        Map<String, String> conf = sparkConf(note);
        Path replDir = buildDir().resolve("notebook-repl").resolve(stem);
        deleteRecursively(replDir);
        Files.createDirectories(replDir);
        Path data = buildDir().resolve("notebook-data").resolve(stem);
        deleteRecursively(data);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (LocalS3 s3 = conf.containsKey(S3_ENDPOINT) ? new LocalS3() : null) {
            if (s3 != null) {
                s3.start();
                s3.s3aSettings().forEach((k, v) -> conf.put("spark.hadoop." + k, v));
                System.setProperty("rastermill.notebook.s3", s3.uri("notebook"));
            }
            try {
                NoteRun run = run(note, stem, conf, data, classPath);
                return s3 == null ? run : run.withS3Keys(s3Keys(s3));
            } finally {
                System.clearProperty("rastermill.notebook.s3");
            }
        }
    }

    /** The objects in the local S3 server's bucket (its files on disk, S3Proxy's hidden upload files left out). */
    static List<String> s3Keys(LocalS3 s3) throws IOException {
        Path bucket = s3.bucketDir();
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(bucket)) {
            return s.filter(Files::isRegularFile)
                    .map(f -> bucket.relativize(f).toString())
                    .filter(k -> !k.startsWith(".mpus-"))
                    .sorted()
                    .toList();
        }
    }

    static NoteRun run(ZeppelinNote note, String stem, Map<String, String> conf, Path data, String classPath)
            throws IOException {
        Path replDir = buildDir().resolve("notebook-repl").resolve(stem);
        System.setProperty("rastermill.notebook.data", data.toString());
        System.setProperty("rastermill.notebook.size", Integer.toString(SAMPLE_SIZE));
        List<ZeppelinSparkInterpreter.ParagraphResult> results = new ArrayList<>();
        List<ParagraphOutput> outputs = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ZeppelinSparkInterpreter interpreter = new ZeppelinSparkInterpreter(conf, replDir.toFile(), classPath)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %s, started in %.1f s%n",
                    note.file().getFileName(),
                    interpreter.description(),
                    (System.nanoTime() - t0) / 1e9);
            for (ZeppelinNote.Paragraph p : note.paragraphs()) {
                if (p.interpreter().equals("spark.conf")) {
                    results.add(
                            new ZeppelinSparkInterpreter.ParagraphResult(ZeppelinSparkInterpreter.Status.SKIPPED, ""));
                    outputs.add(ParagraphOutput.parse(""));
                    continue;
                }
                long t = System.nanoTime();
                ZeppelinSparkInterpreter.ParagraphResult r = interpreter.run(note.id(), p);
                if (r.status() == ZeppelinSparkInterpreter.Status.ERROR) {
                    fail(failureMessage(note, p, r));
                }
                if (r.status() == ZeppelinSparkInterpreter.Status.SUCCESS) {
                    System.out.printf(Locale.ROOT, "  %s: ok in %.1f s%n", p.label(), (System.nanoTime() - t) / 1e9);
                }
                results.add(r);
                outputs.add(ParagraphOutput.parse(r.output()));
            }
        } finally {
            System.clearProperty("rastermill.notebook.data");
            System.clearProperty("rastermill.notebook.size");
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d paragraphs in %.1f s%n",
                note.file().getFileName(),
                note.paragraphs().size(),
                (System.nanoTime() - t0) / 1e9);
        writeTranscript(buildDir().resolve("notebook-output").resolve(stem + ".txt"), note, results);
        return new NoteRun(note, note.paragraphs(), results, outputs, List.of());
    }

    /** What a failed paragraph reports: the note, the paragraph's index, title and interpreter, the error, the code. */
    static String failureMessage(
            ZeppelinNote note, ZeppelinNote.Paragraph p, ZeppelinSparkInterpreter.ParagraphResult r) {
        return note.file().getFileName() + " (\"" + note.name() + "\"): " + p.label() + " failed:\n"
                + r.output().strip() + "\n--- paragraph text ---\n" + p.text();
    }

    /** Every paragraph's text and output, for reading what a note shows without Zeppelin. */
    static void writeTranscript(Path target, ZeppelinNote note, List<ZeppelinSparkInterpreter.ParagraphResult> results)
            throws IOException {
        StringBuilder sb = new StringBuilder("note: " + note.name() + "\n");
        for (int i = 0; i < results.size(); i++) {
            ZeppelinNote.Paragraph p = note.paragraphs().get(i);
            sb.append("\n=== ")
                    .append(p.label())
                    .append(" [")
                    .append(results.get(i).status())
                    .append("]\n")
                    .append(p.text())
                    .append("\n--- output ---\n")
                    .append(results.get(i).output().strip())
                    .append('\n');
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, sb);
    }

    /** The {@code key value} lines of {@code %spark.conf} paragraphs, which must come before any code runs. */
    static Map<String, String> sparkConf(ZeppelinNote note) {
        Map<String, String> conf = new LinkedHashMap<>();
        boolean codeSeen = false;
        for (ZeppelinNote.Paragraph p : note.paragraphs()) {
            switch (p.interpreter()) {
                case "md" -> {}
                case "spark.conf" -> {
                    if (codeSeen) {
                        fail(
                                note.file().getFileName() + ": " + p.label()
                                        + " comes after code has run; Zeppelin applies %spark.conf only before the interpreter starts");
                    }
                    for (String line : p.body().split("\n")) {
                        String l = line.strip();
                        if (l.isEmpty() || l.startsWith("#")) {
                            continue;
                        }
                        String[] kv = l.split("\\s+", 2);
                        if (kv.length != 2) {
                            fail(note.file().getFileName() + ": " + p.label() + ": not `key value`: " + l);
                        }
                        conf.put(kv[0], kv[1].strip());
                    }
                }
                default -> codeSeen = true;
            }
        }
        return conf;
    }

    static void genericChecks(String note, ZeppelinNote.Paragraph p, ParagraphOutput out) throws IOException {
        String where = note + " " + p.label();
        for (ParagraphOutput.Table t : out.tables()) {
            assertFalse(t.header().isEmpty() || t.header().get(0).isEmpty(), where + ": a %table without a header");
            assertFalse(t.rows().isEmpty(), where + ": a %table without rows: " + t.header());
            for (List<String> row : t.rows()) {
                assertEquals(
                        t.header().size(),
                        row.size(),
                        where + ": a %table row " + row + " does not match " + t.header());
            }
        }
        for (BufferedImage img : out.images()) {
            assertTrue(img.getWidth() > 0 && img.getHeight() > 0, where + ": empty image");
            assertTrue(
                    distinctValues(img) > 16,
                    where + ": the inline PNG is (nearly) blank: " + distinctValues(img) + " distinct pixel values");
        }
    }

    static int distinctValues(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
