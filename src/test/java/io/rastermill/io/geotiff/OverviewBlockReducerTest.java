package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.MultibandTile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distributed form of the overview reduction: assembling the four quarters each child determines
 * alone gives the block that reducing the four children together gives, byte for byte once encoded —
 * at the raster's right and bottom edges (cropped children, absent children), for every resampling
 * and for integer, float and 1-bit cells with NoData.
 */
class OverviewBlockReducerTest {
    private static final int S = 16;

    @Test
    void assembledQuartersEqualTheReducedBlock() {
        for (String type : List.of("int16ud-9999", "float32", "float64ud-9999.0", "uint8", "bool")) {
            CellType ct = CellType.parse(type);
            for (OverviewResampling resampling : OverviewResampling.values()) {
                int w = 75; // level k: 5 x 4 blocks of 16, the last column 11 wide and the last row 15 high
                int h = 63;
                MultibandTile raster = WriterFixture.randomRaster(ct, w, h, 2, 5);
                RasterDescription d = RasterDescription.of(w, h, 2, ct);
                GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                        .blockSize(S)
                        .resampling(resampling)
                        .build();
                OverviewBlockReducer reducer = new OverviewBlockReducer(d, o);
                try (GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(d, o)) {
                    int across = (w + S - 1) / S;
                    int down = (h + S - 1) / S;
                    for (int pr = 0; pr < (down + 1) / 2; pr++) {
                        for (int pc = 0; pc < (across + 1) / 2; pc++) {
                            MultibandTile[] children = new MultibandTile[4];
                            MultibandTile[] quarters = new MultibandTile[4];
                            for (int q = 0; q < 4; q++) {
                                int c = 2 * pc + (q & 1);
                                int r = 2 * pr + (q >> 1);
                                if (c < across && r < down && !(c == 1 && r == 1)) { // (1, 1) absent: a gap
                                    children[q] = raster.crop(
                                            c * S, r * S, Math.min(w, (c + 1) * S) - 1, Math.min(h, (r + 1) * S) - 1);
                                    quarters[q] = reducer.quarter(c, r, children[q], w, h);
                                }
                            }
                            if (pc == 0 && pr == 0) {
                                assertNull(quarters[3]);
                            }
                            byte[] whole = encoder.encode(reducer.reduce(pc, pr, children, w, h));
                            byte[] assembled = encoder.encode(reducer.assemble(quarters));
                            assertArrayEquals(
                                    whole, assembled, type + " " + resampling + " parent (" + pc + ", " + pr + ")");
                        }
                    }
                }
            }
        }
    }
}
