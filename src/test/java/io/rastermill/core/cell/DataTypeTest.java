package io.rastermill.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataTypeTest {

    @Test
    void gdalNamesMapToTheTypesOfTheSameStorage() {
        Map<String, DataType> names = Map.of(
                "Byte",
                DataType.UINT8,
                "uint8",
                DataType.UINT8,
                "Int8",
                DataType.INT8,
                "UInt16",
                DataType.UINT16,
                "INT16",
                DataType.INT16,
                " Int32 ",
                DataType.INT32,
                "Float32",
                DataType.FLOAT32,
                "float64",
                DataType.FLOAT64);
        names.forEach((name, type) -> assertEquals(Optional.of(type), DataType.fromGdalName(name), name));
        for (String other : new String[] {"UInt32", "Int64", "CFloat32", "float", "bool", ""}) {
            assertEquals(Optional.empty(), DataType.fromGdalName(other), other);
        }
    }

    @Test
    void rangesAreTheStoredNumbers() {
        assertEquals(0, DataType.BIT.minValue());
        assertEquals(1, DataType.BIT.maxValue());
        assertEquals(-128, DataType.INT8.minValue());
        assertEquals(127, DataType.INT8.maxValue());
        assertEquals(0, DataType.UINT8.minValue());
        assertEquals(255, DataType.UINT8.maxValue());
        assertEquals(-32768, DataType.INT16.minValue());
        assertEquals(32767, DataType.INT16.maxValue());
        assertEquals(65535, DataType.UINT16.maxValue());
        assertEquals(-2147483648.0, DataType.INT32.minValue());
        assertEquals(2147483647.0, DataType.INT32.maxValue());
        assertEquals(3.4028234663852886E38, DataType.FLOAT32.maxValue());
        assertEquals(-Double.MAX_VALUE, DataType.FLOAT64.minValue());
    }
}
