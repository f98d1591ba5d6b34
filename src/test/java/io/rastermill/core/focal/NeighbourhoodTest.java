package io.rastermill.core.focal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shapes' cells, counted and listed by hand, and their offsets into a buffered tile. */
class NeighbourhoodTest {

    @Test
    void squareOfRadiusOneIsTheNineCellsRowMajorNorthFirst() {
        Neighbourhood n = Neighbourhood.square(1);
        assertEquals(1, n.radius());
        assertArrayEquals(new int[] {-1, 0, 1, -1, 0, 1, -1, 0, 1}, n.dx());
        assertArrayEquals(new int[] {-1, -1, -1, 0, 0, 0, 1, 1, 1}, n.dy());
        // a buffered tile 10 cells wide: the a b c / d e f / g h i order Window3 and gdaldem use
        assertArrayEquals(new int[] {-11, -10, -9, -1, 0, 1, 9, 10, 11}, n.offsets(10));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, n.weights());
        assertEquals(25, Neighbourhood.square(2).size());
        assertEquals(1, Neighbourhood.square(0).size());
    }

    @Test
    void circlesHoldTheCellsWithinTheRadiusCentreToCentre() {
        Neighbourhood c1 = Neighbourhood.circle(1);
        assertArrayEquals(new int[] {0, -1, 0, 1, 0}, c1.dx());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1}, c1.dy());
        // rows of half-width 0,1,2,1,0 → 1+3+5+3+1; radius 3: 7 + 2·5 + 2·5 + 2·1
        assertEquals(13, Neighbourhood.circle(2).size());
        assertEquals(29, Neighbourhood.circle(3).size());
        for (int r = 0; r <= 7; r++) {
            int expected = 0;
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    expected += Math.hypot(dx, dy) <= r ? 1 : 0;
                }
            }
            assertEquals(expected, Neighbourhood.circle(r).size(), "circle(" + r + ")");
        }
    }

    @Test
    void annulusIsTheOuterCircleWithoutTheInnerOne() {
        assertEquals(13 - 5, Neighbourhood.annulus(1, 2).size());
        Neighbourhood ring = Neighbourhood.annulus(0, 1);
        assertArrayEquals(new int[] {0, -1, 1, 0}, ring.dx());
        assertArrayEquals(new int[] {-1, 0, 0, 1}, ring.dy());
        assertEquals(29 - 13, Neighbourhood.annulus(2, 3).size());
        assertEquals(3, Neighbourhood.annulus(2, 3).radius());
    }

    @Test
    void zeroWeightsAreLeftOut() {
        Neighbourhood laplace = Neighbourhood.weighted(1, 0, 1, 0, 1, -4, 1, 0, 1, 0);
        assertEquals(5, laplace.size());
        assertArrayEquals(new double[] {1, 1, -4, 1, 1}, laplace.weights());
        assertArrayEquals(new int[] {-7, -1, 0, 1, 7}, laplace.offsets(7));
        assertEquals(laplace, Neighbourhood.weighted(1, 0, 1, 0, 1, -4, 1, 0, 1, 0));
        assertEquals(Neighbourhood.circle(1), Neighbourhood.weighted(1, 0, 1, 0, 1, 1, 1, 0, 1, 0));
    }

    @Test
    void badShapesAreRefusedWithTheReason() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Neighbourhood.weighted(1, 1, 2, 3));
        assertTrue(e.getMessage().contains("needs 9 weights"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Neighbourhood.weighted(1, new double[9]));
        assertThrows(IllegalArgumentException.class, () -> Neighbourhood.annulus(2, 2));
        assertThrows(IllegalArgumentException.class, () -> Neighbourhood.circle(-1));
        double[] nan = new double[9];
        nan[4] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Neighbourhood.weighted(1, nan));
    }
}
