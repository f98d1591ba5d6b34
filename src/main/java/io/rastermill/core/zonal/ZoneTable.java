package io.rastermill.core.zonal;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A mergeable map zone id → {@link ZoneAccumulator}: the per-partition state of zonal statistics.
 *
 * <h2>Kernels</h2>
 * {@link #addZoned(Tile, Tile)} (a zone raster on the same grid): one pass over the zone lane gives
 * every cell a tile-local slot ({@link ZoneSlots}, primitive open addressing, the last zone cached
 * for runs), a counting sort gathers each zone's values into one contiguous primitive buffer, and
 * each zone's accumulator takes its run in one call — so the per-cell work is primitive and the
 * per-zone work (boxing, map lookup) happens once per zone per tile. {@link #addCells} takes the
 * cells of one polygon in a tile (from {@link PolygonRasterizer}). Values are read in the int lane
 * for integral cell types and the double lane for floats.
 *
 * <h2>NoData</h2>
 * Cells whose zone is NoData belong to no zone and are skipped. Cells whose value is NoData count in
 * their zone's NoData count and in nothing else.
 *
 * <p>Mutable, not thread-safe; scratch buffers are reused between tiles.
 */
public final class ZoneTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ZoneSpec spec;
    private final HashMap<Integer, ZoneAccumulator> zones = new HashMap<>();
    private transient ZoneSlots slots;
    private transient int[] slotOf;
    private transient int[] intBuf;
    private transient double[] doubleBuf;
    private transient int[] starts;

    public ZoneTable(ZoneSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public ZoneSpec spec() {
        return spec;
    }

    /** The accumulator of {@code zone}, created by the spec on first use. */
    public ZoneAccumulator zone(int zone) {
        ZoneAccumulator a = zones.get(zone);
        if (a == null) {
            a = spec.newAccumulator(zone);
            zones.put(zone, a);
        }
        return a;
    }

    /** The zones seen so far, sorted by id (a view of this table's accumulators). */
    public TreeMap<Integer, ZoneAccumulator> zones() {
        return new TreeMap<>(zones);
    }

    public int size() {
        return zones.size();
    }

    /** Adds the cells of {@code values} to the zones of the same cells of {@code zones} (same size). */
    public ZoneTable addZoned(Tile values, Tile zoneTile) {
        if (values.cols() != zoneTile.cols() || values.rows() != zoneTile.rows()) {
            throw new IllegalArgumentException("values tile " + values.cols() + "x" + values.rows() + " and zones tile "
                    + zoneTile.cols() + "x" + zoneTile.rows() + " differ in size");
        }
        int n = values.size();
        int[] z = zoneTile.toIntLane();
        ensureScratch(n);
        ZoneSlots s = slots;
        s.clear();
        int[] slot = slotOf;
        int lastZone = NoData.INT;
        int lastSlot = -1;
        for (int i = 0; i < n; i++) {
            int zi = z[i];
            if (zi == NoData.INT) {
                slot[i] = -1;
                continue;
            }
            if (zi != lastZone) {
                lastZone = zi;
                lastSlot = s.slot(zi);
            }
            slot[i] = lastSlot;
        }
        int k = s.size();
        if (k == 0) {
            return this;
        }
        // counting sort of cells by slot: starts[j] = first buffer position of slot j
        if (starts == null || starts.length < k + 1) {
            starts = new int[Math.max(k + 1, 64)];
        }
        int[] st = starts;
        Arrays.fill(st, 0, k + 1, 0);
        for (int i = 0; i < n; i++) {
            if (slot[i] >= 0) {
                st[slot[i] + 1]++;
            }
        }
        for (int j = 0; j < k; j++) {
            st[j + 1] += st[j];
        }
        if (values.cellType().isFloatingPoint()) {
            double[] v = values.toDoubleLane();
            double[] buf = doubleBuf(n);
            int[] cur = Arrays.copyOf(st, k);
            for (int i = 0; i < n; i++) {
                int j = slot[i];
                if (j >= 0) {
                    buf[cur[j]++] = v[i];
                }
            }
            for (int j = 0; j < k; j++) {
                zone(s.zone(j)).addDoubles(buf, st[j], st[j + 1]);
            }
        } else {
            int[] v = values.toIntLane();
            int[] buf = intBuf(n);
            int[] cur = Arrays.copyOf(st, k);
            for (int i = 0; i < n; i++) {
                int j = slot[i];
                if (j >= 0) {
                    buf[cur[j]++] = v[i];
                }
            }
            for (int j = 0; j < k; j++) {
                zone(s.zone(j)).addInts(buf, st[j], st[j + 1]);
            }
        }
        return this;
    }

    /** Adds {@code lane[cells[0..count)]} (int-lane values of a tile) to {@code zone}. */
    public ZoneTable addCells(int zone, int[] lane, int[] cells, int count) {
        int[] buf = intBuf(count);
        for (int i = 0; i < count; i++) {
            buf[i] = lane[cells[i]];
        }
        zone(zone).addInts(buf, 0, count);
        return this;
    }

    /** Adds {@code lane[cells[0..count)]} (double-lane values of a tile) to {@code zone}. */
    public ZoneTable addCells(int zone, double[] lane, int[] cells, int count) {
        double[] buf = doubleBuf(count);
        for (int i = 0; i < count; i++) {
            buf[i] = lane[cells[i]];
        }
        zone(zone).addDoubles(buf, 0, count);
        return this;
    }

    /** Adds everything {@code other} has seen; {@code other} is unchanged. Returns {@code this}. */
    public ZoneTable merge(ZoneTable other) {
        for (Map.Entry<Integer, ZoneAccumulator> e : other.zones.entrySet()) {
            ZoneAccumulator mine = zones.get(e.getKey());
            if (mine == null) {
                zones.put(e.getKey(), e.getValue().zero().merge(e.getValue()));
            } else {
                mine.merge(e.getValue());
            }
        }
        return this;
    }

    private void ensureScratch(int n) {
        if (slots == null) {
            slots = new ZoneSlots();
        }
        if (slotOf == null || slotOf.length < n) {
            slotOf = new int[n];
        }
    }

    private int[] intBuf(int n) {
        if (intBuf == null || intBuf.length < n) {
            intBuf = new int[Math.max(n, 1024)];
        }
        return intBuf;
    }

    private double[] doubleBuf(int n) {
        if (doubleBuf == null || doubleBuf.length < n) {
            doubleBuf = new double[Math.max(n, 1024)];
        }
        return doubleBuf;
    }
}
