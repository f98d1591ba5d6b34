package io.rastermill.io.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.GeoTiffAssembler;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * s3a:// against a real S3 server (S3Proxy): range reads fetch the range, not the object; a COG write that fails
 * while the file streams to S3 is aborted, leaving the object it would replace as it was and nothing else.
 */
class S3ObjectStoreTest {
    @RegisterExtension
    static final LocalS3 S3 = new LocalS3();

    @Test
    void rangesAreReadWithGetsOfThatRangeNotOfTheWholeObject() throws IOException {
        Configuration conf = S3.configure(new Configuration());
        byte[] data = new byte[4 << 20];
        new Random(16).nextBytes(data);
        Path path = new Path(S3.uri("ranges/data.bin"));
        FileSystem fs = path.getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(path, true)) {
            out.write(data);
        }
        try (HadoopRangeReader r = (HadoopRangeReader) RangeReaders.open(path.toString(), conf)) {
            assertEquals(data.length, r.length());
            byte[] got = new byte[1000];
            r.readFully(3_000_000, got, 0, got.length);
            assertArrayEquals(Arrays.copyOfRange(data, 3_000_000, 3_001_000), got);
            r.readFully(10, got, 0, got.length); // backwards: a new GET, again of the range
            assertArrayEquals(Arrays.copyOfRange(data, 10, 1010), got);
            Matcher m = Pattern.compile("contentRangeFinish=(\\d+)").matcher(r.streamDescription());
            assertTrue(m.find(), r.streamDescription());
            assertTrue(
                    Long.parseLong(m.group(1)) <= 1010 + 64 * 1024,
                    "the last GET asked for the range and S3A's 64 KiB read-ahead, not the rest of the object: "
                            + r.streamDescription());
        }
    }

    @Test
    void aLocatedObjectIsOpenedAgainWithoutAHead() throws IOException {
        Configuration conf = S3.configure(new Configuration());
        byte[] data = new byte[100_000];
        new Random(29).nextBytes(data);
        Path path = new Path(S3.uri("reopen/data.bin"));
        FileSystem fs = path.getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(path, true)) {
            out.write(data);
        }
        ReopenableFile file = RangeReaders.locate(path.toString(), conf);
        long heads = metadataRequests(fs);
        for (int i = 0; i < 3; i++) {
            try (RangeReader r = file.open()) {
                assertEquals(data.length, r.length());
                byte[] got = new byte[100];
                r.readFully(1000 * i, got, 0, got.length);
                assertArrayEquals(Arrays.copyOfRange(data, 1000 * i, 1000 * i + 100), got);
            }
        }
        assertEquals(heads, metadataRequests(fs), "HEAD requests of three opens and reads of a located object");
        RangeReaders.open(path.toString(), conf).close();
        assertEquals(heads + 1, metadataRequests(fs), "opening by name asks for the status: the counter counts");
    }

    /**
     * This S3A instance's count of the HEAD (object metadata) requests it has made. Not {@code getStorageStatistics()}:
     * S3A registers that object once per JVM, so after other tests' instances it reads the first instance's counters.
     */
    private static long metadataRequests(FileSystem fs) {
        IOStatistics statistics = IOStatisticsSupport.retrieveIOStatistics(fs);
        assertNotNull(statistics, "S3A's IOStatistics");
        Long n = statistics.counters().get("object_metadata_request");
        assertNotNull(n, "S3A's object_metadata_request statistic");
        return n;
    }

    @Test
    void aCogWriteThatFailsWhileStreamingToS3IsAbortedAndTheOldObjectStays() throws IOException {
        Configuration conf = S3.configure(new Configuration());
        conf.set("fs.s3a.multipart.size", "5M"); // so parts are uploaded before the failure: the abort must cancel them
        String target = S3.uri("cog/dem.tif");
        Path path = new Path(target);
        FileSystem fs = path.getFileSystem(conf);
        byte[] old = "the old object".getBytes(StandardCharsets.US_ASCII);
        try (FSDataOutputStream out = fs.create(path, true)) {
            out.write(old);
        }
        RasterDescription d = RasterDescription.of(2048, 2048, 1, CellType.parse("float32"));
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(512)
                .compression(Compression.NONE)
                .build();
        List<GeoTiffAssembler.Level> levels = GeoTiffAssembler.levels(d, o);
        List<int[]> lengths = new ArrayList<>();
        for (GeoTiffAssembler.Level g : levels) {
            int[] l = new int[g.blocks()];
            Arrays.fill(l, 512 * 512 * 4);
            lengths.add(l);
        }
        byte[] block = new byte[512 * 512 * 4];
        int[] written = {0};
        IOException e = assertThrows(
                IOException.class,
                () -> GeoTiffAssembler.assemble(
                        GeoTiffAssembler.Target.resolve(target, conf),
                        d,
                        o,
                        false,
                        levels,
                        lengths,
                        (level, b, len, out) -> {
                            if (written[0]++ == 10) {
                                throw new IOException("a part file could not be read");
                            }
                            out.write(block, 0, len);
                        }));
        assertEquals("a part file could not be read", e.getMessage());
        assertEquals(11, written[0], "10 MiB were streamed before the failure");
        try (FSDataInputStream in = fs.open(path)) {
            assertArrayEquals(old, in.readAllBytes(), "the object the write would have replaced is unchanged");
        }
        try (Stream<java.nio.file.Path> files = Files.walk(S3.bucketDir().resolve("cog"))) {
            assertEquals(
                    List.of("dem.tif"),
                    files.filter(Files::isRegularFile)
                            .map(f -> f.getFileName().toString())
                            .toList(),
                    "no temporary object, no uploaded part left in the bucket");
        }
    }
}
