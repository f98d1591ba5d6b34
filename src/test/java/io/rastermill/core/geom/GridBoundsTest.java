package io.rastermill.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GridBoundsTest {

    @Test
    void boundsAreInclusive() {
        GridBounds b = new GridBounds(2, 3, 4, 3);
        assertEquals(3, b.width());
        assertEquals(1, b.height());
        assertEquals(3, b.size());
        assertTrue(b.contains(4, 3));
        assertFalse(b.contains(5, 3));
    }

    @Test
    void sizeIsLong() {
        GridBounds b = new GridBounds(0, 0, 99_999, 99_999);
        assertEquals(10_000_000_000L, b.size());
    }

    @Test
    void intersectionAndCombine() {
        GridBounds a = new GridBounds(0, 0, 5, 5);
        assertEquals(Optional.of(new GridBounds(3, 4, 5, 5)), a.intersection(new GridBounds(3, 4, 9, 9)));
        assertEquals(Optional.empty(), a.intersection(new GridBounds(6, 0, 9, 9)));
        assertEquals(new GridBounds(0, 0, 9, 9), a.combine(new GridBounds(6, 0, 9, 9)));
        assertTrue(a.contains(new GridBounds(1, 1, 5, 5)));
        assertTrue(new GridBounds(0, 0, 0, 0).contains(new GridBounds(0, 0, 0, 0)));
    }
}
