package io.rastermill.oracle;

import static io.rastermill.oracle.GeoTrellisValues.gt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circe.Decoder;
import io.circe.Encoder;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.json.GeoTrellisJson;
import io.rastermill.core.layout.Bounds;
import io.rastermill.core.layout.EmptyBounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.layout.TileLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;
import scala.util.Either;

/**
 * Our metadata JSON against GeoTrellis 3.7.1's circe encoder and decoder for {@code TileLayerMetadata[SpatialKey]}:
 * byte-equal output, and each side reads what the other wrote.
 */
class JsonOracleTest {

    private static final int CASES = 2000;

    private static final String[] CELL_TYPES = {
        "bool",
        "int8",
        "int8raw",
        "uint8",
        "uint8raw",
        "int16",
        "uint16",
        "int32",
        "int32raw",
        "float32",
        "float32raw",
        "float64",
        "float64raw",
        "int8ud-5",
        "uint8ud255",
        "int16ud-9999",
        "uint16ud65535",
        "int32ud-9999",
        "float32ud-9999.0",
        "float64ud-9999.0",
        "float64ud1.0E-5"
    };
    private static final int[] EPSG_CODES = {4326, 3857, 32633, 32718, 3035, 2154, 27700, 4269};

    private static final geotrellis.util.Component<geotrellis.layer.SpatialKey, geotrellis.layer.SpatialKey> IDENTITY =
            geotrellis.util.Component$.MODULE$.apply(key -> key, (key, replacement) -> replacement);
    private static final Encoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> ENCODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataEncoder(
                    IDENTITY, geotrellis.layer.SpatialKey$.MODULE$.codecForSpatialKey());
    private static final Decoder<geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> DECODER =
            geotrellis.layer.TileLayerMetadata$.MODULE$.tileLayerMetadataDecoder(
                    IDENTITY, geotrellis.layer.SpatialKey$.MODULE$.codecForSpatialKey());

    /** Doubles with many spellings: integers, tiny and huge magnitudes (E notation), long fractions, negatives. */
    private static double value(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(2001) - 1000;
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16) - 6);
            case 2 -> -2.0037508342789244E7 + random.nextDouble() * 4e7;
            case 3 -> Math.scalb(random.nextInt(1000), -random.nextInt(30));
            default -> random.nextGaussian() * 1e-3;
        };
    }

    private static Extent extent(Random random) {
        double x1 = value(random);
        double x2 = value(random);
        double y1 = value(random);
        double y2 = value(random);
        if (x1 == x2) {
            x2 = x1 + 1;
        }
        if (y1 == y2) {
            y2 = y1 + 1;
        }
        return new Extent(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }

    private record Pair(
            TileLayerMetadata ours, geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey> theirs) {
        static Pair random(Random random) {
            String cellType = CELL_TYPES[random.nextInt(CELL_TYPES.length)];
            Extent layoutExtent = extent(random);
            TileLayout tl = new TileLayout(
                    1 + random.nextInt(1 << random.nextInt(20)),
                    1 + random.nextInt(1 << random.nextInt(20)),
                    1 + random.nextInt(1024),
                    1 + random.nextInt(1024));
            Extent dataExtent = extent(random);
            int code = EPSG_CODES[random.nextInt(EPSG_CODES.length)];
            boolean empty = random.nextInt(10) == 0;
            int c1 = random.nextInt(tl.layoutCols());
            int r1 = random.nextInt(tl.layoutRows());
            int c2 = c1 + random.nextInt(tl.layoutCols() - c1);
            int r2 = r1 + random.nextInt(tl.layoutRows() - r1);
            Bounds bounds =
                    empty ? EmptyBounds.INSTANCE : new KeyBounds(new SpatialKey(c1, r1), new SpatialKey(c2, r2));
            TileLayerMetadata ours = new TileLayerMetadata(
                    CellType.parse(cellType),
                    new LayoutDefinition(layoutExtent, tl),
                    dataExtent,
                    Crs.epsg(code),
                    bounds);
            geotrellis.layer.Bounds<geotrellis.layer.SpatialKey> theirBounds = empty
                    ? castBounds(geotrellis.layer.EmptyBounds$.MODULE$)
                    : new geotrellis.layer.KeyBounds<>(
                            new geotrellis.layer.SpatialKey(c1, r1), new geotrellis.layer.SpatialKey(c2, r2));
            geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey> theirs =
                    new geotrellis.layer.TileLayerMetadata<>(
                            geotrellis.raster.CellType$.MODULE$.fromName(cellType),
                            geotrellis.layer.LayoutDefinition$.MODULE$.apply(
                                    gt(layoutExtent),
                                    new geotrellis.raster.TileLayout(
                                            tl.layoutCols(), tl.layoutRows(), tl.tileCols(), tl.tileRows())),
                            gt(dataExtent),
                            geotrellis.proj4.CRS$.MODULE$.fromEpsgCode(code),
                            theirBounds);
            return new Pair(ours, theirs);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static geotrellis.layer.Bounds<geotrellis.layer.SpatialKey> castBounds(Object bounds) {
        return (geotrellis.layer.Bounds) bounds;
    }

    @Test
    void metadataJsonIsByteEqualAndReadableBothWays() {
        long seed = 17L;
        Random random = new Random(seed);
        int empties = 0;
        for (int i = 0; i < CASES; i++) {
            Pair pair = Pair.random(random);
            String where = "seed " + seed + " case " + i;
            String theirJson = ENCODER.apply(pair.theirs()).noSpaces();
            String ourJson = GeoTrellisJson.write(pair.ours());
            assertEquals(theirJson, ourJson, where);
            assertEquals(pair.ours(), GeoTrellisJson.readTileLayerMetadata(theirJson), where);
            Either<io.circe.Error, geotrellis.layer.TileLayerMetadata<geotrellis.layer.SpatialKey>> decoded =
                    io.circe.parser.package$.MODULE$.decode(ourJson, DECODER);
            assertTrue(decoded.isRight(), where + " GeoTrellis could not decode " + ourJson + ": " + decoded);
            assertEquals(pair.theirs(), decoded.right().get(), where);
            empties += pair.ours().bounds().isEmpty() ? 1 : 0;
        }
        System.out.println("oracle TileLayerMetadata JSON: " + CASES + " cases (" + empties + " with EmptyBounds)");
    }
}
