package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoalescingRangeReaderTest {

    private final byte[] content = new byte[1 << 20];

    {
        new Random(7).nextBytes(content);
    }

    private void check(List<ByteRange> ranges, List<byte[]> got) {
        assertEquals(ranges.size(), got.size());
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange r = ranges.get(i);
            assertArrayEquals(Arrays.copyOfRange(content, (int) r.offset(), (int) r.end()), got.get(i), "range " + i);
        }
    }

    @Test
    void mergesNeighboursWithinTheGap() throws Exception {
        CountingRangeReader counting = new CountingRangeReader(new ByteArrayRangeReader("mem", content));
        CoalescingRangeReader reader = new CoalescingRangeReader(counting, 100, 1 << 20);
        // given out of order; 0-10 and 50-60 and 160-170 merge (gaps 40, 100); 500 000 stands alone
        List<ByteRange> ranges = List.of(
                new ByteRange(500_000, 30),
                new ByteRange(50, 10),
                new ByteRange(0, 10),
                new ByteRange(160, 10),
                new ByteRange(55, 2));
        check(ranges, reader.read(ranges));
        assertEquals(2, counting.counter().requests());
        assertEquals(170 + 30, counting.counter().bytes());
    }

    @Test
    void respectsTheRequestCap() throws Exception {
        CountingRangeReader counting = new CountingRangeReader(new ByteArrayRangeReader("mem", content));
        CoalescingRangeReader reader = new CoalescingRangeReader(counting, 1000, 100);
        List<ByteRange> ranges = List.of(new ByteRange(0, 60), new ByteRange(60, 60), new ByteRange(120, 500));
        check(ranges, reader.read(ranges));
        assertEquals(3, counting.counter().requests());
    }

    @Test
    void randomRangesAreAlwaysReturnedExactly() throws Exception {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            List<ByteRange> ranges = randomRanges(rnd);
            CoalescingRangeReader reader = randomlyTunedReader(rnd);
            check(ranges, reader.read(ranges));
        }
    }

    @Test
    void readIntoAReusedBufferPlacesEveryRangeAndLeavesStaleBytesOutside() throws Exception {
        CountingRangeReader counting = new CountingRangeReader(new ByteArrayRangeReader("mem", content));
        CoalescingRangeReader reader = new CoalescingRangeReader(counting, 100, 1 << 20);
        List<ByteRange> ranges = List.of(
                new ByteRange(500_000, 30),
                new ByteRange(50, 10),
                new ByteRange(0, 10),
                new ByteRange(160, 10),
                new ByteRange(55, 2));
        byte[] stale = new byte[4096];
        Arrays.fill(stale, (byte) 0x55);
        int[] offsets = new int[ranges.size()];
        byte[] got = reader.readInto(ranges, stale, offsets);
        assertSame(stale, got, "a buffer large enough is used as it is");
        assertEquals(2, counting.counter().requests(), "the same requests as read(List)");
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange r = ranges.get(i);
            assertArrayEquals(
                    Arrays.copyOfRange(content, (int) r.offset(), (int) r.end()),
                    Arrays.copyOfRange(got, offsets[i], offsets[i] + r.length()),
                    "range " + i);
        }
        assertEquals(0, offsets[2]); // requests laid out one after another: 0..170, then 500 000..+30
        assertEquals(170, offsets[0]);
        assertEquals(0x55, got[200], "bytes past the requests are untouched");

        byte[] grown = reader.readInto(List.of(new ByteRange(1000, 5000)), stale, new int[1]);
        assertEquals(5000, grown.length, "too small a buffer is replaced by one of the size needed");
        assertArrayEquals(Arrays.copyOfRange(content, 1000, 6000), grown);
    }

    @Test
    void readIntoAgreesWithReadOnRandomRanges() throws Exception {
        Random rnd = new Random(13);
        byte[] buffer = new byte[0];
        for (int trial = 0; trial < 50; trial++) {
            List<ByteRange> ranges = randomRanges(rnd);
            CoalescingRangeReader reader = randomlyTunedReader(rnd);
            int[] offsets = new int[ranges.size()];
            buffer = reader.readInto(ranges, buffer, offsets);
            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                assertArrayEquals(
                        Arrays.copyOfRange(content, (int) r.offset(), (int) r.end()),
                        Arrays.copyOfRange(buffer, offsets[i], offsets[i] + r.length()),
                        "trial " + trial);
            }
        }
    }

    /** 1 to 40 ranges of up to 5000 bytes anywhere in the content, overlapping and out of order. */
    private List<ByteRange> randomRanges(Random rnd) {
        ByteRange[] ranges = new ByteRange[1 + rnd.nextInt(40)];
        for (int i = 0; i < ranges.length; i++) {
            int len = rnd.nextInt(5000);
            ranges[i] = new ByteRange(rnd.nextInt(content.length - len), len);
        }
        return List.of(ranges);
    }

    /** A reader with a random gap to bridge and a random request size cap. */
    private CoalescingRangeReader randomlyTunedReader(Random rnd) {
        return new CoalescingRangeReader(
                new ByteArrayRangeReader("mem", content), rnd.nextInt(100_000), 1 + rnd.nextInt(200_000));
    }
}
