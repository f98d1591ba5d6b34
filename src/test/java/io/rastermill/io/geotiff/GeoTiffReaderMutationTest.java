package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.io.bytes.ByteArrayRangeReader;
import io.rastermill.io.geotiff.GdalFixtures.GdalFixture;
import io.rastermill.io.tiff.TiffFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutation fuzzing of every supported GDAL fixture: flipped, overwritten and trimmed bytes
 * in the header, the IFDs and the pixel data. Opening and reading every level of a mutant either
 * succeeds with output of the announced size, or fails with {@link TiffFormatException} naming the
 * file — never another exception, never a hang, never an allocation sized by a damaged header.
 */
class GeoTiffReaderMutationTest {
    private static final long SEED = Long.getLong("rastermill.mutation.seed", 99L);
    private static final int MUTANTS_PER_FIXTURE = Integer.getInteger("rastermill.mutation.count", 60);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutantsFailWithTheTypedExceptionOrReadConsistently() throws IOException {
        Random r = new Random(SEED);
        List<GdalFixture> fixtures = GdalFixtures.supported();
        int failed = 0;
        int read = 0;
        for (GdalFixture f : fixtures) {
            byte[] original = Files.readAllBytes(f.tif());
            for (int m = 0; m < MUTANTS_PER_FIXTURE; m++) {
                byte[] mutant = mutate(original, r);
                String name = f.name() + "#" + m;
                try (GeoTiffReader reader = GeoTiffReader.open(new ByteArrayRangeReader(name, mutant))) {
                    GeoTiffInfo info = reader.info();
                    for (int level = 0; level < info.levelCount(); level++) {
                        int w = reader.width(level);
                        int h = reader.height(level);
                        if ((long) w * h > 1 << 22) {
                            continue; // a damaged size that still parses: reading it would be a real, huge read
                        }
                        int[] bands = java.util.stream.IntStream.range(0, info.bandCount())
                                .toArray();
                        MultibandTile t = reader.read(new GridBounds(0, 0, w - 1, h - 1), bands, level);
                        assertEquals(w, t.cols(), name);
                        assertEquals(h, t.rows(), name);
                    }
                    read++;
                } catch (TiffFormatException e) {
                    assertTrue(e.getMessage().startsWith(name), "message names the file: " + e.getMessage());
                    failed++;
                } catch (Throwable t) {
                    fail(name + " (seed " + SEED + "): " + t, t);
                }
            }
        }
        System.out.println("GeoTIFF mutants: " + (read + failed) + " (" + failed
                + " rejected with TiffFormatException, " + read + " read consistently), seed " + SEED);
        assertTrue(failed > 0 && read > 0);
    }

    private static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip bits anywhere
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> { // damage the header and IFD area
                int area = Math.min(b.length, 1024);
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    b[r.nextInt(area)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> { // huge values into a random 4-byte word
                int at = r.nextInt(Math.max(1, b.length - 4));
                for (int i = 0; i < 4; i++) {
                    b[at + i] = (byte) 0xFF;
                }
            }
            case 3 -> { // trim
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            default -> { // garbage inside the pixel data (past the first IFD)
                int from = Math.min(b.length - 1, 512);
                for (int i = 0; i < 16; i++) {
                    b[from + r.nextInt(b.length - from)] = (byte) r.nextInt(256);
                }
            }
        }
        return b;
    }
}
