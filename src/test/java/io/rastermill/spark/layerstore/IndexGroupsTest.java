package io.rastermill.spark.layerstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.layout.SpaceTimeKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** Records of an index-sorted partition: one per index, its pairs in key order whatever order they came in. */
class IndexGroupsTest {
    private static Tuple2<Long, Tuple2<SpaceTimeKey, String>> tile(long index, int col, long instant) {
        return new Tuple2<>(index, new Tuple2<>(new SpaceTimeKey(col, 0, instant), col + "@" + instant));
    }

    @Test
    void oneRecordPerIndexInKeyOrder() {
        List<Tuple2<Long, Tuple2<SpaceTimeKey, String>>> sorted =
                List.of(tile(3, 1, 20), tile(3, 1, 10), tile(3, 0, 30), tile(7, 2, 5), tile(9, 4, 8), tile(9, 4, 2));
        Iterator<Tuple2<Long, List<Map.Entry<SpaceTimeKey, String>>>> it =
                new IndexGroups<>(sorted.iterator(), LayerKeys.SPACE_TIME.order()).asIterator();
        List<String> got = new ArrayList<>();
        while (it.hasNext()) {
            Tuple2<Long, List<Map.Entry<SpaceTimeKey, String>>> r = it.next();
            got.add(r._1() + ":" + r._2().stream().map(Map.Entry::getValue).toList());
        }
        assertEquals(List.of("3:[0@30, 1@10, 1@20]", "7:[2@5]", "9:[4@2, 4@8]"), got);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void anEmptyPartitionHasNoRecords() {
        List<Tuple2<Long, Tuple2<SpaceTimeKey, String>>> none = List.of();
        assertFalse(new IndexGroups<>(none.iterator(), LayerKeys.SPACE_TIME.order())
                .asIterator()
                .hasNext());
    }
}
