package io.rastermill.spark.layerstore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * The records of an index-sorted partition: consecutive tiles of one key index value gathered as the (key, value)
 * pairs one tile file or MapFile record holds, in key order.
 */
final class IndexGroups<K, V> {
    private final Iterator<Tuple2<Long, Tuple2<K, V>>> it;
    private final Comparator<K> order;
    private Tuple2<Long, Tuple2<K, V>> pending;
    private long index;
    private List<Map.Entry<K, V>> pairs;

    IndexGroups(Iterator<Tuple2<Long, Tuple2<K, V>>> it, Comparator<K> order) {
        this.it = it;
        this.order = order;
        this.pending = it.hasNext() ? it.next() : null;
    }

    /** Moves to the next index; false at the end of the partition. */
    boolean next() {
        if (pending == null) {
            return false;
        }
        index = pending._1();
        pairs = new ArrayList<>(1);
        while (pending != null && pending._1() == index) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(
                    pending._2()._1(), pending._2()._2()));
            pending = it.hasNext() ? it.next() : null;
        }
        if (pairs.size() > 1) {
            pairs.sort(Map.Entry.comparingByKey(order));
        }
        return true;
    }

    long index() {
        return index;
    }

    List<Map.Entry<K, V>> pairs() {
        return pairs;
    }

    /** The groups as (index, pairs), one at a time. */
    Iterator<Tuple2<Long, List<Map.Entry<K, V>>>> asIterator() {
        return new Iterator<>() {
            private boolean ready;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!ready) {
                    more = IndexGroups.this.next();
                    ready = true;
                }
                return more;
            }

            @Override
            public Tuple2<Long, List<Map.Entry<K, V>>> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return new Tuple2<>(index, pairs);
            }
        };
    }
}
