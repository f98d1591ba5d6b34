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
            throw new IllegalArgumentException(
                    "maxGap " + maxGap + " must be >= 0 and maxRequest " + maxRequest + " > 0");
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
        Integer[] order = byOffset(ranges);
        byte[][] out = new byte[n][];
        for (int i = 0, j; i < n; i = j) {
            j = requestEnd(ranges, order, i);
            ByteRange first = ranges.get(order[i]);
            if (j == i + 1) {
                out[order[i]] = reader.read(first.offset(), first.length());
            } else {
                long start = first.offset();
                byte[] merged = reader.read(start, (int) (requestLast(ranges, order, i, j) - start));
                for (int k = i; k < j; k++) {
                    ByteRange r = ranges.get(order[k]);
                    int from = (int) (r.offset() - start);
                    out[order[k]] = Arrays.copyOfRange(merged, from, from + r.length());
                }
            }
        }
        List<byte[]> result = new ArrayList<>(n);
        for (byte[] b : out) {
            result.add(b);
        }
        return result;
    }

    /**
     * Reads the ranges with the same requests as {@link #read(List)}, but into one array instead of an array per
     * range: range {@code i} is {@code [offsets[i], offsets[i] + length)} of the returned array, which is
     * {@code buffer} when that is large enough, else a new one. So a caller that decodes the bytes right away can
     * keep one buffer from read to read. Bytes of the array outside the ranges are left as they were.
     *
     * @param offsets receives each range's start in the array; at least {@code ranges.size()} long
     * @throws IllegalArgumentException if the requests would need more than 2 GiB in all
     */
    public byte[] readInto(List<ByteRange> ranges, byte[] buffer, int[] offsets) throws IOException {
        int n = ranges.size();
        Integer[] order = byOffset(ranges);
        long total = 0;
        for (int i = 0, j; i < n; i = j) {
            j = requestEnd(ranges, order, i);
            total += requestLast(ranges, order, i, j) - ranges.get(order[i]).offset();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(reader.location() + ": " + n + " ranges need " + total
                    + " bytes, more than one array holds; read fewer at once");
        }
        byte[] dst = buffer != null && buffer.length >= total ? buffer : new byte[(int) total];
        int at = 0;
        for (int i = 0, j; i < n; i = j) {
            j = requestEnd(ranges, order, i);
            long start = ranges.get(order[i]).offset();
            int length = (int) (requestLast(ranges, order, i, j) - start);
            reader.readFully(start, dst, at, length);
            for (int k = i; k < j; k++) {
                offsets[order[k]] = at + (int) (ranges.get(order[k]).offset() - start);
            }
            at += length;
        }
        return dst;
    }

    private static Integer[] byOffset(List<ByteRange> ranges) {
        Integer[] order = new Integer[ranges.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ranges.get(i).offset()));
        return order;
    }

    /** The end (exclusive, in {@code order}) of the request that starts with range {@code order[i]}. */
    private int requestEnd(List<ByteRange> ranges, Integer[] order, int i) {
        ByteRange first = ranges.get(order[i]);
        long start = first.offset();
        long end = first.end();
        int j = i + 1;
        while (j < order.length) {
            ByteRange next = ranges.get(order[j]);
            long newEnd = Math.max(end, next.end());
            if (next.offset() - end > maxGap || newEnd - start > maxRequest) {
                break;
            }
            end = newEnd;
            j++;
        }
        return j;
    }

    /** The file position where the request of ranges {@code order[i..j)} ends. */
    private static long requestLast(List<ByteRange> ranges, Integer[] order, int i, int j) {
        long end = 0;
        for (int k = i; k < j; k++) {
            end = Math.max(end, ranges.get(order[k]).end());
        }
        return end;
    }
}
