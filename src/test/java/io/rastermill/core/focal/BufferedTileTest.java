package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

class BufferedTileTest {

    static final CellSize CS = new CellSize(1, 1);

    /** 4×3 raster, z = 10·row + col. */
    static Tile raster() {
        double[] z = new double[12];
        for (int i = 0; i < 12; i++) {
            z[i] = 10 * (i / 4) + i % 4;
        }
        return Tiles.fromDoubleLane(CellType.FLOAT64, 4, 3, z);
    }

    @Test
    void windowCarriesNeighboursAndFlagsBorderSides() {
        BufferedTile bt = BufferedTile.window(raster(), 1, 0, 2, 2, 1, CS);
        assertEquals(new BufferedTile.Sides(true, false, false, false), bt.outside());
        assertEquals(2, bt.cols());
        assertEquals(2, bt.rows());
        assertEquals(4, bt.tile().cols());
        assertEquals(4, bt.tile().rows());
        // row 0 of the buffer is beyond the raster: NoData; row 1 = raster row 0, cols 0..3
        assertTrue(bt.tile().isNoData(0, 0));
        assertEquals(0.0, bt.tile().getDouble(0, 1));
        assertEquals(3.0, bt.tile().getDouble(3, 1));
        assertEquals(23.0, bt.tile().getDouble(3, 3));
    }

    @Test
    void wholeIsAllOutside() {
        BufferedTile bt = BufferedTile.whole(raster(), 2, CS);
        assertEquals(BufferedTile.Sides.ALL, bt.outside());
        assertEquals(4, bt.cols());
        assertEquals(3, bt.rows());
        assertEquals(8, bt.tile().cols());
    }

    @Test
    void rejectsBadShapesAndTooSmallHalos() {
        Tile t = raster();
        assertThrows(IllegalArgumentException.class, () -> new BufferedTile(t, 2, BufferedTile.Sides.NONE, CS));
        assertThrows(IllegalArgumentException.class, () -> BufferedTile.window(t, 3, 0, 2, 1, 1, CS));
        BufferedTile noHalo = BufferedTile.whole(t, 0, CS);
        assertThrows(IllegalArgumentException.class, () -> FocalOps.slope(noHalo, SlopeParams.GDALDEM));
        FocalStatsParams r2 = new FocalStatsParams(FocalStatsParams.Stat.MEAN, FocalStatsParams.Shape.SQUARE, 2);
        assertThrows(IllegalArgumentException.class, () -> FocalOps.stats(BufferedTile.whole(t, 1, CS), r2));
        assertThrows(IllegalArgumentException.class, () -> SlopeParams.GEOTRELLIS.withPercent(true));
    }
}
