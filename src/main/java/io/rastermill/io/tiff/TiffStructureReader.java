package io.rastermill.io.tiff;

import io.rastermill.io.bytes.ByteRange;
import io.rastermill.io.bytes.CoalescingRangeReader;
import io.rastermill.io.bytes.RangeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the header and the IFD chain (TIFF 6.0 and BigTIFF). Every size read from the file is
 * checked against the file length and the limits below before anything is allocated.
 * One instance reads one file once; not thread-safe (create one per read).
 */
public final class TiffStructureReader {

    /** Default cap on the number of IFDs in the chain. */
    public static final int DEFAULT_MAX_DIRECTORIES = 4096;
    /** Default cap on entries per IFD (classic TIFF cannot exceed 65 535 anyway). */
    public static final int DEFAULT_MAX_ENTRIES = 65_535;
    /**
     * Default cap on the value bytes of one entry: 1 GiB, room for the offsets and byte counts of
     * 2^27 tiles (a 2^40-pixel image in 128×128 tiles), below the Java array limit.
     */
    public static final int DEFAULT_MAX_VALUE_BYTES = 1 << 30;

    /** Default cap on the entries of all IFDs together (overlapping IFDs must not multiply memory). */
    public static final int DEFAULT_MAX_TOTAL_ENTRIES = 1 << 18;
    /**
     * Slack over the file length for the value bytes of all entries together: values may legitimately
     * be shared between IFDs, but entries pointing many times at the same large region must not
     * allocate many times the file size.
     */
    private static final long VALUE_BYTES_SLACK = 16L << 20;

    /** Out-of-line values closer than this are fetched in one request (they usually sit together). */
    private static final int VALUE_GAP = 4096;

    private final RangeReader reader;
    private final String location;
    private final int maxDirectories;
    private final int maxEntries;
    private final int maxValueBytes;
    private long totalEntries;
    private long totalValueBytes;

    public TiffStructureReader(RangeReader reader) {
        this(reader, DEFAULT_MAX_DIRECTORIES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_VALUE_BYTES);
    }

    public TiffStructureReader(RangeReader reader, int maxDirectories, int maxEntries, int maxValueBytes) {
        this.reader = reader;
        this.location = reader.location();
        this.maxDirectories = maxDirectories;
        this.maxEntries = maxEntries;
        this.maxValueBytes = maxValueBytes;
    }

