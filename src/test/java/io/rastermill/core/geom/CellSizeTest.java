package io.rastermill.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CellSizeTest {

    @Test
    void fromExtentAndDimensions() {
        assertEquals(new CellSize(2.5, 0.5), CellSize.from(new Extent(0, 0, 10, 2), 4, 4));
    }

    @Test
    void resolutionIsGeometricMean() {
        assertEquals(2.0, new CellSize(1, 4).resolution());
    }

    @Test
    void rejectsNonPositive() {
        assertThrows(IllegalArgumentException.class, () -> new CellSize(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CellSize(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CellSize.from(new Extent(0, 0, 1, 1), 0, 1));
    }
}
