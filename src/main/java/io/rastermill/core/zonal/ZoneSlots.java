package io.rastermill.core.zonal;

import io.rastermill.core.cell.NoData;
import java.util.Arrays;

/**
 * Zone id → dense slot 0..n−1 for the zones of one tile: open addressing over primitive arrays, so
 * the per-cell lookup allocates nothing. {@link NoData#INT} is never a key.
 */
final class ZoneSlots {
    private int[] keys;
    private int[] slots;
    private int[] zoneOfSlot;
    private int size;

    ZoneSlots() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, NoData.INT);
        slots = new int[capacity];
        zoneOfSlot = new int[capacity / 2];
        size = 0;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, NoData.INT);
            size = 0;
        }
    }

    int size() {
        return size;
    }

    int zone(int slot) {
        return zoneOfSlot[slot];
    }

    /** The slot of {@code zone}, assigning the next free one on first sight. */
    int slot(int zone) {
        int mask = keys.length - 1;
        int h = mix(zone) & mask;
        while (true) {
            int k = keys[h];
            if (k == zone) {
                return slots[h];
            }
            if (k == NoData.INT) {
                if (size + 1 > keys.length / 2) {
                    grow();
                    return slot(zone);
                }
                keys[h] = zone;
                slots[h] = size;
                zoneOfSlot[size] = zone;
                return size++;
            }
            h = (h + 1) & mask;
        }
    }

    private void grow() {
        int[] oldZones = Arrays.copyOf(zoneOfSlot, size);
        allocate(keys.length * 2);
        for (int z : oldZones) {
            slot(z);
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
