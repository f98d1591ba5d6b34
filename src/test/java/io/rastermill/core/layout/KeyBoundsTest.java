package io.rastermill.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.geom.GridBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBoundsTest {

    private final KeyBounds a = new KeyBounds(new SpatialKey(0, 0), new SpatialKey(3, 3));
    private final KeyBounds b = new KeyBounds(new SpatialKey(2, 1), new SpatialKey(5, 2));

    @Test
    void spatialKeysOrderByColumnThenRow() {
        List<SpatialKey> keys =
                new ArrayList<>(List.of(new SpatialKey(1, 0), new SpatialKey(0, 5), new SpatialKey(0, 1)));
        Collections.sort(keys);
        assertEquals(List.of(new SpatialKey(0, 1), new SpatialKey(0, 5), new SpatialKey(1, 0)), keys);
    }

    @Test
    void combineIntersectContains() {
        assertEquals(new KeyBounds(new SpatialKey(0, 0), new SpatialKey(5, 3)), a.combine(b));
        assertEquals(new KeyBounds(new SpatialKey(2, 1), new SpatialKey(3, 2)), a.intersect(b));
        assertEquals(EmptyBounds.INSTANCE, a.intersect(new KeyBounds(new SpatialKey(4, 4), new SpatialKey(5, 5))));
        assertTrue(a.contains(new KeyBounds(new SpatialKey(1, 1), new SpatialKey(3, 3))));
        assertFalse(a.contains(b));
        assertTrue(a.contains(EmptyBounds.INSTANCE));
        assertTrue(a.includes(new SpatialKey(3, 3)));
        assertFalse(a.includes(new SpatialKey(4, 3)));
        assertEquals(a, EmptyBounds.INSTANCE.combine(a));
    }

    @Test
    void gridBoundsConversion() {
        assertEquals(new GridBounds(2, 1, 5, 2), b.toGridBounds());
        assertEquals(b, KeyBounds.of(b.toGridBounds()));
    }

    @Test
    void rejectsInvertedKeys() {
        assertThrows(IllegalArgumentException.class, () -> new KeyBounds(new SpatialKey(3, 0), new SpatialKey(2, 0)));
    }
}
