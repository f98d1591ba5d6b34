package io.rastermill.core.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The zonal fixtures (made by src/test/fixtures/zonal/make_zonal_fixtures.py with GDAL and NumPy) and
 * the comparison of our per-zone results with its single-threaded NumPy/GDAL reference.
 */
public final class ZonalFixtures {
    public static final int COLS = 240;
    public static final int ROWS = 200;

    private ZonalFixtures() {}

    public static Path dir() {
        try {
            return Path.of(ZonalFixtures.class
                            .getResource("/io/rastermill/zonal/fixtures/reference.json")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static JsonNode reference() {
        try {
            return new ObjectMapper().readTree(file("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole raster as one tile. */
    public static Tile read(String name) {
        try (GeoTiffReader r = GeoTiffReader.open(file(name).toString())) {
            return r.readBand(new GridBounds(0, 0, COLS - 1, ROWS - 1), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts one zone's results equal the reference: counts exactly, moments within 1e-9 relative,
     * median and p90 exactly ({@code bound} 0) or within {@code bound}.
     */
    public static void assertZone(String what, JsonNode ref, ZoneAccumulator acc, double bound) {
        long count = ref.get("count").asLong();
        if (acc == null) {
            assertEquals(0, count, what + ": no cells, the reference has some");
            assertEquals(0, ref.get("nodata").asLong(), what + ": no cells, the reference has NoData ones");
            return;
        }
        var s = acc.finish();
        assertEquals(count, s.dataCells(), what + " count");
        assertEquals(ref.get("nodata").asLong(), s.noDataCells(), what + " nodata");
        if (count == 0) {
            assertTrue(Double.isNaN(s.mean()), what + " mean of no data");
            return;
        }
        for (String k : new String[] {"sum", "mean", "min", "max", "stddev"}) {
            double expected = ref.get(k).asDouble();
            double actual = switch (k) {
                case "sum" -> s.sum();
                case "mean" -> s.mean();
                case "min" -> s.min();
                case "max" -> s.max();
                default -> s.stddev();
            };
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what + " " + k);
        }
        if (acc.hasPercentiles()) {
            assertEquals(ref.get("median").asDouble(), acc.percentile(0.5), bound, what + " median");
            assertEquals(ref.get("p90").asDouble(), acc.percentile(0.9), bound, what + " p90");
        }
    }
}
