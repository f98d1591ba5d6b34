package io.rastermill.core.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import org.junit.jupiter.api.Test;

class CalcOutputTypeTest {

    @Test
    void aGdalTypeAloneGetsGdalCalcsNoData() {
        assertEquals(CellType.userDefined(DataType.UINT8, 255), CalcOutputType.resolve(CellType.FLOAT64, "Byte", null));
        assertEquals(
                CellType.userDefined(DataType.UINT16, 65535), CalcOutputType.resolve(CellType.FLOAT64, "UInt16", null));
        assertEquals(
                -32768.0,
                CalcOutputType.resolve(CellType.FLOAT64, "Int16", null)
                        .noDataValue()
                        .getAsDouble());
        assertTrue(Double.isNaN(CalcOutputType.resolve(CellType.INT32, "Float32", null)
                .noDataValue()
                .getAsDouble()));
    }

    @Test
    void neitherGivenIsTheExpressionsDefaultAndNoDataAloneKeepsItsDataType() {
        assertEquals(CellType.INT32, CalcOutputType.resolve(CellType.INT32, null, null));
        assertEquals(CellType.userDefined(DataType.INT32, -1), CalcOutputType.resolve(CellType.INT32, null, "-1"));
        assertEquals(
                CellType.userDefined(DataType.FLOAT32, -9999),
                CalcOutputType.resolve(CellType.FLOAT64, "float32", " -9999 "));
        assertEquals(
                CellType.parse("float32ud-9999.0"), CalcOutputType.resolve(CellType.INT32, "float32ud-9999.0", null));
    }

    @Test
    void badValuesAreRefusedNamingWhatWasWrong() {
        assertEquals(
                "NoData -9999 is not a value of uint8 (0 to 255)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CalcOutputType.resolve(CellType.FLOAT64, "Byte", "-9999"))
                        .getMessage());
        assertEquals(
                "NoData 1.5 is not a value of int16 (-32768 to 32767)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CalcOutputType.resolve(CellType.FLOAT64, "Int16", "1.5"))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> CalcOutputType.resolve(CellType.FLOAT64, "UInt16", "nan"))
                .getMessage()
                .startsWith("NoData nan needs"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> CalcOutputType.resolve(CellType.FLOAT64, null, "none"))
                .getMessage()
                .contains("'none'"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> CalcOutputType.resolve(CellType.FLOAT64, "Float16x", null))
                .getMessage()
                .startsWith("output type must be Byte"));
    }
}
