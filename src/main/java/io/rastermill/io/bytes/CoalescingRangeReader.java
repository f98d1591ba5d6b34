package io.rastermill.io.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads many ranges with few requests: ranges (sorted by offset) whose gap is at most
 * {@link #maxGap()} are merged into one request, up to {@link #maxRequest()} bytes per request.
 *
 * <p>Default gap: {@value #DEFAULT_MAX_GAP} bytes. On object stores one request costs tens of
 * milliseconds of latency, in which 64 KiB is a small fraction of what the link transfers, so reading
 * a gap that size is cheaper than a second request; it is also about one compressed 256×256 tile, so
 * tiles read in row order with one skipped tile between them still merge. Locally a gap costs a
 * memory copy. The request cap ({@value #DEFAULT_MAX_REQUEST} bytes) bounds the temporary buffer.
 */
public final class CoalescingRangeReader {

    public static final int DEFAULT_MAX_GAP = 64 * 1024;
    public static final int DEFAULT_MAX_REQUEST = 16 * 1024 * 1024;

    private final RangeReader reader;
    private final int maxGap;
    private final int maxRequest;

    public CoalescingRangeReader(RangeReader reader) {
        this(reader, DEFAULT_MAX_GAP, DEFAULT_MAX_REQUEST);
    }

    public CoalescingRangeReader(RangeReader reader, int maxGap, int maxRequest) {
        if (maxGap < 0 || maxRequest <= 0) {
            throw new IllegalArgumentException("maxGap " + maxGap + " must be >= 0 and maxRequest "
                    + maxRequest + " > 0");
        }
        this.reader = reader;
        this.maxGap = maxGap;
        this.maxRequest = maxRequest;
    }

    public int maxGap() {
        return maxGap;
    }

    public int maxRequest() {
        return maxRequest;
    }

    /**
     * Returns the bytes of each range, in the order given. Ranges may overlap or repeat; a single
     * range larger than the request cap is read on its own.
     */
    public List<byte[]> read(List<ByteRange> ranges) throws IOException {
        int n = ranges.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ranges.get(i).offset()));
        byte[][] out = new byte[n][];
        int i = 0;
        while (i < n) {
            ByteRange first = ranges.get(order[i]);
            long start = first.offset();
            long end = first.end();
            int j = i + 1;
            while (j < n) {
                ByteRange next = ranges.get(order[j]);
                long newEnd = Math.max(end, next.end());
                if (next.offset() - end > maxGap || newEnd - start > maxRequest) {
                    break;
                }
                end = newEnd;
                j++;
            }
            if (j == i + 1) {
                out[order[i]] = reader.read(first.offset(), first.length());
            } else {
                byte[] merged = reader.read(start, (int) (end - start));
                for (int k = i; k < j; k++) {
                    ByteRange r = ranges.get(order[k]);
                    int from = (int) (r.offset() - start);
                    out[order[k]] = Arrays.copyOfRange(merged, from, from + r.length());
                }
            }
            i = j;
        }
        List<byte[]> result = new ArrayList<>(n);
        for (byte[] b : out) {
            result.add(b);
        }
        return result;
    }
}
