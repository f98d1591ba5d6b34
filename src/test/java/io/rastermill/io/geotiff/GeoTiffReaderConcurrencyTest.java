package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One reader shared by several threads gives, window for window, what a lone thread reads. */
class GeoTiffReaderConcurrencyTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sharedReaderReadsTheSameWindowsFromManyThreads() throws Exception {
        List<GdalFixture> fixtures = GdalFixtures.supported().stream()
                .filter(f -> f.tiled() && !"NONE".equals(f.compression()))
                .limit(6)
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (GdalFixture f : fixtures) {
                try (GeoTiffReader reader = GeoTiffReader.open(f.tif().toString())) {
                    Random r = new Random(f.name().hashCode());
                    List<GridBounds> windows = new ArrayList<>();
                    for (int i = 0; i < 64; i++) {
                        int x0 = r.nextInt(f.width());
                        int y0 = r.nextInt(f.height());
                        windows.add(new GridBounds(
                                x0, y0, x0 + r.nextInt(f.width() - x0), y0 + r.nextInt(f.height() - y0)));
                    }
                    List<MultibandTile> alone = new ArrayList<>();
                    for (GridBounds w : windows) {
                        alone.add(reader.read(w));
                    }
                    List<Future<MultibandTile>> together = new ArrayList<>();
                    for (GridBounds w : windows) {
                        together.add(pool.submit(() -> reader.read(w)));
                    }
                    for (int i = 0; i < windows.size(); i++) {
                        assertEquals(alone.get(i), together.get(i).get(), f.name() + " window " + windows.get(i));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
