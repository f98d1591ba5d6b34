package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import org.junit.jupiter.api.Test;

/** The GEOTRELLIS convention against the golden values of geotrellis-compat.md §5.5. */
class FocalGeoTrellisGoldenTest {

    static final CellSize CS = new CellSize(10, 10);

    /** z = 2·col + 3·row, 5×5, centre NaN. */
    static Tile dem() {
        double[] z = new double[25];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                z[r * 5 + c] = 2 * c + 3 * r;
            }
        }
        z[12] = Double.NaN;
        return Tiles.fromDoubleLane(CellType.FLOAT64, 5, 5, z);
    }

    static final double[] SLOPE = {
        10.073966, 11.976726, 11.976726, 11.976726, 5.438008,
        13.832303, 15.345950, 16.753889, 19.672414, 13.832303,
        13.832303, 18.541978, Double.NaN, 18.541978, 13.832303,
        13.832303, 19.672414, 16.753889, 15.345950, 13.832303,
        5.438008, 11.976726, 11.976726, 11.976726, 10.073966
    };
    static final double[] ASPECT = {
        320.710593, 315.000000, 315.000000, 315.000000, 336.801409,
        336.037511, 329.931417, 318.366461, 323.530766, 336.037511,
        336.037511, 333.434949, Double.NaN, 333.434949, 336.037511,
        336.037511, 323.530766, 318.366461, 329.931417, 336.037511,
        336.801409, 315.000000, 315.000000, 315.000000, 320.710593
    };
    static final int[] HILLSHADE = {
        104, 106, 106, 106, 97,
        107, 110, 112, 114, 107,
        107, 112, 0, 112, 107,
        107, 114, 112, 110, 107,
        97, 106, 106, 106, 104
    };

    static void assertLane(double[] expected, Tile t, double tol) {
        double[] got = t.toDoubleLane();
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertEquals(Double.NaN, got[i], "cell " + i);
            } else {
                assertEquals(expected[i], got[i], tol, "cell " + i);
            }
        }
    }

    @Test
    void slopeAspectHillshadeGolden() {
        BufferedTile bt = BufferedTile.whole(dem(), 1, CS);
        Tile slope = FocalOps.slope(bt, SlopeParams.GEOTRELLIS);
        assertEquals(CellType.FLOAT64, slope.cellType());
        assertLane(SLOPE, slope, 5e-7);
        Tile aspect = FocalOps.aspect(bt, AspectParams.GEOTRELLIS);
        assertEquals(CellType.FLOAT64, aspect.cellType());
        assertLane(ASPECT, aspect, 5e-7);
        Tile hs = FocalOps.hillshade(bt, HillshadeParams.GEOTRELLIS);
        assertEquals(CellType.INT16, hs.cellType());
        for (int i = 0; i < 25; i++) {
            assertEquals(HILLSHADE[i], hs.get(i), "cell " + i);
        }
    }

    static double centre(Tile t) {
        return t.getDouble(1, 1);
    }

    @Test
    void threeByThreeCases() {
        Tile flat = Tiles.fromDoubleLane(CellType.FLOAT64, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        Tile north = Tiles.fromDoubleLane(CellType.FLOAT64, 3, 3, 9, 9, 9, 6, 6, 6, 3, 3, 3);
        Tile east = Tiles.fromDoubleLane(CellType.FLOAT64, 3, 3, 0, 3, 6, 0, 3, 6, 0, 3, 6);
        BufferedTile f = BufferedTile.whole(flat, 1, CS);
        BufferedTile n = BufferedTile.whole(north, 1, CS);
        BufferedTile e = BufferedTile.whole(east, 1, CS);
        assertEquals(0.0, centre(FocalOps.slope(f, SlopeParams.GEOTRELLIS)));
        assertEquals(-1.0, centre(FocalOps.aspect(f, AspectParams.GEOTRELLIS)));
        assertEquals(90.0, centre(FocalOps.hillshade(f, HillshadeParams.GEOTRELLIS)));
        assertEquals(16.69924423399362, centre(FocalOps.slope(n, SlopeParams.GEOTRELLIS)), 1e-12);
        assertEquals(180.0, centre(FocalOps.aspect(n, AspectParams.GEOTRELLIS)));
        assertEquals(68.0, centre(FocalOps.hillshade(n, HillshadeParams.GEOTRELLIS)));
        assertEquals(270.0, centre(FocalOps.aspect(e, AspectParams.GEOTRELLIS)));
        assertEquals(30.96375653207352, centre(FocalOps.slope(e, SlopeParams.GEOTRELLIS.withZFactor(2))), 1e-12);
    }
}