    /** Reads the header and every directory. */
    public TiffStructure read() throws IOException {
        totalEntries = 0;
        totalValueBytes = 0;
        long length = reader.length();
        if (length < 8) {
            throw new TiffFormatException(location, "file of " + length + " bytes is too short for a TIFF header");
        }
        byte[] head = reader.read(0, (int) Math.min(16, length));
        ByteOrder order;
        if (head[0] == 'I' && head[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (head[0] == 'M' && head[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new TiffFormatException(
                    location,
                    String.format(
                            "byte order mark 0x%02x%02x is neither II nor MM: not a TIFF file",
                            head[0] & 0xFF, head[1] & 0xFF));
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(order);
        int version = h.getShort(2) & 0xFFFF;
        boolean big;
        long first;
        if (version == 42) {
            big = false;
            first = h.getInt(4) & 0xFFFFFFFFL;
        } else if (version == 43) {
            big = true;
            if (head.length < 16) {
                throw new TiffFormatException(
                        location, "file of " + length + " bytes is too short for a BigTIFF header");
            }
            int offsetSize = h.getShort(4) & 0xFFFF;
            int reserved = h.getShort(6) & 0xFFFF;
            if (offsetSize != 8 || reserved != 0) {
                throw new TiffFormatException(
                        location,
                        "BigTIFF header has offset size " + offsetSize + " and reserved " + reserved
                                + " (expected 8 and 0)");
            }
            first = h.getLong(8);
        } else {
            throw new TiffFormatException(location, "version " + version + " is neither 42 (TIFF) nor 43 (BigTIFF)");
        }

        List<TiffDirectory> directories = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        long next = first;
        if (next == 0) {
            throw new TiffFormatException(location, "the header points to no IFD (offset 0)");
        }
        while (next != 0) {
            int index = directories.size();
            if (index >= maxDirectories) {
                throw new TiffFormatException(location, "more than " + maxDirectories + " IFDs");
            }
            if (!visited.add(next)) {
                throw new TiffFormatException(
                        location, "IFD " + index + " at offset " + next + " was already visited: the IFD chain loops");
            }
            long[] nextOut = new long[1];
            directories.add(readDirectory(index, next, order, big, length, nextOut));
            next = nextOut[0];
        }
        return new TiffStructure(location, order, big, directories);
    }

    private TiffDirectory readDirectory(
            int index, long offset, ByteOrder order, boolean big, long length, long[] nextOut) throws IOException {
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int pointerSize = big ? 8 : 4;
        int headerSize = big ? 16 : 8;
        if (offset < headerSize || offset > length - countSize) {
            throw new TiffFormatException(
                    location,
                    index,
                    "offset " + Long.toUnsignedString(offset) + " is outside the file (length " + length + ")");
        }
        ByteBuffer c = ByteBuffer.wrap(reader.read(offset, countSize)).order(order);
        long count = big ? c.getLong() : c.getShort() & 0xFFFF;
        if (count <= 0 || count > maxEntries) {
            throw new TiffFormatException(
                    location,
                    index,
                    "entry count " + Long.toUnsignedString(count) + " at offset " + offset + " must be in 1.."
                            + maxEntries);
        }
        long tableSize = count * entrySize + pointerSize;
        long tableStart = offset + countSize;
        if (tableSize > length - tableStart) {
            throw new TiffFormatException(
                    location,
                    index,
                    count + " entries at offset " + offset + " pass the end of the file (length " + length + ")");
        }
        totalEntries += count;
        if (totalEntries > DEFAULT_MAX_TOTAL_ENTRIES) {
            throw new TiffFormatException(
                    location, index, "the IFDs hold more than " + DEFAULT_MAX_TOTAL_ENTRIES + " entries in total");
        }
        ByteBuffer t = ByteBuffer.wrap(reader.read(tableStart, (int) tableSize)).order(order);

        Map<Integer, TiffEntry> entries = new LinkedHashMap<>();
        List<int[]> pending = new ArrayList<>(); // {tag, typeCode, count}
        List<ByteRange> ranges = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            int tag = t.getShort(at) & 0xFFFF;
            int typeCode = t.getShort(at + 2) & 0xFFFF;
            long n = big ? t.getLong(at + 4) : t.getInt(at + 4) & 0xFFFFFFFFL;
            TiffType type = TiffType.ofCode(typeCode);
            if (type == null && TiffTag.isInterpreted(tag)) {
                // skipping it, as the spec allows, would read the image as if the tag were absent: a Predictor
                // dropped this way gave wrong cells without any error
                throw new TiffFormatException(location, index, tag, "unknown field type code " + typeCode);
            }
            if (type == null || !seen.add(tag)) {
                continue; // the spec says to skip unknown types of other tags; the first of duplicate tags wins
            }
            if (n < 0 || n > maxValueBytes / type.size()) {
                throw new TiffFormatException(
                        location,
                        index,
                        tag,
                        "value count " + Long.toUnsignedString(n) + " of type " + type + " exceeds " + maxValueBytes
                                + " bytes");
            }
            int bytes = (int) n * type.size();
            totalValueBytes += bytes;
            if (totalValueBytes > length + VALUE_BYTES_SLACK) {
                throw new TiffFormatException(
                        location,
                        index,
                        tag,
                        "the entries so far reference " + totalValueBytes
                                + " value bytes, more than the file holds (length " + length + ")");
            }
            int valueAt = at + 4 + pointerSize; // entry: tag, type, count (4 or 8 bytes), value
            if (bytes <= pointerSize) {
                byte[] raw = new byte[bytes];
                t.get(valueAt, raw);
                entries.put(tag, new TiffEntry(tag, type, (int) n, raw, order));
            } else {
                long valueOffset = big ? t.getLong(valueAt) : t.getInt(valueAt) & 0xFFFFFFFFL;
                if (valueOffset < 0 || valueOffset > length || bytes > length - valueOffset) {
                    throw new TiffFormatException(
                            location,
                            index,
                            tag,
                            n + " values of type " + type
                                    + " at offset " + Long.toUnsignedString(valueOffset)
                                    + " pass the end of the file (length " + length + ")");
                }
                pending.add(new int[] {tag, typeCode, (int) n});
                ranges.add(new ByteRange(valueOffset, bytes));
            }
        }
        List<byte[]> values =
                new CoalescingRangeReader(reader, VALUE_GAP, CoalescingRangeReader.DEFAULT_MAX_REQUEST).read(ranges);
        for (int i = 0; i < pending.size(); i++) {
            int[] p = pending.get(i);
            entries.put(p[0], new TiffEntry(p[0], TiffType.ofCode(p[1]), p[2], values.get(i), order));
        }
        long next = big ? t.getLong((int) (count * entrySize)) : t.getInt((int) (count * entrySize)) & 0xFFFFFFFFL;
        nextOut[0] = next;
        return new TiffDirectory(location, index, length, entries);
    }
}
