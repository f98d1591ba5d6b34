package io.rastermill.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import org.junit.jupiter.api.Test;

/** Values verified with GeoTrellis 3.7.1 (probe-output.txt, compat doc §3.6). */
class MapKeyTransformTest {

    private final LayoutDefinition twoByTwo = new LayoutDefinition(new Extent(0, 0, 8, 8), new TileLayout(2, 2, 4, 4));
    private final MapKeyTransform transform = twoByTwo.mapTransform();

    @Test
    void keyToExtent() {
        assertEquals(new Extent(0, 4, 4, 8), transform.keyToExtent(0, 0));
        assertEquals(new Extent(4, 0, 8, 4), transform.keyToExtent(new SpatialKey(1, 1)));
    }

    @Test
    void pointToKeyHasNoToleranceAndNoClamping() {
        assertEquals(new SpatialKey(0, 0), transform.pointToKey(1, 7));
        assertEquals(new SpatialKey(1, 1), transform.pointToKey(4, 4));
        assertEquals(new SpatialKey(2, 2), transform.pointToKey(8, 0));
        assertEquals(new SpatialKey(-1, -1), transform.pointToKey(-0.1, 8.1));
    }

    @Test
    void extentToBoundsDropsTileBeyondEdge() {
        assertEquals(new GridBounds(0, 1, 0, 1), transform.extentToBounds(new Extent(0, 0, 4, 4)));
        assertEquals(new GridBounds(0, 0, 1, 1), transform.extentToBounds(new Extent(0, 0, 8, 8)));
        assertEquals(new GridBounds(0, 0, 1, 1), transform.extentToBounds(new Extent(1, 1, 5, 5)));
        // a zero-width extent on a tile line keeps its own tile
        assertEquals(new GridBounds(1, 1, 1, 1), transform.extentToBounds(new Extent(4, 4, 4, 4)));
    }

    @Test
    void boundsToExtentIsUnionOfCornerTiles() {
        assertEquals(new Extent(0, 0, 8, 8), transform.boundsToExtent(new GridBounds(0, 0, 1, 1)));
        assertEquals(new Extent(4, 0, 8, 4), transform.boundsToExtent(new GridBounds(1, 1, 1, 1)));
    }

    @Test
    void layoutCellSizeAndGrid() {
        assertEquals(1.0, twoByTwo.cellSize().width());
        assertEquals(8, twoByTwo.gridExtent().cols());
        assertEquals(8L, twoByTwo.tileLayout().totalCols());
    }

    @Test
    void tileLayoutNamesBadArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TileLayout(1, 0, 4, 4));
        assertEquals("TileLayout layoutRows must be > 0, got 0", e.getMessage());
    }
}
