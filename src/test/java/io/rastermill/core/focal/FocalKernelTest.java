package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** User kernels through the public neighbourhood API: hand-computed cells, the built-in ops, seams. */
class FocalKernelTest {
    private static final CellSize ONE = new CellSize(1, 1);

    /** The weighted sum over the neighbourhood, NoData if any cell of it is NoData or outside: per tile. */
    static FocalKernel convolution(Neighbourhood n) {
        return FocalKernel.perTile(n, CellType.FLOAT64, (w, out) -> {
            double[] v = w.values();
            int[] off = w.offsets();
            double[] wt = w.weights();
            for (int r = 0, k = 0; r < w.rows(); r++) {
                for (int c = 0, i = w.index(0, r); c < w.cols(); c++, k++, i++) {
                    double s = 0;
                    for (int j = 0; j < off.length; j++) {
                        s += wt[j] * v[i + off[j]];
                    }
                    out[k] = s;
                }
            }
        });
    }

    /** The mean of the data cells of the neighbourhood: per cell. */
    static FocalKernel mean(Neighbourhood n) {
        return FocalKernel.perCell(n, CellType.FLOAT64, (w, i, scratch) -> {
            int m = w.gather(i, scratch);
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += scratch[j];
            }
            return m == 0 ? Double.NaN : s / m;
        });
    }

    @Test
    void laplacianOfAThreeByThreeRasterByHand() {
        Tile t = Tiles.fromDoubleLane(CellType.FLOAT64, 3, 3, new double[] {
            1, 2, 3,
            4, 10, 6,
            7, 8, 9
        });
        FocalKernel laplace = convolution(Neighbourhood.weighted(1, 0, 1, 0, 1, -4, 1, 0, 1, 0));
        assertEquals(1, laplace.halo());
        Tile out = FocalOps.applyWhole(laplace, t, ONE);
        assertEquals(2 + 4 + 6 + 8 - 4 * 10, out.getDouble(1, 1));
        // the corner's north and west neighbours lie outside the raster: NaN, so NoData
        assertTrue(Double.isNaN(out.getDouble(0, 0)));
        assertEquals(CellType.FLOAT64, out.cellType());
        // the east-centre cell on a wider raster: 10 + 3 + 9 + x − 4·6 with x its east neighbour, 5
        Tile wide = Tiles.fromDoubleLane(CellType.FLOAT64, 4, 3, new double[] {
            1, 2, 3, 0,
            4, 10, 6, 5,
            7, 8, 9, 0
        });
        assertEquals(
                10 + 3 + 9 + 5 - 4 * 6, FocalOps.applyWhole(laplace, wide, ONE).getDouble(2, 1));
    }

    @Test
    void aPerCellMeanEqualsTheBuiltInFocalMeanBitForBit() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int t = 0; t < 6; t++) {
            Tile dem = SeamInvariant.randomDem(rnd, 10 + rnd.nextInt(20), 10 + rnd.nextInt(20), CellType.FLOAT32, 0.1);
            for (FocalStatsParams.Shape shape : FocalStatsParams.Shape.values()) {
                FocalStatsParams p = new FocalStatsParams(FocalStatsParams.Stat.MEAN, shape, 1 + rnd.nextInt(3));
                Tile expected = FocalOps.applyWhole(FocalOps.statsKernel(p), dem, ONE);
                Tile got = FocalOps.applyWhole(mean(p.neighbourhood()), dem, ONE);
                if (shape == FocalStatsParams.Shape.CIRCLE) {
                    assertEquals(expected, got, p.toString());
                } else {
                    // the built-in square is separable (other summation order): equal to rounding
                    double[] e = expected.toDoubleLane();
                    double[] g = got.toDoubleLane();
                    for (int k = 0; k < e.length; k++) {
                        assertEquals(e[k], g[k], 1e-9 * Math.max(1, Math.abs(e[k])), p + " cell " + k);
                    }
                }
            }
        }
    }

    @Test
    void userKernelsHaveNoSeams() {
        SplittableRandom rnd = new SplittableRandom(99);
        Tile dem = SeamInvariant.randomDem(rnd, 37, 29, CellType.FLOAT32, 0.05);
        SeamInvariant.check("mean annulus(1,3)", mean(Neighbourhood.annulus(1, 3)), dem, ONE, rnd, 4);
        SeamInvariant.check(
                "convolution",
                convolution(Neighbourhood.weighted(
                        2, 1, 0, 0, 0, 1, 0, 2, 0, 2, 0, 0, 0, -12, 0, 0, 0, 2, 0, 2, 0, 1, 0, 0, 0, 1)),
                dem,
                ONE,
                rnd,
                4);
    }

    @Test
    void aTileFunctionsResultIsConvertedToTheDeclaredType() {
        Tile t = Tiles.fromDoubleLane(CellType.FLOAT64, 2, 2, new double[] {1.4, 2.6, 3, 4});
        FocalKernel centre = FocalKernel.of(0, CellType.INT32, b -> b.tile());
        Tile out = FocalOps.applyWhole(centre, t, ONE);
        assertEquals(CellType.INT32, out.cellType());
        assertEquals(3, out.get(0, 1));
    }

    @Test
    void checkedExceptionsOfUserFunctionsKeepTheirCause() {
        Tile t = Tiles.fromDoubleLane(CellType.FLOAT64, 2, 2, new double[4]);
        FocalKernel failing = FocalKernel.of(1, CellType.FLOAT64, b -> {
            throw new IOException("model file missing");
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FocalOps.applyWhole(failing, t, ONE));
        assertEquals("model file missing", e.getCause().getMessage());
        FocalKernel interrupted = FocalKernel.perTile(Neighbourhood.square(1), CellType.FLOAT64, (w, out) -> {
            throw new InterruptedException("stop");
        });
        IllegalStateException s =
                assertThrows(IllegalStateException.class, () -> FocalOps.applyWhole(interrupted, t, ONE));
        assertInstanceOf(InterruptedException.class, s.getCause());
    }

    @Test
    void aWindowRefusesAHaloSmallerThanItsNeighbourhood() {
        BufferedTile bt = BufferedTile.whole(Tiles.fromDoubleLane(CellType.FLOAT64, 3, 3, new double[9]), 1, ONE);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FocalWindow(bt, Neighbourhood.circle(2)));
        assertTrue(e.getMessage().contains("circle(2) needs a halo >= 2"), e.getMessage());
    }
}
