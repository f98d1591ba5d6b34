package io.rastermill.core.stats;

import io.rastermill.core.tile.Tile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The laws of {@link MergeableAccumulator} checked on seeded random data: identity of zero, associativity
 * and commutativity of merge (random splits, shuffled tiles, random merge trees, all compared with one
 * sequential pass), {@code add(t) == merge(zero().add(t))}, and serialization round trips (also used as
 * the copy that proves {@code merge} leaves its argument alone).
 */
final class AccumulatorLaws {
    private AccumulatorLaws() {}

    /** Asserts that {@code actual} describes the same data as {@code expected}; {@code where} names the case. */
    interface Same<A> {
        void check(A expected, A actual, String where);
    }

    static <A extends MergeableAccumulator<A, R>, R> void check(
            A zero, Function<Random, List<Tile>> data, Same<A> same, int cases, long seed) {
        Random rnd = new Random(seed);
        for (int c = 0; c < cases; c++) {
            String where = zero.getClass().getSimpleName() + " case " + c + " seed " + seed;
            List<Tile> tiles = data.apply(rnd);
            A sequential = zero.zero();
            for (Tile t : tiles) {
                sequential.add(t);
            }
            A snapshot = roundTrip(sequential);
            same.check(sequential, snapshot, where + " serialization round trip");

            // identity, both sides; merge must not change its argument
            A z = zero.zero();
            same.check(sequential, roundTrip(sequential).merge(z), where + " a.merge(zero)");
            same.check(zero.zero(), z, where + " zero unchanged by merge");
            same.check(sequential, zero.zero().merge(sequential), where + " zero.merge(a)");
            same.check(snapshot, sequential, where + " argument unchanged by merge");

            // add(t) == merge(zero().add(t))
            if (!tiles.isEmpty()) {
                Tile t = tiles.get(rnd.nextInt(tiles.size()));
                same.check(
                        roundTrip(sequential).add(t),
                        roundTrip(sequential).merge(zero.zero().add(t)),
                        where + " add == merge(zero.add)");
            }

            // random split of shuffled tiles, merged in a random tree order
            List<Tile> shuffled = new ArrayList<>(tiles);
            Collections.shuffle(shuffled, rnd);
            int parts = 1 + rnd.nextInt(Math.max(1, shuffled.size()) + 1);
            List<A> partial = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partial.add(zero.zero());
            }
            for (Tile t : shuffled) {
                partial.get(rnd.nextInt(parts)).add(t);
            }
            while (partial.size() > 1) {
                int i = rnd.nextInt(partial.size());
                int j = rnd.nextInt(partial.size() - 1);
                if (j >= i) {
                    j++;
                }
                A a = partial.get(i);
                A b = rnd.nextBoolean() ? roundTrip(partial.get(j)) : partial.get(j); // some partials travel
                a.merge(b);
                partial.remove(j);
            }
            same.check(sequential, partial.get(0), where + " split into " + parts + " and merged in random order");
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
