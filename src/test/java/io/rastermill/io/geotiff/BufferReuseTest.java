package io.rastermill.io.geotiff;

import static io.rastermill.io.geotiff.WriterFixture.block;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buffers kept from block to block (the encoder's output buffer, the reader's fetch buffer) must not let one
 * block's bytes leak into the next: a short edge block after a full one, a small read after a large one.
 */
class BufferReuseTest {
    private static final CellType CT = CellType.FLOAT32;
    private static final int SIZE = 32;

    @TempDir
    Path dir;

    @Test
    void aShortBlockEncodedInPlaceAfterAFullOneCarriesNoStaleBytes() throws Exception {
        MultibandTile raster = WriterFixture.randomRaster(CT, 48, 40, 1, 5);
        RasterDescription d = RasterDescription.of(48, 40, 1, CT);
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(SIZE)
                .compression(Compression.DEFLATE)
                .predictor(Predictor.FLOATING_POINT)
                .build();
        MultibandTile full = block(raster, SIZE, 0, 0);
        MultibandTile corner = block(raster, SIZE, 1, 1); // 16 x 8
        try (GeoTiffBlockEncoder reused = new GeoTiffBlockEncoder(d, o);
                GeoTiffBlockEncoder fresh = new GeoTiffBlockEncoder(d, o)) {
            int fullLength = reused.encodeInPlace(full);
            int cornerLength = reused.encodeInPlace(corner);
            assertTrue(
                    cornerLength < fullLength,
                    "the corner's bytes are shorter, so the buffer holds the full " + "block's bytes past them: "
                            + cornerLength + " vs " + fullLength);
            byte[] inPlace = Arrays.copyOf(reused.encoded(), cornerLength);
            assertArrayEquals(fresh.encode(corner), inPlace, "same bytes as a fresh encoder's");

            MultibandTile back = fresh.decode(inPlace);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    double want = c < 16 && r < 8 ? corner.band(0).getDouble(c, r) : 0.0;
                    assertEquals(want, back.band(0).getDouble(c, r), "cell " + c + "," + r);
                }
            }
        }
    }

    @Test
    void smallReadsAfterLargeOnesReturnOnlyTheirOwnSegments() throws Exception {
        MultibandTile raster = WriterFixture.randomRaster(CellType.UINT16, 48, 40, 1, 9);
        Path file = dir.resolve("r.tif");
        WriterFixture.write(
                file.toString(),
                RasterDescription.of(48, 40, 1, CellType.UINT16),
                GeoTiffWriteOptions.builder()
                        .blockSize(SIZE)
                        .compression(Compression.DEFLATE)
                        .predictor(Predictor.HORIZONTAL)
                        .build(),
                raster);
        GridBounds[] windows = {
            new GridBounds(0, 0, 47, 39), // all four segments in one merged request: the largest fetch
            new GridBounds(32, 32, 47, 39), // the 16 x 8 corner segment alone
            new GridBounds(0, 0, 31, 31), // a full segment
            new GridBounds(30, 30, 33, 33), // four segments, four cells of each
            new GridBounds(47, 39, 47, 39), // the last cell
        };
        try (GeoTiffReader reader = GeoTiffReader.open(file.toString())) {
            for (int pass = 0; pass < 2; pass++) {
                for (GridBounds w : windows) {
                    MultibandTile got = reader.read(w);
                    MultibandTile want =
                            raster.crop((int) w.colMin(), (int) w.rowMin(), (int) w.colMax(), (int) w.rowMax());
                    assertArrayEquals(want.band(0).toBytes(), got.band(0).toBytes(), "window " + w);
                }
            }
        }
    }
}
