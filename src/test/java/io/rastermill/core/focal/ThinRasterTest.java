package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

/**
 * Rasters 1 or 2 cells thin with gdaldem slope -compute_edges (values recorded from gdaldem 3.6.2
 * on z = (row·cols + col)^1.5 as float32, 10 m cells): 1-thin rasters are all NoData.
 */
class ThinRasterTest {

    static Tile raster(int rows, int cols) {
        float[] z = new float[rows * cols];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.pow(i, 1.5);
        }
        return Tiles.ofFloats(CellType.FLOAT32, cols, rows, z);
    }

    static Tile slope(Tile t) {
        return FocalOps.applyWhole(
                FocalOps.slopeKernel(SlopeParams.GDALDEM.withComputeEdges(true)), t, new CellSize(10, 10));
    }

    @Test
    void oneCellThinIsAllNoData() {
        for (Tile t : new Tile[] {raster(1, 6), raster(6, 1)}) {
            Tile s = slope(t);
            for (int i = 0; i < s.size(); i++) {
                assertTrue(Double.isNaN(s.getDouble(i)));
            }
        }
    }

    @Test
    void twoRowsMatchGdaldem() {
        double[] expected = {
            57.02078, 60.172462, 63.252464, 65.467926, 67.18961, 68.1458, 57.206696, 60.714832, 63.64079, 65.767586,
            67.43072, 68.199356
        };
        Tile s = slope(raster(2, 6));
        for (int i = 0; i < 12; i++) {
            assertEquals(expected[i], s.getDouble(i), 1e-4, "cell " + i);
        }
    }
}
