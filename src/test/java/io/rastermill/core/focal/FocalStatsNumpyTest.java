package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Focal statistics over annuli and custom weights against numpy (src/test/fixtures/focal/
 * make_focal_stats_fixtures.py: shifted copies of dem_f32, NaN beyond the border), each case built
 * from its options text by the catalog op, as SQL and the command line build it.
 */
class FocalStatsNumpyTest {

    @TestFactory
    Stream<DynamicTest> everyNumpyCaseAgrees() throws IOException {
        Fixtures.Raster dem = Fixtures.read("dem_f32.tif");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.path("stats_cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                Tile expected = Fixtures.read("stats_" + f[0] + ".tif").tile();
                Tile got = FocalOps.applyWhole(FocalStatsOp.FOCAL.kernel(f[1]), dem.tile(), dem.cellSize());
                assertEquals(expected.cols(), got.cols());
                assertEquals(expected.rows(), got.rows());
                int data = 0;
                for (int r = 0; r < got.rows(); r++) {
                    for (int c = 0; c < got.cols(); c++) {
                        double e = expected.getDouble(c, r);
                        double g = got.getDouble(c, r);
                        String at = f[1] + " at (" + c + "," + r + ")";
                        assertEquals(Double.isNaN(e), Double.isNaN(g), at + ": NoData");
                        if (!Double.isNaN(e)) {
                            assertEquals(e, g, 1e-9 * Math.max(1, Math.abs(e)), at);
                            data++;
                        }
                    }
                }
                assertTrue(data > got.size() / 2, "cells with data: " + data);
            }));
        }
        assertEquals(7, tests.size(), "cases in stats_cases.tsv");
        return tests.stream();
    }
}
