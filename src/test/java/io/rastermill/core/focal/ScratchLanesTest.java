package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

/** The slope kernel's per-thread lanes: reused from call to call, never seen in a result. */
class ScratchLanesTest {
    private static final CellSize ONE = new CellSize(1, 1);
    private static final SlopeOp SLOPE = new SlopeOp(SlopeParams.GDALDEM.withComputeEdges(true));

    /** The plane z = perCol·col + perRow·row. */
    private static Tile plane(int cols, int rows, double perCol, double perRow) {
        double[] z = new double[cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                z[r * cols + c] = perCol * c + perRow * r;
            }
        }
        return Tiles.fromDoubleLane(CellType.FLOAT32, cols, rows, z);
    }

    /** Every cell off the first and last rows (there gdaldem clamps the window's columns to the raster). */
    private static void assertInnerRows(double expected, Tile t) {
        double[] v = t.toDoubleLane();
        for (int i = t.cols(); i < v.length - t.cols(); i++) {
            assertEquals(expected, v[i], 1e-4, "cell " + i);
        }
    }

    @Test
    void slopeResultsKeepTheirCellsWhenTheLanesAreReused() {
        Tile a = FocalOps.applyWhole(SLOPE, plane(6, 5, 3, 0), ONE);
        double[] aCells = a.toDoubleLane();
        // another size (the lanes are made anew), then a's size again (the same lanes, overwritten)
        Tile b = FocalOps.applyWhole(SLOPE, plane(4, 4, 0, 0.5), ONE);
        Tile c = FocalOps.applyWhole(SLOPE, plane(6, 5, 1, 0), ONE);
        // a plane's slope is atan(|gradient|) off the first and last rows (west and east edges are extrapolated
        // linearly): by hand, atan(3) = 71.565°, atan(0.5) = 26.565°, atan(1) = 45°
        assertInnerRows(Math.toDegrees(Math.atan(3)), a);
        assertArrayEquals(aCells, a.toDoubleLane());
        assertInnerRows(Math.toDegrees(Math.atan(0.5)), b);
        assertInnerRows(45, c);
    }

    @Test
    void aLaneIsKeptPerSlotAndSizeButNotWhenHuge() {
        double[] w = ScratchLanes.lane(ScratchLanes.WINDOW, 100);
        assertSame(w, ScratchLanes.lane(ScratchLanes.WINDOW, 100));
        assertNotSame(w, ScratchLanes.lane(ScratchLanes.RESULT, 100));
        assertEquals(81, ScratchLanes.lane(ScratchLanes.WINDOW, 81).length);
        int huge = ScratchLanes.MAX_CELLS + 1;
        assertNotSame(ScratchLanes.lane(ScratchLanes.WINDOW, huge), ScratchLanes.lane(ScratchLanes.WINDOW, huge));
    }
}
