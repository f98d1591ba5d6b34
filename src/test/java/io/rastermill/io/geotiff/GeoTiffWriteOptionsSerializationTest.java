package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.io.codec.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Options travel in Spark closures as they are: Java serialization gives back equal options. */
class GeoTiffWriteOptionsSerializationTest {

    @Test
    void everyOptionSurvivesSerialization() throws Exception {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.builder()
                .blockSize(256)
                .compression(Compression.ZSTD, 17)
                .predictor(2)
                .bigTiff(BigTiffMode.YES)
                .cog(false)
                .overviews(3)
                .resampling(OverviewResampling.NEAREST)
                .spillDirectory(Path.of("/tmp/spill here"))
                .build();
        assertEquals(o, roundTrip(o));
    }

    @Test
    void defaultsAndNoSpillDirectorySurvive() throws Exception {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.defaults();
        assertEquals(Optional.empty(), o.spillDirectory());
        assertEquals(o, roundTrip(o));
        assertEquals(
                o,
                roundTrip(o.withSpillDirectory(Optional.of(Path.of("spill")))).withSpillDirectory(Optional.empty()));
    }

    private static GeoTiffWriteOptions roundTrip(GeoTiffWriteOptions o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (GeoTiffWriteOptions) in.readObject();
        }
    }
}
