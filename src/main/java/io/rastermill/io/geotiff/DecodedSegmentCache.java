package io.rastermill.io.geotiff;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently decoded segments of one reader, up to a byte budget (least recently used out
 * first). Reading tiles with halos touches each strip or tile of the file up to nine times (the
 * window and its eight neighbours' halos); neighbours are read close together (Z-order), so a small
 * cache turns those repeats into copies instead of decompressions. Thread-safe.
 */
final class DecodedSegmentCache {
    private final long budget;
    private final LinkedHashMap<Long, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    DecodedSegmentCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    static long key(int level, int segment) {
        return ((long) level << 32) | (segment & 0xffffffffL);
    }

    synchronized byte[] get(long key) {
        return entries.get(key);
    }

    /** Keeps a copy of the first {@code length} bytes of {@code decoded}, if it fits the budget. */
    synchronized void put(long key, byte[] decoded, int length) {
        if (length > budget || entries.containsKey(key)) {
            return;
        }
        byte[] copy = Arrays.copyOf(decoded, length);
        entries.put(key, copy);
        bytes += length;
        Iterator<Map.Entry<Long, byte[]>> it = entries.entrySet().iterator();
        while (bytes > budget && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }
}
