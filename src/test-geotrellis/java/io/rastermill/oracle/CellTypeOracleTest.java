package io.rastermill.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.RandomTiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cell type names, parsing and union agree with GeoTrellis 3.7.1 on seeded random inputs. */
class CellTypeOracleTest {
    private static final long SEED = 20261129L;
    private static final int CASES = 5000;

    @Test
    void namesOfRandomCellTypesEqualGeoTrellisNames() {
        RandomTiles gen = new RandomTiles(SEED);
        for (int i = 0; i < CASES; i++) {
            CellType ct = gen.cellType();
            geotrellis.raster.DataType gt = GeoTrellis.cellType(ct);
            assertEquals(GeoTrellis.name(gt), ct.name(), "seed " + SEED + " case " + i);
            assertEquals(ct, CellType.parse(GeoTrellis.name(gt)), "round trip, seed " + SEED + " case " + i);
        }
        System.out.println("oracle cell type names: " + CASES + " cases");
    }

    @Test
    void parsingAgreesWithGeoTrellisOnRandomText() {
        Random r = new Random(SEED);
        String[] prefixes = {"int8", "uint8", "int16", "uint16", "int32", "float32", "float64", "bool", "x"};
        String[] middles = {"", "raw", "ud", "ud", "ud", "UD", "ud ", "udud"};
        String[] numbers = {
            "",
            "-5",
            "255",
            "-1",
            "65535",
            "-9999",
            "-9999.0",
            "1.5",
            "NaN",
            "1.0E-5",
            "0.1",
            "2147483648",
            "-2147483648",
            "+7",
            " 3",
            "0x10",
            "1e3",
            "Infinity",
            "-0.0",
            "3f",
            "abc"
        };
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            String text = prefixes[r.nextInt(prefixes.length)]
                    + middles[r.nextInt(middles.length)]
                    + (r.nextInt(4) == 0 ? Integer.toString(r.nextInt()) : numbers[r.nextInt(numbers.length)]);
            geotrellis.raster.DataType gt;
            try {
                gt = geotrellis.raster.CellType$.MODULE$.fromName(text);
            } catch (IllegalArgumentException e) {
                IllegalArgumentException ours = assertThrows(
                        IllegalArgumentException.class,
                        () -> CellType.parse(text),
                        "GeoTrellis refuses '" + text + "', so must we");
                assertEquals(e.getMessage(), ours.getMessage());
                continue;
            }
            CellType ours;
            try {
                ours = CellType.parse(text);
            } catch (IllegalArgumentException e) {
                fail("GeoTrellis parses '" + text + "' as " + GeoTrellis.name(gt) + " but we refuse: "
                        + e.getMessage());
                return;
            }
            assertEquals(GeoTrellis.name(gt), ours.name(), "parse('" + text + "')");
            parsed++;
        }
        System.out.println("oracle cell type parsing: " + CASES + " cases (" + parsed + " valid names)");
    }

    @Test
    void unionAndNoDataCollapseAgreeWithGeoTrellis() {
        RandomTiles gen = new RandomTiles(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            CellType a = gen.cellType();
            CellType b = gen.cellType();
            String gtUnion = GeoTrellis.name(GeoTrellis.cellType(a).union(GeoTrellis.cellType(b)));
            assertEquals(gtUnion, a.union(b).name(), a + " union " + b);
            String gtIntersect = GeoTrellis.name(GeoTrellis.cellType(a).intersect(GeoTrellis.cellType(b)));
            assertEquals(gtIntersect, a.intersect(b).name(), a + " intersect " + b);

            // withNoData(Some(v)) collapses defaults; withNoData(None) gives raw.
            double v =
                    gen.random().nextInt(5) == 0 ? defaultOf(a) : gen.random().nextInt(70000) - 35000;
            String gtWith = GeoTrellis.name(GeoTrellis.cellType(a).withNoData(scala.Option.apply((Object) v)));
            assertEquals(gtWith, a.withNoData(java.util.OptionalDouble.of(v)).name(), a + " withNoData " + v);
            assertEquals(
                    GeoTrellis.name(GeoTrellis.cellType(a).withNoData(scala.Option.empty())),
                    a.withNoNoData().name(),
                    a + " withNoData(None)");
            assertEquals(
                    GeoTrellis.name(GeoTrellis.cellType(a).withDefaultNoData()),
                    a.withDefaultNoData().name());
        }
        System.out.println("oracle cell type union/intersect/withNoData: " + CASES + " cases");
    }

    private static double defaultOf(CellType ct) {
        return switch (ct.dataType()) {
            case INT8 -> -128;
            case INT16 -> -32768;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32, FLOAT64 -> Double.NaN;
            default -> 0;
        };
    }
}
