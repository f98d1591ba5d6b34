package io.rastermill.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rastermill.core.cell.CellType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GDAL_NODATA text as C's %.18g writes it (expected values from Python's '%.18g' %, the same printf). */
class GdalNoDataTextTest {
    @Test
    void formatsLikePrintf18g() {
        assertEquals("-9999", GdalNoDataText.format(-9999.0));
        assertEquals("0.100000001490116119", GdalNoDataText.format(0.1f));
        assertEquals("-3.4028234663852886e+38", GdalNoDataText.format(-3.4028234663852886e38));
        assertEquals("1.00000000000000008e-05", GdalNoDataText.format(1e-5));
        assertEquals("1.23456789012345684e+20", GdalNoDataText.format(123456789012345678901.0));
        assertEquals("0.5", GdalNoDataText.format(0.5));
        assertEquals("1e+18", GdalNoDataText.format(1e18));
        assertEquals("100000000000000000", GdalNoDataText.format(1e17));
        assertEquals("nan", GdalNoDataText.format(Double.NaN));
        assertEquals("0", GdalNoDataText.format(0));
    }

    @Test
    void cellTypesGiveTheirNoDataOrNoTag() {
        assertEquals(Optional.of("-128"), GdalNoDataText.of(CellType.INT8));
        assertEquals(Optional.of("0"), GdalNoDataText.of(CellType.UINT8));
        assertEquals(Optional.of("255"), GdalNoDataText.of(CellType.parse("uint8ud255")));
        assertEquals(Optional.of("65535"), GdalNoDataText.of(CellType.parse("uint16ud65535")));
        assertEquals(Optional.of("-2147483648"), GdalNoDataText.of(CellType.INT32));
        assertEquals(Optional.of("nan"), GdalNoDataText.of(CellType.FLOAT32));
        assertEquals(Optional.of("-9999"), GdalNoDataText.of(CellType.parse("float32ud-9999.0")));
        assertEquals(Optional.empty(), GdalNoDataText.of(CellType.FLOAT64_RAW));
        assertEquals(Optional.empty(), GdalNoDataText.of(CellType.BOOL));
    }
}
