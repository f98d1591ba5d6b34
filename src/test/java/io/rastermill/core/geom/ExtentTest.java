package io.rastermill.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtentTest {

    private final Extent square = new Extent(0, 0, 10, 10);

    @Test
    void constructorNamesTheOffendingValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Extent(5, 0, 1, 1));
        assertTrue(e.getMessage().contains("xmin=5.0") && e.getMessage().contains("xmax=1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Extent(0, 3, 1, 2));
        assertTrue(e.getMessage().contains("ymin=3.0") && e.getMessage().contains("ymax=2.0"), e.getMessage());
    }

    @Test
    void sizes() {
        Extent e = new Extent(-1, 2, 3, 7);
        assertEquals(4, e.width());
        assertEquals(5, e.height());
        assertEquals(new Point(-1, 7), e.northWest());
    }

    @Test
    void intersectsIncludesBoundaryInteriorIntersectsDoesNot() {
        Extent touching = new Extent(10, 0, 20, 10);
        assertTrue(square.intersects(touching));
        assertFalse(square.interiorIntersects(touching));
        assertTrue(square.interiorIntersects(new Extent(9, 9, 11, 11)));
        assertFalse(square.intersects(new Extent(10.5, 0, 20, 10)));
    }

    @Test
    void containsPointIsStrict() {
        assertTrue(square.contains(5, 5));
        assertFalse(square.contains(0, 5));
        assertFalse(square.contains(10, 10));
        assertTrue(square.covers(10, 10));
    }

    @Test
    void intersectionCombineBuffer() {
        assertEquals(Optional.of(new Extent(5, 5, 10, 10)), square.intersection(new Extent(5, 5, 15, 15)));
        assertEquals(Optional.of(new Extent(10, 0, 10, 10)), square.intersection(new Extent(10, 0, 20, 10)));
        assertEquals(Optional.empty(), square.intersection(new Extent(11, 0, 20, 10)));
        assertEquals(new Extent(-1, 0, 10, 12), square.combine(new Extent(-1, 2, 3, 12)));
        assertEquals(new Extent(-1, -2, 11, 12), square.buffer(1, 2));
        assertTrue(square.covers(new Extent(0, 0, 10, 10)));
    }
}
