package io.rastermill.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and NoData values as printed by GeoTrellis 3.7.1 (shared/geotrellis-golden/recipe/probe-output.txt). */
class CellTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "bool, bool",
        "boolraw, bool",
        "int8, int8",
        "int8raw, int8raw",
        "uint8, uint8",
        "uint8raw, uint8raw",
        "int16, int16",
        "uint16, uint16",
        "int32, int32",
        "int32raw, int32raw",
        "float32, float32",
        "float32raw, float32raw",
        "float64, float64",
        "float64raw, float64raw",
        "int8ud-5, int8ud-5",
        "uint8ud255, uint8ud255",
        "uint8ud-1, uint8ud255",
        "int16ud-9999, int16ud-9999",
        "uint16ud65535, uint16ud65535",
        "int32ud-9999, int32ud-9999",
        "float32ud-9999, float32ud-9999.0",
        "float32ud-9999.0, float32ud-9999.0",
        "float32ud0.1, float32ud0.10000000149011612",
        "float32udNaN, float32",
        "float64ud-9999, float64ud-9999.0",
        "float64ud1.0E-5, float64ud1.0E-5",
        "int8ud-128, int8ud-128",
        "uint8ud0, uint8ud0",
        "int32ud-2147483648, int32ud-2147483648"
    })
    void parsesAndNamesAsGeoTrellis(String text, String name) {
        assertEquals(name, CellType.parse(text).name());
        assertEquals(CellType.parse(text), CellType.parse(name));
    }

    @Test
    void userDefinedValuesEqualToTheDefaultAreNotCollapsedByParse() {
        CellType ud = CellType.parse("int8ud-128");
        assertEquals(NoDataMode.USER_DEFINED, ud.noDataMode());
        assertFalse(ud.equals(CellType.INT8));
        // ...but the programmatic path collapses them.
        assertSame(CellType.INT8, CellType.withNoData(DataType.INT8, OptionalDouble.of(-128)));
        assertSame(CellType.UINT16, CellType.withNoData(DataType.UINT16, OptionalDouble.of(0)));
        assertSame(CellType.FLOAT32_RAW, CellType.withNoData(DataType.FLOAT32, OptionalDouble.empty()));
        assertEquals(
                "uint8ud255",
                CellType.withNoData(DataType.UINT8, OptionalDouble.of(-1)).name());
    }

    @Test
    void noDataValuesAreGeoTrellisDefaults() {
        assertEquals(-128, CellType.INT8.intNoData());
        assertEquals(0, CellType.UINT8.intNoData());
        assertEquals(-32768, CellType.INT16.intNoData());
        assertEquals(0, CellType.UINT16.intNoData());
        assertEquals(Integer.MIN_VALUE, CellType.INT32.intNoData());
        assertTrue(Double.isNaN(CellType.FLOAT32.floatNoData()));
        assertEquals(-1, CellType.parse("uint8ud255").intNoData());
        assertEquals(255.0, CellType.parse("uint8ud255").noDataValue().getAsDouble());
        assertEquals(65535.0, CellType.parse("uint16ud65535").noDataValue().getAsDouble());
        assertEquals((double) 0.1f, CellType.parse("float32ud0.1").floatNoData());
        assertTrue(CellType.INT8_RAW.noDataValue().isEmpty());
        assertThrows(IllegalStateException.class, CellType.FLOAT32_RAW::floatNoData);
    }

    @Test
    void unionKeepsTheWiderTypeAndPrefersFloatingPointOnEqualWidth() {
        assertEquals(CellType.FLOAT32, CellType.INT16.union(CellType.FLOAT32));
        assertEquals(CellType.FLOAT32, CellType.INT32.union(CellType.FLOAT32));
        assertEquals(CellType.FLOAT32, CellType.FLOAT32.union(CellType.INT32));
        assertEquals(CellType.INT8, CellType.UINT8.union(CellType.INT8));
        assertEquals(CellType.UINT8, CellType.INT8.union(CellType.UINT8));
        assertEquals(CellType.INT32, CellType.BOOL.union(CellType.INT32));
    }

    @ParameterizedTest
    @CsvSource({"int32ud1.5", "uint8udx", "int", "float", "Int32", "float32ud", "''", "int8ud 5"})
    void refusesNonNamesWithTheirText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellType.parse(text));
        assertEquals("Cell type " + text + " is not supported", e.getMessage());
    }

    @Test
    void everyFixedTypeRoundTripsThroughItsName() {
        for (CellType ct : CellType.FIXED) {
            assertSame(ct, CellType.parse(ct.name()));
        }
        assertEquals(15, CellType.FIXED.size());
    }

    @Test
    void noDataLanesConvertAsGeoTrellis() {
        assertEquals(-2, NoData.d2i(-2.7));
        assertEquals(Integer.MAX_VALUE, NoData.d2i(1e20));
        assertEquals(NoData.INT, NoData.d2i(Double.NEGATIVE_INFINITY));
        assertEquals(NoData.INT, NoData.d2i(Double.NaN));
        assertTrue(Double.isNaN(NoData.i2d(Integer.MIN_VALUE)));
        assertEquals(-5.0, NoData.i2d(-5));
    }
}
