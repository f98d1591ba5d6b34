package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The mergeable-accumulator laws for zone accumulators and zone tables over seeded random tiles:
 * identity, associativity and commutativity of merge, tiled == untiled, serialization round trip.
 */
class ZoneAccumulatorLawsTest {
    private static final int W = 48;
    private static final int H = 40;

    /** Random values (some NoData) and zones (a few dozen ids in runs, some NoData). */
    private static Tile[] randomPair(Random rnd, boolean floating) {
        int[] zones = new int[W * H];
        int zone = 1 + rnd.nextInt(40);
        for (int i = 0; i < zones.length; i++) {
            if (rnd.nextInt(8) == 0) {
                zone = 1 + rnd.nextInt(40);
            }
            zones[i] = rnd.nextInt(20) == 0 ? NoData.INT : zone;
        }
        Tile z = Tiles.fromIntLane(CellType.UINT16, W, H, zones);
        if (floating) {
            double[] v = new double[W * H];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextGaussian() * 50 + 10;
            }
            return new Tile[] {Tiles.fromDoubleLane(CellType.FLOAT32, W, H, v), z};
        }
        int[] v = new int[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(10) == 0 ? NoData.INT : rnd.nextInt(2000) - 1000;
        }
        return new Tile[] {Tiles.fromIntLane(CellType.INT16, W, H, v), z};
    }

    private static ZoneSpec spec(boolean floating) {
        if (!floating) {
            return ZoneSpec.exactPercentiles();
        }
        int[] ids = new int[40];
        double[] lo = new double[40];
        double[] hi = new double[40];
        for (int i = 0; i < 40; i++) {
            ids[i] = i + 1;
            lo[i] = -300;
            hi[i] = 300;
        }
        return ZoneSpec.binnedPercentiles(new ZoneSpec.ZoneRanges(ids, lo, hi), 512);
    }

    private static void assertSame(String what, ZoneTable a, ZoneTable b) {
        TreeMap<Integer, ZoneAccumulator> x = a.zones();
        TreeMap<Integer, ZoneAccumulator> y = b.zones();
        assertEquals(x.keySet(), y.keySet(), what + " zones");
        for (Map.Entry<Integer, ZoneAccumulator> e : x.entrySet()) {
            Statistics s = e.getValue().finish();
            Statistics t = y.get(e.getKey()).finish();
            String w = what + " zone " + e.getKey();
            assertEquals(s.dataCells(), t.dataCells(), w);
            assertEquals(s.noDataCells(), t.noDataCells(), w);
            if (s.dataCells() == 0) {
                continue;
            }
            assertEquals(s.min(), t.min(), w);
            assertEquals(s.max(), t.max(), w);
            assertEquals(s.sum(), t.sum(), 1e-12 * Math.max(1, Math.abs(s.sum())) * s.dataCells(), w);
            assertEquals(s.mean(), t.mean(), 1e-12 * Math.max(1, Math.abs(s.mean())), w);
            assertEquals(s.stddev(), t.stddev(), 1e-12 * Math.max(1, s.stddev()), w);
            for (double q : new double[] {0, 0.1, 0.5, 0.9, 1}) {
                assertEquals(e.getValue().percentile(q), y.get(e.getKey()).percentile(q), w + " q" + q);
            }
        }
    }

    @Test
    void mergeIsAssociativeCommutativeWithAnIdentity() {
        Random rnd = new Random(7);
        for (boolean floating : new boolean[] {false, true}) {
            for (int trial = 0; trial < 25; trial++) {
                ZoneTable[] t = new ZoneTable[3];
                for (int i = 0; i < 3; i++) {
                    Tile[] p = randomPair(rnd, floating);
                    t[i] = new ZoneTable(spec(floating)).addZoned(p[0], p[1]);
                }
                ZoneTable left = copy(t[0]).merge(t[1]).merge(t[2]);
                ZoneTable right = copy(t[0]).merge(copy(t[1]).merge(t[2]));
                ZoneTable swapped = copy(t[2]).merge(t[0]).merge(t[1]);
                assertSame("associativity", left, right);
                assertSame("commutativity", left, swapped);
                assertSame("identity", copy(t[0]).merge(new ZoneTable(spec(floating))), t[0]);
                assertSame("identity (left)", new ZoneTable(spec(floating)).merge(t[0]), t[0]);
                assertSame("serialization", roundTrip(t[0]), t[0]);
            }
        }
    }

    @Test
    void tiledEqualsUntiled() {
        Random rnd = new Random(11);
        for (boolean floating : new boolean[] {false, true}) {
            for (int trial = 0; trial < 20; trial++) {
                Tile[] p = randomPair(rnd, floating);
                ZoneTable whole = new ZoneTable(spec(floating)).addZoned(p[0], p[1]);
                int tw = 5 + rnd.nextInt(30);
                int th = 5 + rnd.nextInt(30);
                List<ZoneTable> parts = new ArrayList<>();
                for (int y = 0; y < H; y += th) {
                    for (int x = 0; x < W; x += tw) {
                        int x1 = Math.min(W, x + tw) - 1;
                        int y1 = Math.min(H, y + th) - 1;
                        // a new table per tile, as partitions do; merged in a random order
                        parts.add(new ZoneTable(spec(floating))
                                .addZoned(p[0].crop(x, y, x1, y1), p[1].crop(x, y, x1, y1)));
                    }
                }
                java.util.Collections.shuffle(parts, rnd);
                ZoneTable merged = new ZoneTable(spec(floating));
                for (ZoneTable part : parts) {
                    merged.merge(part);
                }
                assertSame("tiles " + tw + "x" + th, whole, merged);
                // one table fed tile after tile (the scratch buffers reused) gives the same
                ZoneTable sequential = new ZoneTable(spec(floating));
                for (int y = 0; y < H; y += th) {
                    for (int x = 0; x < W; x += tw) {
                        int x1 = Math.min(W, x + tw) - 1;
                        int y1 = Math.min(H, y + th) - 1;
                        sequential.addZoned(p[0].crop(x, y, x1, y1), p[1].crop(x, y, x1, y1));
                    }
                }
                assertSame("sequential tiles", whole, sequential);
            }
        }
    }

    @Test
    void zonedKernelEqualsPerZoneBruteForce() {
        Random rnd = new Random(3);
        Tile[] p = randomPair(rnd, false);
        ZoneTable t = new ZoneTable(ZoneSpec.exactPercentiles()).addZoned(p[0], p[1]);
        int[] v = p[0].toIntLane();
        int[] z = p[1].toIntLane();
        for (Map.Entry<Integer, ZoneAccumulator> e : t.zones().entrySet()) {
            List<Integer> data = new ArrayList<>();
            long nd = 0;
            for (int i = 0; i < v.length; i++) {
                if (z[i] == e.getKey()) {
                    if (v[i] == NoData.INT) {
                        nd++;
                    } else {
                        data.add(v[i]);
                    }
                }
            }
            data.sort(null);
            Statistics s = e.getValue().finish();
            assertEquals(data.size(), s.dataCells());
            assertEquals(nd, s.noDataCells());
            assertEquals(data.stream().mapToLong(Integer::longValue).sum(), (long) s.sum());
            int n = data.size();
            assertEquals(
                    data.get((int) Math.ceil(0.9 * n) - 1), (int) e.getValue().percentile(0.9), "nearest rank p90");
            assertEquals(
                    data.get((int) Math.ceil(0.5 * n) - 1), (int) e.getValue().percentile(0.5), "lower median");
        }
        // every zone id in the zone tile (NoData excepted) has a row
        assertEquals(
                java.util.Arrays.stream(z)
                        .filter(x -> x != NoData.INT)
                        .distinct()
                        .count(),
                t.size());
    }

    private static ZoneTable copy(ZoneTable t) {
        return new ZoneTable(t.spec()).merge(t);
    }

    private static ZoneTable roundTrip(ZoneTable t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(t);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (ZoneTable) in.readObject();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
