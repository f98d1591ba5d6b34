package io.rastermill.io.layerstore;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BigIntWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.MapFile;
import org.apache.hadoop.io.SequenceFile;

/**
 * The tile data of a Hadoop-backend layer, as GeoTrellis's {@code HadoopRDDWriter} lays it out:
 * MapFiles {@code part-r-<partition %05d>-<first index>} holding (BigIntWritable index, BytesWritable
 * record) pairs sorted by index, uncompressed, index interval 4; a MapFile is closed and a new one
 * started when the next record would pass the file system's block size less 16 KiB. Readers take
 * MapFile k to cover {@code [first_k, first_{k+1} - 1]}, so the files of a layer must partition the
 * index range in order.
 */
public final class MapFileTiles {
    /** GeoTrellis's {@code HadoopRDDWriter.DefaultIndexInterval}. */
    public static final int INDEX_INTERVAL = 4;

    private static final Pattern NAME = Pattern.compile(".*part-r-([0-9]+)-([0-9]+)$");

    private MapFileTiles() {}

    /** One MapFile of a layer and the index range it is taken to cover ({@code last} = Long.MAX_VALUE for the last file). */
    public static final class Range implements Serializable {
        // A class, not a record: Spark ships these to tasks with Kryo, whose field serializer cannot build records.
        private final String path;
        private final long first;
        private final long last;

        public Range(String path, long first, long last) {
            this.path = path;
            this.first = first;
            this.last = last;
        }

        public String path() {
            return path;
        }

        public long first() {
            return first;
        }

        public long last() {
            return last;
        }

        public boolean intersects(long lo, long hi) {
            return first <= hi && lo <= last;
        }

        @Override
        public String toString() {
            return path + " [" + first + ", " + last + "]";
        }
    }

    /** Writes sorted records of one partition into MapFiles, splitting at the block size as GeoTrellis does. */
    public static final class Writer implements Closeable {
        private final Path layerDir;
        private final int partition;
        private final long blockSize;
        private final Configuration conf;
        private MapFile.Writer writer;
        private long remaining;
        private long lastIndex = Long.MIN_VALUE;
        private final List<String> written = new ArrayList<>();

        public Writer(Path layerDir, int partition, Configuration conf) throws IOException {
            this.layerDir = layerDir;
            this.partition = partition;
            this.conf = conf;
            this.blockSize = layerDir.getFileSystem(conf).getDefaultBlockSize(layerDir);
        }

        /** Appends a record; indexes must increase strictly. */
        public void append(long index, byte[] record) throws IOException {
            if (index <= lastIndex) {
                throw new IllegalArgumentException("MapFile records out of order: " + index + " after " + lastIndex);
            }
            lastIndex = index;
            long size = 8L + record.length;
            if (writer == null || remaining - size < 0) {
                if (writer != null) {
                    writer.close();
                }
                Path p = new Path(layerDir, String.format("part-r-%05d-%d", partition, index));
                writer = new MapFile.Writer(
                        conf,
                        p,
                        MapFile.Writer.keyClass(BigIntWritable.class),
                        MapFile.Writer.valueClass(BytesWritable.class),
                        MapFile.Writer.compression(SequenceFile.CompressionType.NONE));
                writer.setIndexInterval(INDEX_INTERVAL);
                remaining = blockSize - 16 * 1024;
                written.add(p.toString());
            }
            writer.append(new BigIntWritable(BigInteger.valueOf(index).toByteArray()), new BytesWritable(record));
            remaining -= size;
        }

        /** The MapFiles started so far. */
        public List<String> written() {
            return written;
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }

    /** Reads the records of one MapFile in index order, one at a time (for streaming merges). */
    public static final class Scanner implements Closeable {
        private final MapFile.Reader reader;
        private final BigIntWritable key = new BigIntWritable();
        private final BytesWritable value = new BytesWritable();

        public Scanner(String mapFile, Configuration conf) throws IOException {
            this.reader = new MapFile.Reader(new Path(mapFile), conf);
        }

        /** Moves to the next record; false at the end. */
        public boolean next() throws IOException {
            return reader.next(key, value);
        }

        public long index() {
            return key.toBigInteger().longValueExact();
        }

        /** The current record's bytes (a copy). */
        public byte[] record() {
            return Arrays.copyOf(value.getBytes(), value.getLength());
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The MapFiles of a layer directory with their index ranges, in index order. */
    public static List<Range> ranges(Path layerDir, Configuration conf) throws IOException {
        FileSystem fs = layerDir.getFileSystem(conf);
        FileStatus[] entries = fs.globStatus(new Path(layerDir, "*"));
        List<long[]> starts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (entries != null) {
            for (FileStatus st : entries) {
                if (!st.isDirectory()) {
                    continue;
                }
                Path p = st.getPath();
                Matcher m = NAME.matcher(p.toString());
                long first;
                if (m.matches()) {
                    first = new BigInteger(m.group(2)).longValueExact();
                } else {
                    first = firstKey(p, conf);
                }
                starts.add(new long[] {first, paths.size()});
                paths.add(p.toString());
            }
        }
        starts.sort(Comparator.comparingLong(a -> a[0]));
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long last = i + 1 < starts.size() ? starts.get(i + 1)[0] - 1 : Long.MAX_VALUE;
            out.add(new Range(paths.get((int) starts.get(i)[1]), starts.get(i)[0], last));
        }
        return out;
    }

    private static long firstKey(Path mapFile, Configuration conf) throws IOException {
        try (SequenceFile.Reader in =
                new SequenceFile.Reader(conf, SequenceFile.Reader.file(new Path(mapFile, "index")))) {
            BigIntWritable k = new BigIntWritable();
            if (!in.next(k)) {
                throw new IOException(mapFile + ": empty MapFile index");
            }
            return k.toBigInteger().longValueExact();
        }
    }

    /**
     * Calls {@code sink} with (index, record bytes) for every record of a MapFile whose index lies in
     * one of the sorted, disjoint inclusive {@code ranges} (null: every record), seeking to each range.
     */
    public static void read(String mapFile, Configuration conf, List<long[]> ranges, BiConsumer<Long, byte[]> sink)
            throws IOException {
        Path p = new Path(mapFile);
        try (MapFile.Reader reader = new MapFile.Reader(p, conf)) {
            BigIntWritable k = new BigIntWritable();
            BytesWritable v = new BytesWritable();
            if (ranges == null) {
                while (reader.next(k, v)) {
                    sink.accept(k.toBigInteger().longValueExact(), Arrays.copyOf(v.getBytes(), v.getLength()));
                }
                return;
            }
            for (long[] r : ranges) {
                BigIntWritable start =
                        new BigIntWritable(BigInteger.valueOf(r[0]).toByteArray());
                BigIntWritable found = (BigIntWritable) reader.getClosest(start, v);
                if (found == null) {
                    continue;
                }
                long idx = found.toBigInteger().longValueExact();
                while (idx <= r[1]) {
                    sink.accept(idx, Arrays.copyOf(v.getBytes(), v.getLength()));
                    if (!reader.next(k, v)) {
                        break;
                    }
                    idx = k.toBigInteger().longValueExact();
                }
            }
        }
    }
}
