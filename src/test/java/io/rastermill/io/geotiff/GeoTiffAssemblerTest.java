package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public building blocks against {@link GeoTiffWriter}: blocks encoded by {@link GeoTiffBlockEncoder},
 * overviews reduced by {@link OverviewBlockReducer} and assembled by {@link GeoTiffAssembler} make the
 * writer's file byte for byte; the encoder round-trips; a failing block source leaves nothing behind.
 */
class GeoTiffAssemblerTest {
    private static final CellType CT = CellType.parse("int16ud-9999");

    @TempDir
    Path dir;

    private static MultibandTile block(MultibandTile raster, int size, int c, int r) {
        return raster.crop(
                c * size,
                r * size,
                Math.min(raster.cols(), (c + 1) * size) - 1,
                Math.min(raster.rows(), (r + 1) * size) - 1);
    }

    @Test
    void buildingBlocksMakeTheWritersFileByteForByte() throws IOException {
        int w = 203;
        int h = 141;
        MultibandTile raster = WriterFixture.randomRaster(CT, w, h, 2, 42);
        RasterDescription d = RasterDescription.of(w, h, 2, CT).withEpsg(32633);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(32)
                .compression(Compression.DEFLATE)
                .predictor(Predictor.HORIZONTAL)
                .build();
        Path ref = dir.resolve("ref.tif");
        try (GeoTiffWriter writer = GeoTiffWriter.create(ref.toString(), d, o)) {
            for (int r = 0; r < writer.blocksDown(); r++) {
                for (int c = 0; c < writer.blocksAcross(); c++) {
                    writer.writeBlock(c, r, block(raster, 32, c, r));
                }
            }
            writer.finish();
        }
        List<GeoTiffAssembler.Level> levels = GeoTiffAssembler.levels(d, o);
        List<MultibandTile[]> blocks = new ArrayList<>();
        List<byte[][]> encoded = new ArrayList<>();
        List<int[]> lengths = new ArrayList<>();
        OverviewBlockReducer reducer = new OverviewBlockReducer(d, o);
        try (GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(d, o)) {
            for (int k = 0; k < levels.size(); k++) {
                GeoTiffAssembler.Level g = levels.get(k);
                MultibandTile[] level = new MultibandTile[g.blocks()];
                for (int i = 0; i < level.length; i++) {
                    int c = i % g.across();
                    int r = i / g.across();
                    if (k == 0) {
                        level[i] = block(raster, 32, c, r);
                    } else {
                        GeoTiffAssembler.Level below = levels.get(k - 1);
                        MultibandTile[] children = new MultibandTile[4];
                        for (int q = 0; q < 4; q++) {
                            int cc = 2 * c + (q & 1);
                            int cr = 2 * r + (q >> 1);
                            if (cc < below.across() && cr < below.down()) {
                                children[q] = blocks.get(k - 1)[cr * below.across() + cc];
                            }
                        }
                        level[i] = reducer.reduce(c, r, children, below.width(), below.height());
                    }
                }
                byte[][] bytes = new byte[level.length][];
                int[] len = new int[level.length];
                for (int i = 0; i < level.length; i++) {
                    bytes[i] = encoder.encode(level[i]);
                    len[i] = bytes[i].length;
                }
                blocks.add(level);
                encoded.add(bytes);
                lengths.add(len);
            }
            MultibandTile back = encoder.decode(encoded.get(0)[0]);
            Tile expected = raster.band(1).crop(0, 0, 31, 31);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(expected.get(x, y), back.band(1).get(x, y));
                }
            }
        }
        Path out = dir.resolve("out.tif");
        GeoTiffAssembler.Target target = GeoTiffAssembler.Target.resolve(out.toString(), new Configuration());
        long length = GeoTiffAssembler.assemble(
                target,
                d,
                o,
                GeoTiffAssembler.bigTiff("out", d, o, levels),
                levels,
                lengths,
                (level, block, len, os) -> os.write(encoded.get(level)[block]));
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out));
        assertEquals(Files.size(out), length);
        try (GeoTiffReader r = GeoTiffReader.open(out.toString())) {
            assertEquals(
                    raster.band(0).get(202, 140),
                    r.readBand(new GridBounds(202, 140, 202, 140), 0, 0).get(0, 0));
        }
    }

    @Test
    void aFailingSourceLeavesNoTemporaryFileAndKeepsTheOldTarget() throws IOException {
        RasterDescription d = RasterDescription.of(40, 40, 1, CT);
        GeoTiffWriteOptions o =
                GeoTiffWriteOptions.builder().blockSize(16).overviews(0).build();
        List<GeoTiffAssembler.Level> levels = GeoTiffAssembler.levels(d, o);
        Path out = dir.resolve("out.tif");
        Files.writeString(out, "old");
        GeoTiffAssembler.Target target = GeoTiffAssembler.Target.resolve(out.toString(), new Configuration());
        int[] lengths = new int[levels.get(0).blocks()];
        java.util.Arrays.fill(lengths, 10);
        IOException e = assertThrows(
                IOException.class,
                () -> GeoTiffAssembler.assemble(
                        target, d, o, false, levels, List.of(lengths), (level, block, len, os) -> {
                            if (block == 5) {
                                throw new IOException("part file gone");
                            }
                            os.write(new byte[len]);
                        }));
        assertEquals("part file gone", e.getMessage());
        GeoTiffWriteException short1 = assertThrows(
                GeoTiffWriteException.class,
                () -> GeoTiffAssembler.assemble(
                        target,
                        d,
                        o,
                        false,
                        levels,
                        List.of(lengths),
                        (level, block, len, os) -> os.write(new byte[len - 1])));
        assertTrue(short1.getMessage().startsWith(out.toString()), short1.getMessage());
        assertTrue(short1.getMessage().contains("wrote 9 bytes, expected 10"), short1.getMessage());
        assertEquals("old", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left");
        }
        assertFalse(Files.exists(dir.resolve(".out.tif.tmp")));
    }
}
