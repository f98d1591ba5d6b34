package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.sample.SyntheticDem;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which windows use the decoded-segment cache: a window with a halo shares segments with its neighbours, so a
 * second read of them is a copy; a window on segment boundaries (a tile of the file's own tiling) shares none, so
 * its segments are not kept (each read decodes them). The cells are the same either way.
 */
class DecodedSegmentCacheUseTest {
    @TempDir
    Path dir;

    @Test
    void haloWindowsReuseDecodedSegmentsAlignedWindowsDoNotKeepThem() throws Exception {
        Path dem = dir.resolve("dem.tif");
        new SyntheticDem(96).write(dem.toString(), 32); // 3 x 3 segments of 32²
        try (GeoTiffReader cached = GeoTiffReader.open(RangeReaders.open(dem.toString(), new Configuration()))
                        .cacheDecodedSegments(64L << 20);
                GeoTiffReader plain = GeoTiffReader.open(RangeReaders.open(dem.toString(), new Configuration()))) {
            GridBounds halo = new GridBounds(31, 31, 64, 64); // the centre segment and a 1-cell ring: all 9 segments
            MultibandTile first = cached.read(halo);
            assertEquals(9, cached.segmentsDecoded());
            MultibandTile again = cached.read(halo);
            assertEquals(9, cached.segmentsDecoded(), "the second halo read is served by the cache");
            assertArrayEquals(plain.read(halo).band(0).toBytes(), again.band(0).toBytes());
            assertArrayEquals(first.band(0).toBytes(), again.band(0).toBytes());

            GridBounds tile = new GridBounds(32, 0, 63, 31); // exactly segment (1, 0)
            GeoTiffReader fresh = GeoTiffReader.open(RangeReaders.open(dem.toString(), new Configuration()))
                    .cacheDecodedSegments(64L << 20);
            try (fresh) {
                MultibandTile t1 = fresh.read(tile);
                MultibandTile t2 = fresh.read(tile);
                assertEquals(2, fresh.segmentsDecoded(), "an aligned window's segment is not kept");
                assertArrayEquals(plain.read(tile).band(0).toBytes(), t2.band(0).toBytes());
                assertArrayEquals(t1.band(0).toBytes(), t2.band(0).toBytes());
                // and nothing aligned was cached for a later halo read either
                fresh.read(halo);
                assertEquals(2 + 9, fresh.segmentsDecoded());
            }
        }
    }
}
