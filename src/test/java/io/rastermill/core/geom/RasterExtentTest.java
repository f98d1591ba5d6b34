package io.rastermill.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values verified with GeoTrellis 3.7.1 (probe-output.txt, compat doc §3.3). */
class RasterExtentTest {

    private final RasterExtent tenByTen = RasterExtent.of(new Extent(0, 0, 10, 10), 10, 10);

    @Test
    void mapToGridUsesUpperLeftOriginToleranceAndNoClamping() {
        assertEquals(new GridCell(0, 0), tenByTen.mapToGrid(0, 10));
        assertEquals(new GridCell(5, 5), tenByTen.mapToGrid(5, 5));
        assertEquals(new GridCell(10, 10), tenByTen.mapToGrid(10, 0));
        assertEquals(new GridCell(1, 1), tenByTen.mapToGrid(0.9999999999, 9.0000000001));
        assertEquals(new GridCell(-1, -1), tenByTen.mapToGrid(-0.5, 10.5));
    }

    @Test
    void gridToMapGivesCellCentre() {
        assertEquals(new Point(0.5, 9.5), tenByTen.gridToMap(0, 0));
        assertEquals(new Point(9.5, 0.5), tenByTen.gridToMap(9, 9));
    }

    @Test
    void floorWithTolerance() {
        assertEquals(3.0, GridExtent.floorWithTolerance(2.99999999));
        assertEquals(2.0, GridExtent.floorWithTolerance(2.9999));
        assertEquals(-1.0, GridExtent.floorWithTolerance(-0.5));
    }

    @Test
    void gridBoundsForExcludesCellsBeyondGridLines() {
        assertEquals(new GridBounds(0, 0, 9, 9), tenByTen.gridBoundsFor(new Extent(0, 0, 10, 10)));
        assertEquals(new GridBounds(2, 5, 4, 7), tenByTen.gridBoundsFor(new Extent(2, 2, 5, 5)));
        assertEquals(new GridBounds(2, 4, 5, 7), tenByTen.gridBoundsFor(new Extent(2, 2.5, 5.5, 5.5)));
        assertEquals(new GridBounds(0, 0, 9, 9), tenByTen.gridBoundsFor(new Extent(-5, -5, 15, 15)));
        assertEquals(new GridBounds(-5, -5, 14, 14), tenByTen.gridBoundsFor(new Extent(-5, -5, 15, 15), false));
    }

    @Test
    void extentForIsOuterBoundaryOfCells() {
        assertEquals(new Extent(2, 2, 5, 5), tenByTen.extentFor(new GridBounds(2, 5, 4, 7)));
        assertEquals(new Extent(0, 0, 10, 10), tenByTen.extentFor(new GridBounds(-1, -1, 12, 12)));
        assertEquals(new Extent(-1, -2, 13, 11), tenByTen.extentFor(new GridBounds(-1, -1, 12, 11), false));
    }

    @Test
    void invariantIsChecked() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RasterExtent(new Extent(0, 0, 10, 10), 1, 1, 9, 10));
        assertTrue(e.getMessage().contains("9x10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RasterExtent.of(new Extent(0, 0, 10, 10), 0, 10));
        // round half up: 10 / 4 = 2.5 -> 3
        assertEquals(
                3, RasterExtent.of(new Extent(0, 0, 10, 10), new CellSize(4, 4)).cols());
    }

    @Test
    void withResolutionUsesCeilAndRejectsCeilRoundMismatchLikeGeoTrellis() {
        RasterExtent coarse = tenByTen.withResolution(2, 2.5);
        assertEquals(5, coarse.cols());
        assertEquals(4, coarse.rows());
        // ceil(10/3)=4 but round(10/3)=3: GeoTrellis's constructor check fails too
        assertThrows(IllegalArgumentException.class, () -> tenByTen.withResolution(3, 3));
        // GridExtent rounds instead
        assertEquals(3, tenByTen.toGridExtent().withResolution(3, 3).cols());
    }

    @Test
    void alignment() {
        GridExtent grid = GridExtent.of(new Extent(0.5, 0.5, 10.5, 10.5), new CellSize(1, 1));
        GridExtent aligned = grid.createAlignedGridExtent(new Extent(2.2, 3.7, 4.1, 5.9));
        assertEquals(new Extent(1.5, 3.5, 4.5, 6.5), aligned.extent());
        assertEquals(3, aligned.cols());
        assertEquals(3, aligned.rows());
        assertEquals(new Extent(0, 0, 11, 11), grid.alignTargetPixels().extent());
    }

    @Test
    void gridExtentHoldsLongDimensions() {
        GridExtent big = GridExtent.of(new Extent(0, 0, 4e9, 1), 4_000_000_000L, 1);
        assertEquals(3_999_999_999L, big.mapXToGrid(3_999_999_999.5));
        assertThrows(IllegalArgumentException.class, big::toRasterExtent);
    }
}
