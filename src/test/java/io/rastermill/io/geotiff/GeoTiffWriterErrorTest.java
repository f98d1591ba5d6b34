package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.codec.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse and failures are clear errors naming the file, and never leave a file that looks complete. */
class GeoTiffWriterErrorTest {
    @TempDir
    Path dir;

    Path spill;
    Path target;
    GeoTiffWriteOptions options;
    RasterDescription description = RasterDescription.of(50, 40, 1, CellType.INT16);
    MultibandTile raster = WriterFixture.randomRaster(CellType.INT16, 50, 40, 1, 3);

    @BeforeEach
    void setUp() throws IOException {
        spill = Files.createDirectories(dir.resolve("spill"));
        target = dir.resolve("out.tif");
        options = GeoTiffWriteOptions.builder()
                .blockSize(32)
                .spillDirectory(spill)
                .build();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> a = Files.list(dir);
                Stream<Path> b = Files.list(spill)) {
            return Stream.concat(a.filter(p -> !p.equals(spill)), b).toList();
        }
    }

    @Test
    void duplicateBlockFailsAtOnceAndAtFinish() throws Exception {
        GeoTiffWriter w = GeoTiffWriter.create(target.toString(), description, options);
        w.writeBlock(0, 0, WriterFixture.block(raster, 32, 0, 0));
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> w.writeBlock(0, 0, WriterFixture.block(raster, 32, 0, 0)));
        assertTrue(e.getMessage().contains("block (0, 0) was written more than once"), e.getMessage());
        w.writeBlock(1, 0, WriterFixture.block(raster, 32, 1, 0));
        w.writeBlock(0, 1, WriterFixture.block(raster, 32, 0, 1));
        w.writeBlock(1, 1, WriterFixture.block(raster, 32, 1, 1));
        GeoTiffWriteException f = assertThrows(GeoTiffWriteException.class, w::finish);
        assertTrue(
                f.getMessage().contains(target.toString()) && f.getMessage().contains("more than once"),
                f.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void missingBlockFailsAtFinishNamingIt() throws Exception {
        GeoTiffWriter w = GeoTiffWriter.create(target.toString(), description, options);
        w.writeBlock(0, 0, WriterFixture.block(raster, 32, 0, 0));
        w.writeBlock(0, 1, WriterFixture.block(raster, 32, 0, 1));
        w.writeBlock(1, 1, WriterFixture.block(raster, 32, 1, 1));
        GeoTiffWriteException f = assertThrows(GeoTiffWriteException.class, w::finish);
        assertTrue(f.getMessage().contains("1 of 4 blocks were never written: (1, 0)"), f.getMessage());
        assertEquals(List.of(), leftovers());
        assertThrows(IllegalStateException.class, w::finish);
    }

    @Test
    void wrongBlockSizeBandsTypeOrPositionAreRefused() throws Exception {
        try (GeoTiffWriter w = GeoTiffWriter.create(target.toString(), description, options)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> w.writeBlock(0, 0, raster.crop(0, 0, 30, 31)));
            assertTrue(e.getMessage().contains("is 31x32; expected 32x32"), e.getMessage());
            // the edge block (1, 1) may be 18x8 or 32x32, nothing else
            w.writeBlock(1, 1, WriterFixture.block(raster, 32, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> w.writeBlock(1, 0, raster.crop(32, 0, 48, 31)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> w.writeBlock(
                            0, 0, WriterFixture.block(raster, 32, 0, 0).convert(CellType.INT32)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> w.writeBlock(
                            0,
                            0,
                            MultibandTile.of(
                                    raster.band(0).crop(0, 0, 31, 31),
                                    raster.band(0).crop(0, 0, 31, 31))));
            assertThrows(
                    IndexOutOfBoundsException.class, () -> w.writeBlock(2, 0, WriterFixture.block(raster, 32, 1, 0)));
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void optionsRefuseBadBlockSizesAndPredictorMismatches() throws Exception {
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriteOptions.builder().blockSize(100).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriteOptions.builder()
                        .compression(Compression.NONE)
                        .predictor(2)
                        .build());
        GeoTiffWriteOptions p3 = GeoTiffWriteOptions.builder().predictor(3).build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> GeoTiffWriter.create(target.toString(), description, p3));
        assertTrue(
                e.getMessage().contains("predictor 3 (floating point) is for float32/float64, not int16"),
                e.getMessage());
        GeoTiffWriteOptions p2 = GeoTiffWriteOptions.builder().predictor(2).build();
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriter.create(target.toString(), RasterDescription.of(10, 10, 1, CellType.FLOAT32), p2));
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriter.create(target.toString(), RasterDescription.of(10, 10, 1, CellType.BOOL), p2));
        assertThrows(
                IllegalArgumentException.class,
                () -> GeoTiffWriteOptions.builder().overviewFactors(List.of(2, 8)));
    }

    @Test
    void bigTiffNoWithAnUncompressedFileOver4GiBIsRefused() throws Exception {
        RasterDescription huge = RasterDescription.of(40000, 20000, 1, CellType.FLOAT64);
        GeoTiffWriteOptions no = GeoTiffWriteOptions.builder()
                .compression(Compression.NONE)
                .bigTiff(BigTiffMode.NO)
                .spillDirectory(spill)
                .build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GeoTiffWriter.create(target.toString(), huge, no));
        assertTrue(e.getMessage().contains("BigTIFF NO") && e.getMessage().contains(target.toString()), e.getMessage());
        try (GeoTiffWriter auto = GeoTiffWriter.create(
                target.toString(),
                huge,
                GeoTiffWriteOptions.builder()
                        .bigTiff(BigTiffMode.AUTO)
                        .spillDirectory(spill)
                        .build())) {
            assertTrue(auto.isBigTiff(), "AUTO: 6.4 GB uncompressed (+ overviews) needs BigTIFF");
        }
        try (GeoTiffWriter small = GeoTiffWriter.create(target.toString(), description, options)) {
            assertFalse(small.isBigTiff());
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void abortRemovesTheSpillFileAndWritesNothing() throws Exception {
        GeoTiffWriter w = GeoTiffWriter.create(target.toString(), description, options);
        w.writeBlock(0, 0, WriterFixture.block(raster, 32, 0, 0));
        assertEquals(1, leftovers().size(), "the spill file, while writing");
        w.abort();
        assertEquals(List.of(), leftovers());
        assertThrows(IllegalStateException.class, () -> w.writeBlock(1, 0, WriterFixture.block(raster, 32, 1, 0)));
        assertThrows(IllegalStateException.class, w::finish);
    }

    @Test
    void aFailingProducerLeavesNoFinalFileAndAnOldTargetUntouched() throws Exception {
        Files.writeString(target, "old");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (GeoTiffWriter w = GeoTiffWriter.create(target.toString(), description, options)) {
            List<Future<Object>> jobs = Stream.of(
                            new int[] {0, 0}, new int[] {1, 0}, new int[] {0, 1}, new int[] {1, 1})
                    .map(k -> pool.<Object>submit(() -> {
                        if (k[0] == 1 && k[1] == 1) {
                            throw new IllegalStateException("producer failed");
                        }
                        w.writeBlock(k[0], k[1], WriterFixture.block(raster, 32, k[0], k[1]));
                        return null;
                    }))
                    .toList();
            boolean failed = false;
            for (Future<Object> f : jobs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed = true;
                }
            }
            assertTrue(failed);
            // the job gives up: close() without finish() aborts
        } finally {
            pool.shutdown();
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), leftovers());
    }

    @Test
    void aFailureWhileAssemblingLeavesNothingBehind() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path impossible = notADirectory.resolve("out.tif");
        GeoTiffWriter w = GeoTiffWriter.create(impossible.toString(), description, options);
        assertThrows(IOException.class, () -> WriterFixture.writeInOrder(w, raster, 32));
        assertEquals(List.of(notADirectory), leftovers(), "spill file deleted, no temporary, no target");
        assertThrows(IllegalStateException.class, w::finish);
    }
}
