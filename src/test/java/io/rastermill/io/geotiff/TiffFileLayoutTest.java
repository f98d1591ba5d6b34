package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file layout: order of IFDs and data, and the classic-TIFF 4 GiB limit. */
class TiffFileLayoutTest {
    private final RasterDescription d = RasterDescription.of(1024, 512, 1, CellType.FLOAT32);

    private List<TiffFileLayout.Level> levels(int blockLength) {
        return List.of(
                new TiffFileLayout.Level(1024, 512, 2, 1, new int[] {blockLength, blockLength}),
                new TiffFileLayout.Level(512, 256, 1, 1, new int[] {blockLength}));
    }

    @Test
    void cogPutsTheSmallestLevelFirstAndTheFullResolutionLast() {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder().overviews(1).build();
        TiffFileLayout l = TiffFileLayout.plan(d, o, false, levels(100));
        assertEquals(
                List.of(1, 0, 0),
                l.order().stream().map(TiffFileLayout.Placement::level).toList());
        assertEquals(l.head().length, l.order().get(0).fileOffset(), "data right after the IFDs");
        assertEquals(l.head().length + 300L, l.length());
        TiffFileLayout plain =
                TiffFileLayout.plan(d, GeoTiffWriteOptions.builder().cog(false).build(), false, levels(100));
        assertEquals(
                List.of(0, 0, 1),
                plain.order().stream().map(TiffFileLayout.Placement::level).toList());
    }

    @Test
    void aClassicFileOver4GiBIsRefusedNotTruncated() {
        GeoTiffWriteOptions o =
                GeoTiffWriteOptions.builder().bigTiff(BigTiffMode.NO).build();
        TiffFileLayout classic = TiffFileLayout.plan(d, o, false, levels(1_500_000_000));
        assertTrue(classic.exceedsClassic(), "4.5 GB of tiles do not fit 32-bit offsets");
        TiffFileLayout big = TiffFileLayout.plan(d, o, true, levels(1_500_000_000));
        assertFalse(big.exceedsClassic());
        assertTrue(big.length() > 0xFFFFFFFFL && big.order().get(2).fileOffset() > Integer.MAX_VALUE);
    }
}
